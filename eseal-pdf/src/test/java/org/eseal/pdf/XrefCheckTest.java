package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XrefCheckTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "pdf20-simple.pdf, true",
    "hybrid-xref-msword.pdf, true",
    "acroform-irs1040-ur3-hybrid.pdf, true",
    "cjk-excel-linearized-objstm.pdf, true",
    "signed-two-signatures.pdf, true",
    "damaged-xref-invalid-entry.pdf, false",
  })
  void classicTablesSound_corpusFile_matchesKnownState(String file, boolean sound) {
    byte[] pdf = Checks.read(Tools.corpus("pdf").resolve(file));
    assertEquals(Optional.of(sound), XrefCheck.classicTablesSound(pdf));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"truncated-linearized.pdf", "truncated-garbled-midstream.pdf"})
  void classicTablesSound_truncated_neverSound(String file) {
    byte[] pdf = Checks.read(Tools.corpus("pdf").resolve(file));
    assertNotEquals(Optional.of(true), XrefCheck.classicTablesSound(pdf));
  }
}

package org.eseal.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eseal.core.report.DocumentReport;
import org.eseal.core.report.Indication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealAContractTest {
  @TempDir Path dir;

  @Test
  void run_generatedContract_sealedAndPassed() {
    DocumentReport report = SealAContract.run(dir);

    assertEquals(Indication.PASSED, report.indication(), report.toText());
    assertEquals(1, report.signatures().size());
    assertTrue(report.signatures().get(0).platformSeal());
    assertTrue(Files.exists(dir.resolve("contract-sealed.pdf")));
  }
}

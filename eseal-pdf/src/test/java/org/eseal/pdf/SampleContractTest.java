package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.eseal.core.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleContractTest {
  @TempDir Path dir;

  @Test
  void write_twoPagesWithBothAnchorsAndBothLanguages() throws IOException {
    Path file = dir.resolve("contract.pdf");
    Organization buyer = Organization.of("杭州示例科技有限公司", "91330106MA2B3C4D5D");

    SampleContract.write(file, buyer, "上海样例贸易有限公司", LocalDate.of(2026, 1, 15));

    try (PdfDocument pdf = new PdfDocument(new PdfReader(file.toFile()))) {
      assertEquals(2, pdf.getNumberOfPages());
      String first = PdfTextExtractor.getTextFromPage(pdf.getPage(1));
      String second = PdfTextExtractor.getTextFromPage(pdf.getPage(2));
      assertTrue(first.contains("采购合同"), first);
      assertTrue(first.contains("PURCHASE CONTRACT"), first);
      assertTrue(first.contains("91330106MA2B3C4D5D"), first);
      assertTrue(second.contains(SampleContract.PARTY_A_ANCHOR), second);
      assertTrue(second.contains(SampleContract.PARTY_B_ANCHOR), second);
    }
    try (var left = Files.list(dir)) {
      assertEquals(1, left.count(), "no temporary file may be left");
    }
  }
}

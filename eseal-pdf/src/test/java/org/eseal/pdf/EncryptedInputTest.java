package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.EncryptionConstants;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedInputTest {
  private static final String OWNER = "owner-secret";

  private static Path printOnly(Path dir) throws IOException {
    Path file = dir.resolve("print-only.pdf");
    WriterProperties properties =
        new WriterProperties()
            .setStandardEncryption(
                new byte[0],
                OWNER.getBytes(StandardCharsets.US_ASCII),
                EncryptionConstants.ALLOW_PRINTING,
                EncryptionConstants.ENCRYPTION_AES_128);
    try (PdfDocument d = new PdfDocument(new PdfWriter(file.toString(), properties))) {
      new PdfCanvas(d.addNewPage()).rectangle(100, 100, 200, 200).stroke();
    }
    return file;
  }

  @Test
  void seal_printOnlyWithoutOwnerPassword_permissionDenied(@TempDir Path dir) throws IOException {
    Path input = printOnly(dir);
    Path out = dir.resolve("out");
    java.nio.file.Files.createDirectory(out);
    CorpusSealingTest.refused(TestSeals.sealer().build(), input, out, ErrorCode.PERMISSION_DENIED);
  }

  @Test
  void seal_printOnlyWithOwnerPassword_sealedAndStillEncrypted(@TempDir Path dir)
      throws IOException {
    Path input = printOnly(dir);
    Path output = dir.resolve("sealed.pdf");
    SealResult result =
        TestSeals.sealer()
            .ownerPassword(OWNER.toCharArray())
            .build()
            .seal(input, output, SealPlacement.at(1, 40, 40));
    Checks.sealedCorrectly(input, output, result);
    try (PdfDocument d = new PdfDocument(new PdfReader(output.toFile()))) {
      assertTrue(d.getReader().isEncrypted());
      assertEquals(
          EncryptionConstants.ALLOW_PRINTING,
          d.getReader().getPermissions() & EncryptionConstants.ALLOW_PRINTING);
    }
  }
}

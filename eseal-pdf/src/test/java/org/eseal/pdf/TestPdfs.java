package org.eseal.pdf;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small inputs generated in the test itself, so that tests about failures need no shared corpus and
 * run in a fresh clone.
 */
final class TestPdfs {
  private TestPdfs() {}

  /** An unsigned one-page A4 document. */
  static byte[] onePage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument doc = new PdfDocument(new PdfWriter(out))) {
      doc.addNewPage(PageSize.A4);
    }
    return out.toByteArray();
  }

  /** Writes {@link #onePage()} to {@code file}. */
  static Path onePage(Path file) {
    return write(file, onePage());
  }

  /** Writes a text file that is not a PDF to {@code file}. */
  static Path notAPdf(Path file) {
    return write(file, "this is plain text\n".getBytes(StandardCharsets.US_ASCII));
  }

  static Path write(Path file, byte[] content) {
    try {
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

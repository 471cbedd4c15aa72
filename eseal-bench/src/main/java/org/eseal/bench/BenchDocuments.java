package org.eseal.bench;

import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Generates benchmark inputs of a given size. */
final class BenchDocuments {
  private static final int IMAGE_SIDE = 512;

  private BenchDocuments() {}

  /**
   * Writes an A4 PDF of about {@code bytes} bytes: pages each holding a 512 x 512 RGB image of
   * noise, which Flate cannot shrink, so the file size is what the benchmark asks for.
   */
  static void write(Path file, long bytes) throws IOException {
    int imageBytes = IMAGE_SIDE * IMAGE_SIDE * 3;
    long pages = Math.max(1, Math.round((double) bytes / imageBytes));
    SplittableRandom random = new SplittableRandom(42);
    try (PdfDocument pdf = new PdfDocument(new PdfWriter(file.toFile()))) {
      for (long i = 0; i < pages; i++) {
        byte[] pixels = new byte[imageBytes];
        random.nextBytes(pixels);
        ImageData image = ImageDataFactory.create(IMAGE_SIDE, IMAGE_SIDE, 3, 8, pixels, null);
        PdfPage page = pdf.addNewPage(PageSize.A4);
        new PdfCanvas(page)
            .addImageFittedIntoRectangle(image, new Rectangle(50, 300, 495, 495), false);
      }
    }
  }
}

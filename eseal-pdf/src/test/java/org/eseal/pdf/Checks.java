package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Assertions on sealed outputs, shared by the tests. */
final class Checks {
  static final String VALID = "Signature is Valid.";

  private Checks() {}

  static long valid(List<String> states) {
    return states.stream().filter(VALID::equals).count();
  }

  /**
   * The output passes {@code qpdf --check} (or fails no worse than the input did), earlier valid
   * signatures stay valid, the new one is valid, and the input is a byte prefix of the output.
   */
  static void sealedCorrectly(Path input, Path output, SealResult result) {
    Tools.Run inCheck = Tools.qpdfCheck(input);
    Tools.Run outCheck = Tools.qpdfCheck(output);
    assertTrue(
        outCheck.exit() == 0 || outCheck.exit() == inCheck.exit(),
        "qpdf --check: " + outCheck.output());
    List<String> before = Tools.signatureStates(input);
    List<String> after = Tools.signatureStates(output);
    assertEquals(before.size() + 1, after.size(), Tools.pdfsig(output));
    assertEquals(valid(before) + 1, valid(after), Tools.pdfsig(output));
    assertTrue(Tools.pdfsig(output).contains("Signature Field Name: " + result.fieldName()));
    byte[] in = read(input);
    byte[] out = read(output);
    if (!result.repaired()) {
      assertArrayEquals(in, Arrays.copyOf(out, in.length), "original bytes must stay a prefix");
    }
    assertEquals(3, sigFlags(output), "/SigFlags");
  }

  static int sigFlags(Path pdf) {
    try (PdfDocument d = new PdfDocument(new PdfReader(pdf.toFile()).setUnethicalReading(true))) {
      PdfDictionary form = d.getCatalog().getPdfObject().getAsDictionary(PdfName.AcroForm);
      return form.getAsNumber(PdfName.SigFlags).intValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory holds no file at all: no output and no temporary file. */
  static void empty(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> left = files.toList();
      assertTrue(left.isEmpty(), "left behind: " + left);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

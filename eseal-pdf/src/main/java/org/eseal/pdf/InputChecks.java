package org.eseal.pdf;

import java.nio.charset.StandardCharsets;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/** Cheap checks on raw bytes, done before any parser sees them. */
final class InputChecks {
  private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STARTXREF = "startxref".getBytes(StandardCharsets.US_ASCII);

  private InputChecks() {}

  /**
   * Requires {@code %PDF-} within the first 1024 bytes (ISO 32000-2 7.5.2; readers accept a header
   * that does not start at byte 0).
   */
  static void requireHeader(byte[] input) {
    if (indexOf(input, HEADER, 0, Math.min(input.length, 1024)) < 0) {
      throw new ESealException(
          ErrorCode.NOT_A_PDF, "not a PDF: no %PDF- header in the first 1024 bytes");
    }
  }

  /** Whether the file ends as a complete PDF does: {@code startxref} and {@code %%EOF}. */
  static boolean tailIntact(byte[] input) {
    int from = Math.max(0, input.length - 1024);
    return indexOf(input, EOF, from, input.length) >= 0
        && indexOf(input, STARTXREF, Math.max(0, input.length - 2048), input.length) >= 0;
  }

  static int indexOf(byte[] data, byte[] pattern, int from, int to) {
    outer:
    for (int i = from; i <= to - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

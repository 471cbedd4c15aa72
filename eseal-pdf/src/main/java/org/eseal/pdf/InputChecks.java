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
    if (input.length == 0) {
      throw new ESealException(ErrorCode.NOT_A_PDF, "not a PDF: the file is empty");
    }
    if (indexOf(input, HEADER, 0, Math.min(input.length, 1024)) < 0) {
      throw new ESealException(
          ErrorCode.NOT_A_PDF, "not a PDF: no %PDF- header in the first 1024 bytes");
    }
  }

  /**
   * Whether the file ends as a complete PDF does (ISO 32000-2 7.5.5): {@code startxref}, an offset
   * and {@code %%EOF}, followed by nothing but white space or NUL padding. A file cut short keeps
   * the markers of its earlier revisions; they must not make it look whole.
   */
  static boolean tailIntact(byte[] input) {
    int i = input.length;
    while (i > 0 && isPadding(input[i - 1])) {
      i--;
    }
    i -= EOF.length;
    if (i < 0 || indexOf(input, EOF, i, i + EOF.length) != i) {
      return false;
    }
    int digitsEnd = skipWhiteBack(input, i);
    int digitsStart = digitsEnd;
    while (digitsStart > 0 && input[digitsStart - 1] >= '0' && input[digitsStart - 1] <= '9') {
      digitsStart--;
    }
    if (digitsStart == digitsEnd || digitsEnd == i) {
      return false;
    }
    int keywordEnd = skipWhiteBack(input, digitsStart);
    int keyword = keywordEnd - STARTXREF.length;
    return keywordEnd < digitsStart
        && keyword >= 0
        && indexOf(input, STARTXREF, keyword, keywordEnd) == keyword;
  }

  private static int skipWhiteBack(byte[] input, int end) {
    int i = end;
    while (i > 0 && isWhite(input[i - 1])) {
      i--;
    }
    return i;
  }

  private static boolean isWhite(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
  }

  private static boolean isPadding(byte b) {
    return isWhite(b) || b == 0;
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

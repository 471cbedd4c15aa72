package org.eseal.pdf;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.eseal.core.report.SubIndication;

/**
 * Checks a signature's {@code /ByteRange} against the raw file (ISO 32000-1 12.8.1, ETSI EN 319
 * 142-1 5.4): four non-negative integers, starting at 0, in order, inside the file and never
 * clamped; the gap is exactly the {@code /Contents} hex string with its delimiters; the range ends
 * at a revision boundary.
 */
final class ByteRangeCheck {
  static final String STRUCTURE = "byte-range.structure";
  static final String START = "byte-range.start";
  static final String BOUNDS = "byte-range.bounds";
  static final String GAP = "byte-range.contents-gap";
  static final String REVISION = "byte-range.revision-end";
  static final String WHOLE = "byte-range.whole-document";

  private static final byte[] CONTENTS = "/Contents".getBytes(StandardCharsets.US_ASCII);

  /** A byte range that passed every structural check. */
  record SignedRange(long[] range, int revision, boolean coversWholeDocument, byte[] contents) {
    byte[] signedBytes(byte[] pdf) {
      int l0 = (int) range[1];
      int l1 = (int) range[3];
      byte[] out = new byte[l0 + l1];
      System.arraycopy(pdf, (int) range[0], out, 0, l0);
      System.arraycopy(pdf, (int) range[2], out, l0, l1);
      return out;
    }
  }

  private ByteRangeCheck() {}

  static Optional<SignedRange> check(
      PdfArray byteRange, PdfString contents, byte[] pdf, Revisions revisions, Verdict v) {
    long[] r = parse(byteRange);
    if (r == null) {
      v.fail(
          STRUCTURE,
          SubIndication.FORMAT_FAILURE,
          "/ByteRange must be an array of exactly 4 non-negative integers, found "
              + (byteRange == null ? "none" : byteRange.toString()));
      return Optional.empty();
    }
    v.pass(STRUCTURE, "/ByteRange " + Arrays.toString(r));
    if (r[0] != 0) {
      v.fail(
          START,
          SubIndication.FORMAT_FAILURE,
          "the byte range starts at " + r[0] + ", so the first bytes of the file are not signed");
      return Optional.empty();
    }
    v.pass(START, "the byte range starts at offset 0");
    long gapStart = r[0] + r[1];
    long end = r[2] + r[3];
    if (gapStart >= r[2] || end > pdf.length) {
      v.fail(
          BOUNDS,
          SubIndication.FORMAT_FAILURE,
          "the ranges are out of order or run past the end of the file ("
              + end
              + " > "
              + pdf.length
              + " bytes)");
      return Optional.empty();
    }
    v.pass(BOUNDS, "both ranges lie inside the file of " + pdf.length + " bytes, in order");
    String gapProblem = gapProblem(pdf, (int) gapStart, (int) r[2]);
    if (gapProblem != null) {
      v.fail(GAP, SubIndication.FORMAT_FAILURE, gapProblem);
      return Optional.empty();
    }
    byte[] gap = hex(pdf, (int) gapStart, (int) r[2]);
    byte[] own = contents == null ? null : contents.getValueBytes();
    if (own == null || !Arrays.equals(own, gap)) {
      v.fail(
          GAP,
          SubIndication.HASH_FAILURE,
          "the unsigned gap holds another value than this signature's /Contents, so the byte"
              + " range is not what this signature signed");
      gap = own == null ? gap : own;
    } else {
      v.pass(GAP, "the unsigned gap is exactly the /Contents hex string with its delimiters");
    }
    int revision = revisions.revisionEndingAt(end);
    if (revision < 0) {
      v.fail(
          REVISION,
          SubIndication.FORMAT_FAILURE,
          "the byte range ends at " + end + ", which is not the end of a revision (%%EOF)");
      return Optional.empty();
    }
    v.pass(REVISION, "the byte range ends with revision " + (revision + 1));
    boolean whole = coversRest(pdf, end);
    int last = revisions.count() - 1;
    if (whole) {
      v.pass(WHOLE, "the signature covers the whole file");
    } else if (revision < last) {
      v.pass(
          WHOLE,
          "the signature covers revision "
              + (revision + 1)
              + " of "
              + revisions.count()
              + "; later revisions are checked for allowed changes");
    } else {
      v.warn(
          WHOLE,
          (pdf.length - end) + " bytes after the signed range are not covered by the signature");
    }
    return Optional.of(new SignedRange(r, revision, whole, gap));
  }

  /** Whether only nothing or one end-of-line marker follows {@code end}. */
  static boolean coversRest(byte[] pdf, long end) {
    long rest = pdf.length - end;
    if (rest == 0) {
      return true;
    }
    int e = (int) end;
    if (rest == 1) {
      return pdf[e] == '\n' || pdf[e] == '\r';
    }
    return rest == 2 && pdf[e] == '\r' && pdf[e + 1] == '\n';
  }

  private static long[] parse(PdfArray a) {
    if (a == null || a.size() != 4) {
      return null;
    }
    long[] r = new long[4];
    for (int i = 0; i < 4; i++) {
      PdfObject o = a.get(i);
      if (!(o instanceof PdfNumber)) {
        return null;
      }
      double d = ((PdfNumber) o).getValue();
      if (d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
        return null;
      }
      r[i] = (long) d;
    }
    return r;
  }

  private static String gapProblem(byte[] pdf, int from, int to) {
    if (to - from < 2 || pdf[from] != '<' || pdf[to - 1] != '>') {
      return "the unsigned gap at " + from + ".." + to + " is not delimited by < and >";
    }
    if ((to - from - 2) % 2 != 0) {
      return "the unsigned gap holds an odd number of hex digits";
    }
    for (int i = from + 1; i < to - 1; i++) {
      if (Character.digit(pdf[i], 16) < 0) {
        return "the unsigned gap holds a byte that is not a hex digit at offset " + i;
      }
    }
    int k = from - 1;
    while (k >= 0 && isWhite(pdf[k])) {
      k--;
    }
    int keyStart = k - CONTENTS.length + 1;
    if (keyStart < 0 || !Arrays.equals(Arrays.copyOfRange(pdf, keyStart, k + 1), CONTENTS)) {
      return "the unsigned gap is not preceded by the /Contents key";
    }
    return null;
  }

  private static byte[] hex(byte[] pdf, int from, int to) {
    byte[] decoded = new byte[(to - from - 2) / 2];
    for (int i = 0; i < decoded.length; i++) {
      int hi = Character.digit(pdf[from + 1 + 2 * i], 16);
      int lo = Character.digit(pdf[from + 2 + 2 * i], 16);
      decoded[i] = (byte) (hi << 4 | lo);
    }
    return decoded;
  }

  private static boolean isWhite(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
  }
}

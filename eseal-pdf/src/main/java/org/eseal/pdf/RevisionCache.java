package org.eseal.pdf;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens the whole file and each revision (the file cut at that revision's {@code %%EOF}) at most
 * once, for reading only. Not thread-safe; one per verification.
 */
final class RevisionCache implements AutoCloseable {
  private final byte[] pdf;
  private final Revisions revisions;
  private final Map<Integer, PdfDocument> docs = new HashMap<>();
  private PdfDocument whole;
  private boolean rebuilt;

  RevisionCache(byte[] pdf, Revisions revisions) {
    this.pdf = pdf;
    this.revisions = revisions;
  }

  PdfDocument whole() {
    if (whole == null) {
      whole = open(pdf);
      rebuilt = whole.getReader().hasRebuiltXref();
    }
    return whole;
  }

  boolean rebuiltXref() {
    return rebuilt;
  }

  /** The document as it was at revision {@code index} (0-based). */
  PdfDocument revision(int index) {
    PdfDocument d = docs.get(index);
    if (d == null) {
      d = open(Arrays.copyOf(pdf, revisions.endWithEol(index)));
      docs.put(index, d);
    }
    return d;
  }

  /**
   * The signature dictionary that revision {@code index} holds under {@code field} with the same
   * byte range, or else any of its signature dictionaries with that byte range; null if none.
   */
  PdfDictionary signatureDictionary(int index, String field, PdfArray byteRange) {
    try {
      SignatureUtil util = new SignatureUtil(revision(index));
      PdfDictionary named = util.getSignatureDictionary(field);
      if (named != null && ChangeAnalyzer.same(named.get(PdfName.ByteRange), byteRange, 0)) {
        return named;
      }
      for (String other : util.getSignatureNames()) {
        PdfDictionary d = util.getSignatureDictionary(other);
        if (d != null && ChangeAnalyzer.same(d.get(PdfName.ByteRange), byteRange, 0)) {
          return d;
        }
      }
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private static PdfDocument open(byte[] bytes) {
    try {
      PdfReader r = PdfVerifier.reader(bytes);
      return new PdfDocument(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (PdfDocument d : docs.values()) {
      closeQuietly(d);
    }
    if (whole != null) {
      closeQuietly(whole);
    }
  }

  private static void closeQuietly(PdfDocument d) {
    try {
      d.close();
    } catch (RuntimeException e) {
      // Closing a read-only document releases memory only; nothing to report.
      return;
    }
  }
}

package org.eseal.pdf;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IPdfTextLocation;
import com.itextpdf.kernel.pdf.canvas.parser.listener.RegexBasedLocationExtractionStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds text on the pages of a document with iText's text extraction. */
final class KeywordLocator {

  /**
   * A found occurrence.
   *
   * @param page 1-based page number
   * @param rect the text's bounding box in user space
   */
  record Hit(int page, Rectangle rect) {}

  private KeywordLocator() {}

  /**
   * Finds the first occurrence of {@code text}, pages in order and each page top to bottom.
   * Whitespace that extraction puts between glyphs is allowed anywhere inside the text.
   */
  static Optional<Hit> first(PdfDocument document, String text) {
    Pattern pattern = pattern(text);
    for (int p = 1; p <= document.getNumberOfPages(); p++) {
      List<IPdfTextLocation> found = onPage(document, p, pattern);
      if (!found.isEmpty()) {
        return Optional.of(new Hit(p, found.get(0).getRectangle()));
      }
    }
    return Optional.empty();
  }

  private static List<IPdfTextLocation> onPage(PdfDocument document, int page, Pattern pattern) {
    RegexBasedLocationExtractionStrategy strategy =
        new RegexBasedLocationExtractionStrategy(pattern);
    try {
      new PdfCanvasProcessor(strategy).processPageContent(document.getPage(page));
    } catch (RuntimeException e) {
      // A content stream viewers tolerate (unbalanced q/Q, say) may stop the text parser; the
      // page then offers no anchor rather than failing the whole search.
      return List.of();
    }
    List<IPdfTextLocation> found = new ArrayList<>(strategy.getResultantLocations());
    found.sort(
        Comparator.comparingDouble((IPdfTextLocation l) -> -l.getRectangle().getTop())
            .thenComparingDouble(l -> l.getRectangle().getLeft()));
    return found;
  }

  static Pattern pattern(String text) {
    StringBuilder regex = new StringBuilder();
    String stripped = text.strip();
    stripped
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isWhitespace(cp)) {
                return;
              }
              if (regex.length() > 0) {
                regex.append("\\s*");
              }
              regex.append(Pattern.quote(new String(Character.toChars(cp))));
            });
    return Pattern.compile(regex.toString());
  }
}

package org.eseal.pdf;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a seal goes on a page: at a position measured on the page as the reader sees it, or centred
 * on a piece of text.
 *
 * <p>Positions are in millimetres from the top-left corner of the page's visible area (the CropBox
 * clipped to the MediaBox) after the page's {@code /Rotate} is applied, so they mean the same on a
 * rotated page as on a printed sheet. Immutable.
 */
public final class SealPlacement {

  /** Which occurrences of a keyword receive the seal. */
  public enum Occurrence {
    /** The first occurrence in reading order of pages. */
    FIRST,
    /**
     * Every occurrence. One signature carries one widget, so this currently seals the first
     * occurrence only, as {@link #FIRST} does, and says so in the result's warnings.
     */
    EVERY
  }

  private final int page;
  private final double xMm;
  private final double yMm;
  private final String keyword;
  private final Occurrence occurrence;

  private SealPlacement(int page, double xMm, double yMm, String keyword, Occurrence occurrence) {
    this.page = page;
    this.xMm = xMm;
    this.yMm = yMm;
    this.keyword = keyword;
    this.occurrence = occurrence;
  }

  /**
   * Puts the seal's centre {@code xMm} to the right of and {@code yMm} below the visible top-left
   * corner of page {@code page} (1-based).
   *
   * @throws IllegalArgumentException if the page is below 1 or a coordinate is negative or not
   *     finite
   */
  public static SealPlacement at(int page, double xMm, double yMm) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more, got " + page);
    }
    if (!Double.isFinite(xMm) || !Double.isFinite(yMm) || xMm < 0 || yMm < 0) {
      throw new IllegalArgumentException(
          "the seal position is in millimetres from the page's top-left corner and must be 0 or"
              + " more, got x "
              + xMm
              + ", y "
              + yMm);
    }
    return new SealPlacement(page, xMm, yMm, null, null);
  }

  /**
   * Centres the seal on {@code text} as found by the PDF's text extraction.
   *
   * @throws IllegalArgumentException if the text is blank
   */
  public static SealPlacement keyword(String text, Occurrence occurrence) {
    Objects.requireNonNull(occurrence, "occurrence");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("keyword text must not be blank");
    }
    return new SealPlacement(0, 0, 0, text, occurrence);
  }

  /** The page for a position, or empty for a keyword placement. */
  public Optional<Integer> page() {
    return keyword == null ? Optional.of(page) : Optional.empty();
  }

  /** Horizontal distance of the seal centre from the visible left edge, in millimetres. */
  public double xMm() {
    return xMm;
  }

  /** Vertical distance of the seal centre from the visible top edge, in millimetres. */
  public double yMm() {
    return yMm;
  }

  /** The anchor text, or empty for a position. */
  public Optional<String> keyword() {
    return Optional.ofNullable(keyword);
  }

  /** Which occurrences of the keyword are sealed, or empty for a position. */
  public Optional<Occurrence> occurrence() {
    return Optional.ofNullable(occurrence);
  }

  @Override
  public String toString() {
    return keyword == null
        ? "SealPlacement[page " + page + ", " + xMm + " mm, " + yMm + " mm]"
        : "SealPlacement[keyword '" + keyword + "', " + occurrence + "]";
  }
}

package org.eseal.pdf;

import java.util.List;
import java.util.Objects;

/**
 * What {@link PdfSealer} did: the signature field it filled, where the seal was drawn, and anything
 * the caller should know about the output.
 *
 * @param fieldName the fully qualified name of the signature field that holds the seal
 * @param page the 1-based page that shows the seal
 * @param rect the widget rectangle in the page's default user space, in points
 * @param repaired whether the input's cross-reference data was broken and the file was rewritten
 *     before sealing
 * @param warnings human-readable notes: scaled seal, repaired file, unsealed portfolio members
 */
public record SealResult(
    String fieldName, int page, Rect rect, boolean repaired, List<String> warnings) {

  /** Checks the fields and copies the warnings. */
  public SealResult {
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(rect, "rect");
    warnings = List.copyOf(warnings);
  }

  /**
   * A rectangle in PDF user space, in points.
   *
   * @param llx lower-left x
   * @param lly lower-left y
   * @param urx upper-right x
   * @param ury upper-right y
   */
  public record Rect(double llx, double lly, double urx, double ury) {

    /** Checks the corners are ordered. */
    public Rect {
      if (!(urx >= llx) || !(ury >= lly)) {
        throw new IllegalArgumentException(
            "corners out of order: [" + llx + " " + lly + " " + urx + " " + ury + "]");
      }
    }

    /** Width in points. */
    public double width() {
      return urx - llx;
    }

    /** Height in points. */
    public double height() {
      return ury - lly;
    }

    /** Whether {@code other} lies inside this rectangle, with a tolerance of 0.01 pt. */
    public boolean contains(Rect other) {
      double e = 0.01;
      return other.llx >= llx - e
          && other.lly >= lly - e
          && other.urx <= urx + e
          && other.ury <= ury + e;
    }
  }
}

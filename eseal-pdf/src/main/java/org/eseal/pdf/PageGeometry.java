package org.eseal.pdf;

import java.util.ArrayList;
import java.util.List;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.pdf.SealResult.Rect;

/**
 * The visible area of a page and the mapping between what a reader sees (the page turned by its
 * {@code /Rotate}) and the page's default user space (ISO 32000-2 8.3.2.3 and 14.11.2).
 */
final class PageGeometry {
  static final double POINTS_PER_MM = 72.0 / 25.4;

  private final Rect visible;
  private final int rotation;

  private PageGeometry(Rect visible, int rotation) {
    this.visible = visible;
    this.rotation = rotation;
  }

  /**
   * Builds the geometry of a page from its boxes; the visible box is the CropBox clipped to the
   * MediaBox (ISO 32000-2 14.11.2).
   */
  static PageGeometry of(Rect mediaBox, Rect cropBox, int rotate) {
    double llx = Math.max(mediaBox.llx(), cropBox.llx());
    double lly = Math.max(mediaBox.lly(), cropBox.lly());
    double urx = Math.min(mediaBox.urx(), cropBox.urx());
    double ury = Math.min(mediaBox.ury(), cropBox.ury());
    Rect visible = urx > llx && ury > lly ? new Rect(llx, lly, urx, ury) : mediaBox;
    int rotation = ((rotate % 360) + 360) % 360;
    if (rotation % 90 != 0) {
      rotation = 0;
    }
    return new PageGeometry(visible, rotation);
  }

  Rect visible() {
    return visible;
  }

  int rotation() {
    return rotation;
  }

  boolean quarterTurned() {
    return rotation == 90 || rotation == 270;
  }

  /** Width of the page as displayed, in points. */
  double displayWidth() {
    return quarterTurned() ? visible.height() : visible.width();
  }

  /** Height of the page as displayed, in points. */
  double displayHeight() {
    return quarterTurned() ? visible.width() : visible.height();
  }

  /**
   * Maps a displayed position, in points right of and below the displayed top-left corner, to
   * default user space. A page with {@code /Rotate 90} is shown turned clockwise, so its user space
   * lower-left corner appears top-left.
   */
  double[] toUserSpace(double dx, double dy) {
    return switch (rotation) {
      case 90 -> new double[] {visible.llx() + dy, visible.lly() + dx};
      case 180 -> new double[] {visible.urx() - dx, visible.lly() + dy};
      case 270 -> new double[] {visible.urx() - dy, visible.ury() - dx};
      default -> new double[] {visible.llx() + dx, visible.ury() - dy};
    };
  }

  /** Whether a user space point lies in the visible box. */
  boolean isVisible(double ux, double uy) {
    return ux >= visible.llx() && ux <= visible.urx() && uy >= visible.lly() && uy <= visible.ury();
  }

  /**
   * Places a seal of the displayed size {@code width} x {@code height} points centred on a user
   * space point, shrinking it to fit the visible box and moving it inside when it overhangs.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_PLACEMENT} when the centre is not on the
   *     visible page
   */
  Placed place(double ux, double uy, double width, double height) {
    if (!isVisible(ux, uy)) {
      throw new ESealException(
          ErrorCode.INVALID_PLACEMENT,
          String.format(
              java.util.Locale.ROOT,
              "the seal centre lies outside the visible page, which is %.1f x %.1f mm as shown",
              displayWidth() / POINTS_PER_MM,
              displayHeight() / POINTS_PER_MM));
    }
    List<String> warnings = new ArrayList<>();
    double scale = Math.min(1, Math.min(displayWidth() / width, displayHeight() / height));
    if (scale < 1) {
      warnings.add(
          String.format(
              java.util.Locale.ROOT,
              "the seal (%.1f x %.1f mm) is larger than the visible page; scaled to %.0f %%",
              width / POINTS_PER_MM,
              height / POINTS_PER_MM,
              scale * 100));
    }
    double w = width * scale;
    double h = height * scale;
    double rw = quarterTurned() ? h : w;
    double rh = quarterTurned() ? w : h;
    double llx = clamp(ux - rw / 2, visible.llx(), visible.urx() - rw);
    double lly = clamp(uy - rh / 2, visible.lly(), visible.ury() - rh);
    if (Math.abs(llx - (ux - rw / 2)) > 0.01 || Math.abs(lly - (uy - rh / 2)) > 0.01) {
      warnings.add("the seal overhung the visible page edge and was moved inside it");
    }
    return new Placed(new Rect(llx, lly, llx + rw, lly + rh), w, h, warnings);
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(v, max));
  }

  /**
   * A placed seal.
   *
   * @param rect the widget rectangle in user space
   * @param width displayed width of the seal in points
   * @param height displayed height of the seal in points
   * @param warnings notes on scaling or moving
   */
  record Placed(Rect rect, double width, double height, List<String> warnings) {
    Placed {
      warnings = List.copyOf(warnings);
    }
  }
}

package org.eseal.core.image;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import org.eseal.core.image.SealFont.Glyph;

/**
 * Lays glyph outlines along an elliptic arc or a straight line.
 *
 * <p>All trigonometry goes through {@link StrictMath}, so the same seal gives the same shapes on
 * every platform.
 */
final class TextPath {
  /** Least room between neighbouring glyphs on an arc, as a share of the glyph height. */
  static final double ARC_GAP = 0.18;

  /** Glyphs are squeezed no narrower than this; past it they get smaller instead. */
  private static final double MIN_WIDTH_SCALE = 0.5;

  /**
   * Extra stroke laid around each outline, as a share of the em. The bundled font is light; seal
   * lettering is set heavier so it survives printing and scanning.
   */
  private static final double WEIGHT = 0.035;

  /** Steps of the table that maps arc length to the ellipse parameter. */
  private static final int STEPS = 2048;

  private TextPath() {}

  /**
   * The middle line of a row of text on an ellipse centred at ({@code cx}, {@code cy}).
   *
   * <p>Angles are measured clockwise from twelve o'clock, in radians, as on a clock face; the
   * ellipse point at angle t is (cx + a sin t, cy - b cos t). Text facing out has the tops of its
   * characters towards the rim and reads clockwise (the upper arc); text facing in has them towards
   * the centre and reads counter-clockwise (the lower arc). Both read left to right.
   */
  record Arc(
      double cx, double cy, double a, double b, double middle, double span, boolean facingOut) {}

  /** Total advance of the glyphs in em. */
  static double ems(List<Glyph> glyphs) {
    double sum = 0;
    for (Glyph glyph : glyphs) {
      sum += glyph.advance();
    }
    return sum;
  }

  /**
   * Places the glyphs evenly along the arc at {@code height} millimetres per em. Glyphs that do not
   * fit are first squeezed sideways, then made smaller, always staying on the middle line.
   */
  static List<Shape> alongArc(List<Glyph> glyphs, Arc arc, double height) {
    int n = glyphs.size();
    double half = arc.span() / 2;
    double start = arc.facingOut() ? arc.middle() - half : arc.middle() + half;
    double end = arc.facingOut() ? arc.middle() + half : arc.middle() - half;
    double[] lengths = arcLengths(arc, start, end);
    double length = lengths[STEPS];
    double ems = ems(glyphs);
    double h = height;
    double widthScale = Math.min(1, (length - ARC_GAP * h * n) / (h * ems));
    if (widthScale < MIN_WIDTH_SCALE) {
      widthScale = MIN_WIDTH_SCALE;
      h = length / (ARC_GAP * n + MIN_WIDTH_SCALE * ems);
    }
    double gap = (length - h * widthScale * ems) / n;
    List<Shape> shapes = new ArrayList<>(n);
    double at = gap / 2;
    for (Glyph glyph : glyphs) {
      double width = h * widthScale * glyph.advance();
      double t = parameterAt(lengths, start, end, at + width / 2);
      double x = arc.cx() + arc.a() * StrictMath.sin(t);
      double y = arc.cy() - arc.b() * StrictMath.cos(t);
      // The outward normal of the ellipse; the character's top points along it, or against it.
      double nx = arc.b() * StrictMath.sin(t);
      double ny = -arc.a() * StrictMath.cos(t);
      if (!arc.facingOut()) {
        nx = -nx;
        ny = -ny;
      }
      double angle = StrictMath.atan2(nx, -ny);
      shapes.addAll(heavy(place(glyph, x, y, angle, h * widthScale, h), h));
      at += width + gap;
    }
    return shapes;
  }

  /**
   * Places the glyphs on a horizontal line centred at ({@code cx}, {@code cy}), {@code spacing} em
   * apart, squeezed sideways if the line would be wider than {@code maxWidth}.
   */
  static List<Shape> horizontal(
      List<Glyph> glyphs, double cx, double cy, double height, double maxWidth, double spacing) {
    int n = glyphs.size();
    double natural = height * (ems(glyphs) + spacing * (n - 1));
    double widthScale = Math.min(1, maxWidth / natural);
    double x = cx - natural * widthScale / 2;
    List<Shape> shapes = new ArrayList<>(n);
    for (Glyph glyph : glyphs) {
      double width = height * widthScale * glyph.advance();
      shapes.addAll(heavy(place(glyph, x + width / 2, cy, 0, height * widthScale, height), height));
      x += width + height * widthScale * spacing;
    }
    return shapes;
  }

  /**
   * The glyph scaled to {@code width} by {@code height} millimetres per em, turned by {@code angle}
   * (clockwise) and centred on ({@code x}, {@code y}).
   */
  static Shape place(Glyph glyph, double x, double y, double angle, double width, double height) {
    AffineTransform transform = AffineTransform.getTranslateInstance(x, y);
    transform.rotate(angle);
    transform.scale(width, height);
    return transform.createTransformedShape(glyph.outline());
  }

  /**
   * The outline and a round-joined stroke around it, {@link #WEIGHT} of {@code height} wide. They
   * are kept as two shapes: merged into one path, their windings could cancel and punch holes.
   */
  static List<Shape> heavy(Shape outline, double height) {
    BasicStroke stroke =
        new BasicStroke((float) (WEIGHT * height), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    return List.of(outline, stroke.createStrokedShape(outline));
  }

  /** Cumulative arc length from {@code start} at each of the table's steps. */
  private static double[] arcLengths(Arc arc, double start, double end) {
    double[] lengths = new double[STEPS + 1];
    double step = (end - start) / STEPS;
    double previous = speed(arc, start);
    for (int i = 1; i <= STEPS; i++) {
      double current = speed(arc, start + i * step);
      lengths[i] = lengths[i - 1] + Math.abs(step) * (previous + current) / 2;
      previous = current;
    }
    return lengths;
  }

  private static double speed(Arc arc, double t) {
    double dx = arc.a() * StrictMath.cos(t);
    double dy = arc.b() * StrictMath.sin(t);
    return StrictMath.sqrt(dx * dx + dy * dy);
  }

  /** The ellipse parameter at arc length {@code s} from {@code start}, read from the table. */
  private static double parameterAt(double[] lengths, double start, double end, double s) {
    int low = 0;
    int high = STEPS;
    while (high - low > 1) {
      int mid = (low + high) >>> 1;
      if (lengths[mid] <= s) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double segment = lengths[high] - lengths[low];
    double fraction = segment > 0 ? (s - lengths[low]) / segment : 0;
    return start + (end - start) * (low + fraction) / STEPS;
  }
}

package org.eseal.core.image;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.eseal.core.SealKind;
import org.eseal.core.image.SealFont.Glyph;
import org.eseal.core.image.TextPath.Arc;

/**
 * The three seal shapes as vector outlines, in millimetres, origin at the top left corner.
 *
 * <p>Every measure below is given for the standard 42 mm round seal and scales with the size.
 */
final class SealDrawing {
  private static final double STANDARD_MM = 42;

  /** Blank margin around the rim, so the antialiased edge stays inside the picture. */
  private static final double EDGE = 0.2;

  /** Between the rim and the text along it. */
  private static final double RIM_GAP = 0.7;

  /** Room between the words in the middle, in em. */
  private static final double LABEL_SPACING = 0.08;

  private SealDrawing() {}

  /** A finished drawing: its printed size and the shapes to fill in seal colour. */
  record Drawing(double widthMm, double heightMm, List<Shape> shapes) {}

  static Drawing of(SealSpec spec, double sizeMm) {
    return switch (spec.kind().shape()) {
      case ROUND -> round(spec, sizeMm);
      case OVAL -> oval(spec, sizeMm);
      case SQUARE -> square(spec, sizeMm);
    };
  }

  /**
   * A round seal: rim, star, name along the upper arc, the kind's words under the star and the code
   * along the lower arc. An official seal (公章) carries no words under the star.
   */
  private static Drawing round(SealSpec spec, double sizeMm) {
    double s = sizeMm / STANDARD_MM;
    double c = sizeMm / 2;
    double outer = c - EDGE * s;
    double inner = outer - 1.2 * s;
    List<Shape> shapes = new ArrayList<>();
    shapes.add(ring(c, c, outer, outer, inner, inner));
    shapes.add(star(c, c, 7 * s));

    List<Glyph> name = SealFont.glyphs(spec.holderName(), "holderName");
    double nameHeight = 6.4 * s;
    double nameRadius = inner - RIM_GAP * s - nameHeight / 2;
    double nameSpan = degrees(clamp(150 + 9 * TextPath.ems(name), 210, 250));
    Arc nameArc = new Arc(c, c, nameRadius, nameRadius, 0, nameSpan, true);
    shapes.addAll(TextPath.alongArc(name, nameArc, nameHeight));

    if (spec.kind() != SealKind.OFFICIAL) {
      List<Glyph> label = SealFont.glyphs(spec.kind().label(), "label");
      shapes.addAll(TextPath.horizontal(label, c, c + 10 * s, 4.4 * s, 17 * s, LABEL_SPACING));
    }
    double codeHeight = 2.6 * s;
    double codeRadius = inner - 0.6 * s - codeHeight / 2;
    shapes.addAll(lowerCode(spec, c, c, codeRadius, codeRadius, codeHeight, degrees(100)));
    return new Drawing(sizeMm, sizeMm, shapes);
  }

  /** An oval seal, 40 by 30 mm at the standard size: no star, the kind's words in the middle. */
  private static Drawing oval(SealSpec spec, double sizeMm) {
    double s = sizeMm / STANDARD_MM;
    double width = 40 * s;
    double height = 30 * s;
    double cx = width / 2;
    double cy = height / 2;
    double ring = 1.0 * s;
    double outerA = cx - EDGE * s;
    double outerB = cy - EDGE * s;
    List<Shape> shapes = new ArrayList<>();
    shapes.add(ring(cx, cy, outerA, outerB, outerA - ring, outerB - ring));

    List<Glyph> name = SealFont.glyphs(spec.holderName(), "holderName");
    double nameHeight = 4.6 * s;
    // The ends of the arc lie where the ellipse bends hardest: a narrower span and a deeper inset
    // keep the outer corners of the first and last characters off the ring.
    double inset = ring + RIM_GAP * s + nameHeight / 2 + 0.8 * s;
    double nameSpan = degrees(clamp(120 + 6 * TextPath.ems(name), 150, 185));
    Arc nameArc = new Arc(cx, cy, outerA - inset, outerB - inset, 0, nameSpan, true);
    shapes.addAll(TextPath.alongArc(name, nameArc, nameHeight));

    List<Glyph> label = SealFont.glyphs(spec.kind().label(), "label");
    shapes.addAll(TextPath.horizontal(label, cx, cy + 1.8 * s, 4.2 * s, 19 * s, LABEL_SPACING));

    double codeHeight = 2.3 * s;
    double codeInset = ring + 0.5 * s + codeHeight / 2;
    shapes.addAll(
        lowerCode(spec, cx, cy, outerA - codeInset, outerB - codeInset, codeHeight, degrees(70)));
    return new Drawing(width, height, shapes);
  }

  /**
   * A square name seal, half the round seal's size. Up to four ideographs stand in two columns read
   * from the top right, as on a traditional name seal. Any other name is set in rows.
   *
   * <p>A three-character name gets 印 as its fourth character.
   */
  private static Drawing square(SealSpec spec, double sizeMm) {
    double side = sizeMm / 2;
    double s = sizeMm / STANDARD_MM;
    double outer = EDGE * s;
    double frame = 1.1 * s;
    List<Shape> shapes = new ArrayList<>();
    Area rim = new Area(rect(outer, outer, side - 2 * outer, side - 2 * outer));
    double in = outer + frame;
    rim.subtract(new Area(rect(in, in, side - 2 * in, side - 2 * in)));
    shapes.add(rim);

    double box = in + 0.9 * s;
    double content = side - 2 * box;
    String name = spec.holderName();
    if (isIdeographic(name) && name.codePointCount(0, name.length()) == 3) {
      name = name + "印";
    }
    List<Glyph> glyphs = SealFont.glyphs(name, "holderName");
    if (isIdeographic(name) && glyphs.size() <= 4) {
      shapes.addAll(columns(glyphs, box, content));
    } else {
      shapes.addAll(rows(name, box, content));
    }
    return new Drawing(side, side, shapes);
  }

  /** One, two or four ideographs in columns, right column first, each read top down. */
  private static List<Shape> columns(List<Glyph> glyphs, double box, double content) {
    int n = glyphs.size();
    int cols = n == 1 ? 1 : 2;
    int rows = n == 4 ? 2 : 1;
    double cellWidth = content / cols;
    double cellHeight = content / rows;
    List<Shape> shapes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int col = cols - 1 - i / rows;
      int row = i % rows;
      double x = box + cellWidth * (col + 0.5);
      double y = box + cellHeight * (row + 0.5);
      Shape glyph = TextPath.place(glyphs.get(i), x, y, 0, cellWidth * 1.04, cellHeight * 1.04);
      shapes.addAll(TextPath.heavy(glyph, Math.min(cellWidth, cellHeight)));
    }
    return shapes;
  }

  /** Any other name in left-to-right rows: one word a row, or equal runs of characters. */
  private static List<Shape> rows(String name, double box, double content) {
    List<String> lines = new ArrayList<>();
    String[] words = name.split("\\s+");
    if (words.length > 1 && words.length <= 3) {
      lines.addAll(List.of(words));
    } else {
      int[] points = name.codePoints().toArray();
      int count = (int) Math.ceil(Math.sqrt(points.length));
      // Line lengths differ by one character at most; the longer lines come first.
      for (int i = 0, from = 0; i < count; i++) {
        int length = (points.length - from + (count - i) - 1) / (count - i);
        lines.add(new String(points, from, length));
        from += length;
      }
    }
    double lineHeight = content / lines.size();
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<Glyph> glyphs = SealFont.glyphs(lines.get(i).strip(), "holderName");
      double y = box + lineHeight * (i + 0.5);
      shapes.addAll(
          TextPath.horizontal(glyphs, box + content / 2, y, lineHeight * 0.95, content, 0.04));
    }
    return shapes;
  }

  /** The seal code along the lower arc, small, reading left to right. */
  private static List<Shape> lowerCode(
      SealSpec spec, double cx, double cy, double a, double b, double height, double maxSpan) {
    if (spec.sealCode().isEmpty()) {
      return List.of();
    }
    List<Glyph> code = SealFont.glyphs(spec.sealCode(), "sealCode");
    // Near six o'clock the ellipse runs at speed a per radian of its parameter.
    double natural = height * (TextPath.ems(code) + TextPath.ARC_GAP * code.size() * 1.6);
    double span = Math.min(maxSpan, natural / a);
    return TextPath.alongArc(code, new Arc(cx, cy, a, b, Math.PI, span, false), height);
  }

  private static Shape ring(
      double cx, double cy, double a, double b, double innerA, double innerB) {
    Area ring = new Area(new Ellipse2D.Double(cx - a, cy - b, 2 * a, 2 * b));
    ring.subtract(new Area(new Ellipse2D.Double(cx - innerA, cy - innerB, 2 * innerA, 2 * innerB)));
    return ring;
  }

  /** A solid five-pointed star of the given outer radius, one point straight up. */
  private static Shape star(double cx, double cy, double radius) {
    // The inner corners of a regular pentagram lie at cos 72° / cos 36° of the outer radius.
    double innerRadius = radius * StrictMath.cos(degrees(72)) / StrictMath.cos(degrees(36));
    Path2D.Double star = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? radius : innerRadius;
      double t = degrees(36 * i);
      double x = cx + r * StrictMath.sin(t);
      double y = cy - r * StrictMath.cos(t);
      if (i == 0) {
        star.moveTo(x, y);
      } else {
        star.lineTo(x, y);
      }
    }
    star.closePath();
    return star;
  }

  private static Path2D.Double rect(double x, double y, double w, double h) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x, y);
    path.lineTo(x + w, y);
    path.lineTo(x + w, y + h);
    path.lineTo(x, y + h);
    path.closePath();
    return path;
  }

  private static boolean isIdeographic(String text) {
    return text.codePoints().allMatch(Character::isIdeographic);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  private static double degrees(double degrees) {
    return degrees * StrictMath.PI / 180;
  }
}

package org.eseal.core.image;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The CJK font shipped inside the jar, handed out as glyph outlines.
 *
 * <p>Seals never go through text drawing: a system font that happens to be installed could
 * otherwise take over a character and change the image from one machine to the next. The font is
 * read once, on first use; the holder-class idiom makes that lazy and thread-safe.
 */
final class SealFont {
  private static final String RESOURCE = "DroidSansFallbackFull.ttf";

  /** Outlines are taken at a large size and scaled down, so no small-size hinting reaches them. */
  private static final float OUTLINE_SIZE = 1000f;

  /** Identity transform: the outlines must not depend on any device. */
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  /** Room on each side of a narrow Latin glyph, in em; ideographs bring their own. */
  private static final double NARROW_BEARING = 0.08;

  /** Advance of a space between words, in em. */
  private static final double SPACE_ADVANCE = 0.3;

  private SealFont() {}

  /**
   * An outline in em units, centred horizontally on its advance and vertically on the ideograph
   * box, and the room it takes along a line.
   */
  record Glyph(Shape outline, double advance) {}

  /** The family name of the loaded font, for tests that check which font is used. */
  static String family() {
    return Loaded.FONT.getFamily();
  }

  /**
   * The glyphs of {@code text}, one per code point.
   *
   * @throws IllegalArgumentException naming {@code field} if the font cannot draw a character
   */
  static List<Glyph> glyphs(String text, String field) {
    List<Glyph> glyphs = new ArrayList<>();
    text.codePoints().forEach(cp -> glyphs.add(glyph(cp, field)));
    return glyphs;
  }

  private static Glyph glyph(int codePoint, String field) {
    if (Character.isSpaceChar(codePoint) && codePoint != 0x3000) {
      return new Glyph(new Path2D.Double(), SPACE_ADVANCE);
    }
    // The font has no Latin block, only the full-width forms; those stand in for ASCII.
    boolean narrow = codePoint >= 0x21 && codePoint <= 0x7e;
    int drawn = narrow ? codePoint - 0x21 + 0xff01 : codePoint;
    if (codePoint == 0xb7) {
      // The middle dot between the parts of a transliterated name; the font has it as U+30FB.
      drawn = 0x30fb;
    }
    if (!Loaded.FONT.canDisplay(drawn)) {
      throw new IllegalArgumentException(
          String.format(
              "%s contains '%s' (U+%04X), which the seal font cannot draw",
              field, new String(Character.toChars(codePoint)), codePoint));
    }
    GlyphVector vector = Loaded.FONT.createGlyphVector(FRC, Character.toChars(drawn));
    Shape raw = vector.getGlyphOutline(0);
    double advance = vector.getGlyphMetrics(0).getAdvanceX() / OUTLINE_SIZE;
    double centreX = advance / 2;
    if (narrow) {
      Rectangle2D ink = raw.getBounds2D();
      advance = ink.getWidth() / OUTLINE_SIZE + 2 * NARROW_BEARING;
      centreX = ink.getCenterX() / OUTLINE_SIZE;
    }
    AffineTransform toEm = AffineTransform.getScaleInstance(1 / OUTLINE_SIZE, 1 / OUTLINE_SIZE);
    toEm.preConcatenate(AffineTransform.getTranslateInstance(-centreX, -Loaded.IDEOGRAPH_CENTRE_Y));
    return new Glyph(toEm.createTransformedShape(raw), advance);
  }

  private static final class Loaded {
    static final Font FONT = load();

    /**
     * Vertical centre of the ideograph box in em, measured on a full, square character so that
     * every glyph, Latin included, sits on the same middle line.
     */
    static final double IDEOGRAPH_CENTRE_Y =
        FONT.createGlyphVector(FRC, "国").getGlyphOutline(0).getBounds2D().getCenterY()
            / OUTLINE_SIZE;

    private static Font load() {
      try (InputStream in = SealFont.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("seal font missing from the classpath: " + RESOURCE);
        }
        return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(OUTLINE_SIZE);
      } catch (IOException | FontFormatException e) {
        throw new IllegalStateException("cannot read the seal font " + RESOURCE, e);
      }
    }
  }
}

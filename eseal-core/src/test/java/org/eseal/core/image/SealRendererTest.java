package org.eseal.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SealRendererTest {
  private static final String NAME = "杭州示例科技有限公司";
  private static final String CODE = "3301060012345";
  private static final int SEAL_RED = 0xFFE60012;

  @ParameterizedTest
  @CsvSource({
    "CONTRACT, 42, 42, 992, 992",
    "OFFICIAL, 42, 42, 992, 992",
    "FINANCE, 40, 30, 945, 709",
    "INVOICE, 40, 30, 945, 709",
    "LEGAL_REPRESENTATIVE, 21, 21, 496, 496",
    "PERSONAL_SIGNATURE, 21, 21, 496, 496"
  })
  void render_eachKind_hasExactSize(
      SealKind kind, double widthMm, double heightMm, int widthPx, int heightPx) {
    SealImage image = SealRenderer.standard().render(new SealSpec("张三丰", kind, CODE));

    assertEquals(widthMm, image.widthMm());
    assertEquals(heightMm, image.heightMm());
    BufferedImage pixels = decode(image);
    assertEquals(widthPx, pixels.getWidth());
    assertEquals(heightPx, pixels.getHeight());
  }

  @Test
  void render_customSizeAndDpi_scalesMillimetresAndPixels() {
    SealRenderer renderer = SealRenderer.builder().sizeMm(40).dpi(300).build();

    SealImage image = renderer.render(new SealSpec(NAME, SealKind.CONTRACT, CODE));

    assertEquals(40, image.widthMm());
    assertEquals(472, decode(image).getWidth());
  }

  @Test
  void render_round_hasTransparentCornersAndRedRingAndStar() {
    BufferedImage pixels = render(NAME, SealKind.CONTRACT);
    int last = pixels.getWidth() - 1;
    int centre = pixels.getWidth() / 2;

    for (int[] corner : new int[][] {{0, 0}, {last, 0}, {0, last}, {last, last}}) {
      assertEquals(0, pixels.getRGB(corner[0], corner[1]) >>> 24, "corner must be transparent");
    }
    // The rim runs from 0.2 to 1.4 mm inside the edge; 0.8 mm is in the middle of it.
    int rim = px(0.8);
    assertEquals(SEAL_RED, pixels.getRGB(centre, rim));
    assertEquals(SEAL_RED, pixels.getRGB(rim, centre));
    assertEquals(SEAL_RED, pixels.getRGB(last - rim, centre));
    assertEquals(SEAL_RED, pixels.getRGB(centre, last - rim));
    // The star's middle and a point inside its upper tip.
    assertEquals(SEAL_RED, pixels.getRGB(centre, centre));
    assertEquals(SEAL_RED, pixels.getRGB(centre, centre - px(5)));
    // Between the star's upper tip (7 mm) and the name there is nothing.
    assertEquals(0, pixels.getRGB(centre, centre - px(9)) >>> 24);
  }

  @Test
  void render_anyKind_paintsOnlySealRed() {
    for (SealKind kind : SealKind.values()) {
      BufferedImage pixels = render("张三丰", kind);
      for (int y = 0; y < pixels.getHeight(); y++) {
        for (int x = 0; x < pixels.getWidth(); x++) {
          int argb = pixels.getRGB(x, y);
          if (argb >>> 24 == 0xFF) {
            assertEquals(SEAL_RED, argb, kind + " at " + x + "," + y);
          }
        }
      }
    }
  }

  @Test
  void render_sameSpecTwice_givesIdenticalPng() {
    SealSpec spec = new SealSpec(NAME, SealKind.CONTRACT, CODE);

    byte[] first = SealRenderer.standard().render(spec).png();
    byte[] second = SealRenderer.builder().build().render(spec).png();

    assertArrayEquals(first, second);
  }

  @Test
  void render_differentNames_giveDifferentPixels() {
    BufferedImage first = render(NAME, SealKind.CONTRACT);
    BufferedImage second = render("宁波样例贸易有限公司", SealKind.CONTRACT);

    int size = first.getWidth();
    // Only the name differs, so the difference must show in the upper half, where the name is.
    int[] upperFirst = first.getRGB(0, 0, size, size / 2, null, 0, size);
    int[] upperSecond = second.getRGB(0, 0, size, size / 2, null, 0, size);
    assertFalse(Arrays.equals(upperFirst, upperSecond));
  }

  @Test
  void render_officialSeal_leavesSpaceUnderStarEmpty() {
    BufferedImage official = render(NAME, SealKind.OFFICIAL);
    BufferedImage contract = render(NAME, SealKind.CONTRACT);

    assertEquals(0, inkUnderStar(official));
    assertTrue(inkUnderStar(contract) > 1000, "contract seal shows its label");
  }

  @Test
  void render_latinName_drawsFullWidthForms() {
    BufferedImage latin = render("ACME Trading Co., Ltd.", SealKind.CONTRACT);
    BufferedImage other = render("ACME Trading Co., Ltc.", SealKind.CONTRACT);

    assertFalse(
        Arrays.equals(
            latin.getRGB(0, 0, latin.getWidth(), latin.getHeight(), null, 0, latin.getWidth()),
            other.getRGB(0, 0, other.getWidth(), other.getHeight(), null, 0, other.getWidth())));
  }

  @Test
  void render_characterMissingFromFont_throwsNamingIt() {
    SealSpec spec = new SealSpec("Café Example", SealKind.CONTRACT, "");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SealRenderer.standard().render(spec));
    assertTrue(e.getMessage().contains("holderName"), e.getMessage());
    assertTrue(e.getMessage().contains("U+00E9"), e.getMessage());
  }

  @Test
  void render_emptySealCode_drawsNoCode() {
    BufferedImage withCode = render(NAME, SealKind.OFFICIAL);
    BufferedImage without =
        decode(SealRenderer.standard().render(new SealSpec(NAME, SealKind.OFFICIAL, "")));

    // Under the code's middle, between the label and the rim.
    int size = without.getWidth();
    int left = size / 2 - px(6);
    int top = size / 2 + px(14);
    int width = 2 * px(6);
    int height = px(4);
    int[] band = without.getRGB(left, top, width, height, null, 0, width);
    for (int argb : band) {
      assertEquals(0, argb >>> 24);
    }
    assertFalse(Arrays.equals(band, withCode.getRGB(left, top, width, height, null, 0, width)));
  }

  @Test
  void builder_outOfRange_throws() {
    assertThrows(IllegalArgumentException.class, () -> SealRenderer.builder().sizeMm(10));
    assertThrows(IllegalArgumentException.class, () -> SealRenderer.builder().sizeMm(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> SealRenderer.builder().dpi(20));
    assertThrows(IllegalArgumentException.class, () -> SealRenderer.builder().dpi(5000));
  }

  @Test
  void font_isTheBundledOne() {
    assertEquals("Droid Sans Fallback", SealFont.family());
  }

  /** Opaque pixels in the band under the star where a round seal prints its kind. */
  private static int inkUnderStar(BufferedImage pixels) {
    int centre = pixels.getWidth() / 2;
    int count = 0;
    for (int y = centre + px(7.5); y < centre + px(12.5); y++) {
      for (int x = centre - px(9); x < centre + px(9); x++) {
        if (pixels.getRGB(x, y) >>> 24 != 0) {
          count++;
        }
      }
    }
    return count;
  }

  private static BufferedImage render(String name, SealKind kind) {
    return decode(SealRenderer.standard().render(new SealSpec(name, kind, CODE)));
  }

  private static int px(double mm) {
    return (int) Math.round(mm / 25.4 * SealRenderer.STANDARD_DPI);
  }

  private static BufferedImage decode(SealImage image) {
    try {
      return ImageIO.read(new ByteArrayInputStream(image.png()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

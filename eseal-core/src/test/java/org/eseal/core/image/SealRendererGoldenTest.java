package org.eseal.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares rendered seals pixel by pixel with committed pictures. Because every character comes
 * from the bundled font, these pass whether or not CJK fonts are installed on the machine.
 *
 * <p>A missing picture fails the test, unless the build runs with {@code
 * -Deseal.updateGolden=true}, which writes it for review.
 */
class SealRendererGoldenTest {
  private static final Path GOLDEN_DIR =
      Path.of(System.getProperty("basedir", "."), "src/test/resources/org/eseal/core/image");
  private static final Path ACTUAL_DIR =
      Path.of(System.getProperty("basedir", "."), "target/golden-actual");

  private static final String COMPANY = "杭州示例科技有限公司";
  private static final String CODE = "3301060012345";

  static Stream<Arguments> seals() {
    return Stream.of(
        Arguments.of("round-contract", new SealSpec(COMPANY, SealKind.CONTRACT, CODE)),
        Arguments.of("round-official", new SealSpec(COMPANY, SealKind.OFFICIAL, CODE)),
        Arguments.of("oval-finance", new SealSpec(COMPANY, SealKind.FINANCE, CODE)),
        Arguments.of("square-name", new SealSpec("张三丰", SealKind.LEGAL_REPRESENTATIVE, "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seals")
  void render_knownSeal_matchesGoldenPixels(String name, SealSpec spec) throws IOException {
    SealImage image = SealRenderer.standard().render(spec);
    Path golden = GOLDEN_DIR.resolve("golden-" + name + ".png");
    if (!Files.exists(golden)) {
      if (Boolean.getBoolean("eseal.updateGolden")) {
        SealImages.writePng(image, golden);
        return;
      }
      fail("missing " + golden + "; run with -Deseal.updateGolden=true and review the picture");
    }

    BufferedImage expected = ImageIO.read(golden.toFile());
    BufferedImage actual = ImageIO.read(new ByteArrayInputStream(image.png()));
    assertEquals(expected.getWidth(), actual.getWidth(), "width");
    assertEquals(expected.getHeight(), actual.getHeight(), "height");
    int[] want = argb(expected);
    int[] got = argb(actual);
    int differing = 0;
    int first = -1;
    for (int i = 0; i < want.length; i++) {
      if (want[i] != got[i]) {
        differing++;
        first = first < 0 ? i : first;
      }
    }
    if (differing > 0) {
      Files.createDirectories(ACTUAL_DIR);
      SealImages.writePng(image, ACTUAL_DIR.resolve("golden-" + name + ".png"));
    }
    assertTrue(
        differing == 0,
        differing
            + " pixels differ from "
            + golden
            + ", the first at x="
            + (first % actual.getWidth())
            + " y="
            + (first / Math.max(1, actual.getWidth()))
            + "; the rendered picture is in "
            + ACTUAL_DIR);
  }

  private static int[] argb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}

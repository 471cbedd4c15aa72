package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.pdf.SealResult.Rect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageGeometryTest {
  private static final double MM = PageGeometry.POINTS_PER_MM;
  private static final double EPS = 1e-6;

  /** A4 portrait with a 10 pt CropBox inset and a MediaBox shifted by (100, 200). */
  private static PageGeometry page(int rotate) {
    Rect media = new Rect(100, 200, 100 + 595, 200 + 842);
    Rect crop = new Rect(110, 210, 100 + 585, 200 + 832);
    return PageGeometry.of(media, crop, rotate);
  }

  @ParameterizedTest(name = "rotate {0}")
  @CsvSource({
    // rotate, expected user space centre of a point 30 mm right, 20 mm down from the top-left
    "0, 195.0393700787, 975.3070866142",
    "90, 166.6929133858, 295.0393700787",
    "180, 599.9606299213, 266.6929133858",
    "270, 628.3070866142, 946.9606299213",
    "-90, 628.3070866142, 946.9606299213",
  })
  void toUserSpace_rotatedPage_mapsVisibleTopLeft(int rotate, double ux, double uy) {
    double[] u = page(rotate).toUserSpace(30 * MM, 20 * MM);
    assertEquals(ux, u[0], 1e-6);
    assertEquals(uy, u[1], 1e-6);
  }

  @ParameterizedTest(name = "rotate {0}")
  @CsvSource({"0", "90", "180", "270"})
  void place_rotatedPage_rectInsideCropBoxCentredOnPoint(int rotate) {
    PageGeometry g = page(rotate);
    double[] u = g.toUserSpace(60 * MM, 60 * MM);
    PageGeometry.Placed p = g.place(u[0], u[1], 42 * MM, 30 * MM);
    Rect r = p.rect();
    assertTrue(g.visible().contains(r), r + " inside " + g.visible());
    assertEquals(u[0], (r.llx() + r.urx()) / 2, EPS);
    assertEquals(u[1], (r.lly() + r.ury()) / 2, EPS);
    boolean turned = rotate % 180 != 0;
    assertEquals(turned ? 30 * MM : 42 * MM, r.width(), EPS);
    assertEquals(turned ? 42 * MM : 30 * MM, r.height(), EPS);
    assertTrue(p.warnings().isEmpty(), p.warnings().toString());
  }

  @ParameterizedTest(name = "rotate {0}")
  @CsvSource({"0", "90"})
  void place_sealLargerThanPage_scalesDownWithWarning(int rotate) {
    Rect tiny = new Rect(0, 0, 72.7, 38.7);
    PageGeometry g = PageGeometry.of(tiny, tiny, rotate);
    double[] u = g.toUserSpace(g.displayWidth() / 2, g.displayHeight() / 2);
    PageGeometry.Placed p = g.place(u[0], u[1], 42 * MM, 42 * MM);
    assertTrue(tiny.contains(p.rect()), p.rect().toString());
    assertEquals(38.7, Math.min(p.rect().width(), p.rect().height()), 1e-6);
    assertEquals(1, p.warnings().size(), p.warnings().toString());
  }

  @ParameterizedTest(name = "rotate {0}")
  @CsvSource({"0", "180"})
  void place_nearEdge_movedInsideWithWarning(int rotate) {
    PageGeometry g = page(rotate);
    double[] u = g.toUserSpace(1, 1);
    PageGeometry.Placed p = g.place(u[0], u[1], 42 * MM, 42 * MM);
    assertTrue(g.visible().contains(p.rect()));
    assertEquals(1, p.warnings().size());
  }

  @ParameterizedTest(name = "rotate {0}")
  @CsvSource({"0", "270"})
  void place_centreOffPage_invalidPlacement(int rotate) {
    PageGeometry g = page(rotate);
    double[] u = g.toUserSpace(g.displayWidth() + 50, 10);
    ESealException e =
        assertThrows(ESealException.class, () -> g.place(u[0], u[1], 42 * MM, 42 * MM));
    assertEquals(ErrorCode.INVALID_PLACEMENT, e.code());
  }
}

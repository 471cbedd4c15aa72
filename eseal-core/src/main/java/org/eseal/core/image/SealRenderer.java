package org.eseal.core.image;

import java.awt.Color;
import org.eseal.core.SealImage;

/**
 * Draws seal images: round company seals, oval finance and invoice seals, square name seals.
 *
 * <p>Every character is taken from the CJK font shipped inside this library and drawn as a filled
 * outline; fonts installed on the machine are never used. With every rendering hint fixed, the same
 * {@link SealSpec} gives the same pixels on every machine running the same Java runtime. Only
 * off-screen images are drawn, so no display is needed: where none is configured, Java runs
 * headless by itself. A {@code DISPLAY} naming an unreachable X server still makes Java try to
 * connect; set {@code java.awt.headless=true} on such machines.
 *
 * <p>The size is that of the round seal, 42 mm across by default. An oval seal is 40/42 of it wide
 * and 30/42 of it high (40 by 30 mm by default); a square seal is half of it on each side. The
 * picture is red on a transparent background.
 *
 * <p>Instances are immutable and thread-safe. Rendering a 42 mm seal at 600 dpi takes about a tenth
 * of a second and 4 MB of memory for the pixels; the first call also reads the 4 MB font.
 */
public final class SealRenderer {
  /** Diameter of a standard round company seal. */
  public static final double STANDARD_SIZE_MM = 42;

  /** Resolution that keeps thin strokes crisp when printed. */
  public static final int STANDARD_DPI = 600;

  private static final double MIN_SIZE_MM = 20;
  private static final double MAX_SIZE_MM = 60;
  private static final int MIN_DPI = 72;
  private static final int MAX_DPI = 1200;

  /** A classic opaque seal red. */
  private static final Color SEAL_RED = new Color(0xE6, 0x00, 0x12);

  private static final SealRenderer STANDARD = new SealRenderer(STANDARD_SIZE_MM, STANDARD_DPI);

  private final double sizeMm;
  private final int dpi;

  private SealRenderer(double sizeMm, int dpi) {
    this.sizeMm = sizeMm;
    this.dpi = dpi;
  }

  /** A renderer for 42 mm seals at 600 dpi. */
  public static SealRenderer standard() {
    return STANDARD;
  }

  /** A builder that starts from the standard size and resolution. */
  public static Builder builder() {
    return new Builder();
  }

  /** Diameter of the round seal in millimetres; the other shapes derive their size from it. */
  public double sizeMm() {
    return sizeMm;
  }

  /** Pixels per inch of the rendered images. */
  public int dpi() {
    return dpi;
  }

  /**
   * Draws the seal. The image's size in millimetres is exact; its size in pixels is that size at
   * {@link #dpi()}, rounded to whole pixels.
   *
   * @throws IllegalArgumentException if the holder name or seal code holds a character the bundled
   *     font cannot draw
   */
  public SealImage render(SealSpec spec) {
    SealDrawing.Drawing drawing = SealDrawing.of(spec, sizeMm);
    byte[] png = Raster.png(Raster.rasterize(drawing, dpi, SEAL_RED), dpi);
    return SealImage.ofPng(png, drawing.widthMm(), drawing.heightMm());
  }

  @Override
  public String toString() {
    return "SealRenderer[" + sizeMm + " mm, " + dpi + " dpi]";
  }

  /** Chooses the size and resolution of a {@link SealRenderer}. */
  public static final class Builder {
    private double sizeMm = STANDARD_SIZE_MM;
    private int dpi = STANDARD_DPI;

    private Builder() {}

    /**
     * Sets the diameter of the round seal, from 20 to 60 mm.
     *
     * @throws IllegalArgumentException if the size is out of range
     */
    public Builder sizeMm(double sizeMm) {
      if (!(sizeMm >= MIN_SIZE_MM && sizeMm <= MAX_SIZE_MM)) {
        throw new IllegalArgumentException(
            "sizeMm must be between " + MIN_SIZE_MM + " and " + MAX_SIZE_MM + ", got " + sizeMm);
      }
      this.sizeMm = sizeMm;
      return this;
    }

    /**
     * Sets the resolution, from 72 to 1200 dpi.
     *
     * @throws IllegalArgumentException if the resolution is out of range
     */
    public Builder dpi(int dpi) {
      if (dpi < MIN_DPI || dpi > MAX_DPI) {
        throw new IllegalArgumentException(
            "dpi must be between " + MIN_DPI + " and " + MAX_DPI + ", got " + dpi);
      }
      this.dpi = dpi;
      return this;
    }

    /** The renderer. */
    public SealRenderer build() {
      return new SealRenderer(sizeMm, dpi);
    }
  }
}

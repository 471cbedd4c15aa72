package org.eseal.core.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.eseal.core.image.SealDrawing.Drawing;

/**
 * Turns a drawing into PNG bytes. Only off-screen images are used, so no display is needed.
 *
 * <p>Every rendering hint that could change a pixel is set explicitly rather than left to the
 * platform default, so the same drawing gives the same pixels.
 */
final class Raster {
  private static final String PNG_FORMAT = "javax_imageio_png_1.0";
  private static final double MM_PER_INCH = 25.4;

  private Raster() {}

  /** The pixel count that covers {@code mm} millimetres at {@code dpi}. */
  static int pixels(double mm, int dpi) {
    return (int) Math.round(mm / MM_PER_INCH * dpi);
  }

  /** Fills the drawing's shapes in {@code color} on a transparent background. */
  static BufferedImage rasterize(Drawing drawing, int dpi, Color color) {
    int width = pixels(drawing.widthMm(), dpi);
    int height = pixels(drawing.heightMm(), dpi);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(
          RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
      g.setRenderingHint(
          RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
      g.scale(width / drawing.widthMm(), height / drawing.heightMm());
      g.setColor(color);
      for (Shape shape : drawing.shapes()) {
        g.fill(shape);
      }
    } finally {
      g.dispose();
    }
    // Where antialiased edges of two shapes overlap, blending can round the colour channels; only
    // the coverage is wanted from it, so every pixel gets the exact colour back.
    int rgb = color.getRGB() & 0xFFFFFF;
    int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < argb.length; i++) {
      int alpha = argb[i] & 0xFF000000;
      argb[i] = alpha == 0 ? 0 : alpha | rgb;
    }
    return image;
  }

  /**
   * A seal is one colour at varying coverage, so a palette of that colour at 255 alpha levels holds
   * it exactly, in a quarter of the bytes of ARGB: the picture travels inside every signature, so
   * its size matters. Any other image is returned as it is.
   */
  private static BufferedImage indexedIfSingleColour(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
    int colour = -1;
    for (int pixel : argb) {
      if (pixel == 0) {
        continue;
      }
      int rgb = pixel & 0xFFFFFF;
      if (colour < 0) {
        colour = rgb;
      } else if (rgb != colour) {
        return image;
      }
    }
    if (colour < 0) {
      return image;
    }
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    byte[] a = new byte[256];
    for (int i = 1; i < 256; i++) {
      r[i] = (byte) (colour >>> 16);
      g[i] = (byte) (colour >>> 8);
      b[i] = (byte) colour;
      a[i] = (byte) i;
    }
    IndexColorModel palette = new IndexColorModel(8, 256, r, g, b, a);
    BufferedImage indexed =
        new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
    int[] alpha = new int[argb.length];
    for (int i = 0; i < argb.length; i++) {
      alpha[i] = argb[i] >>> 24;
    }
    indexed.getRaster().setSamples(0, 0, width, height, 0, alpha);
    return indexed;
  }

  /**
   * Encodes the image as PNG, recording {@code dpi} in the pHYs chunk so that viewers and printers
   * know its size. The encoder writes no time stamp, so equal images give equal bytes.
   */
  static byte[] png(BufferedImage image, int dpi) {
    image = indexedIfSingleColour(image);
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this Java runtime has no PNG encoder");
    }
    ImageWriter writer = writers.next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      String pixelsPerMetre = Long.toString(Math.round(dpi / MM_PER_INCH * 1000));
      IIOMetadataNode physical = new IIOMetadataNode("pHYs");
      physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
      physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
      physical.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
      root.appendChild(physical);
      metadata.mergeTree(PNG_FORMAT, root);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      // A memory cache keeps ImageIO from creating temporary files.
      try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(image, null, metadata), param);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("PNG encoding into memory failed", e);
    } finally {
      writer.dispose();
    }
  }
}

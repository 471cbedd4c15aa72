package org.eseal.pdf;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * The normal appearance of a seal widget: one form XObject that draws the seal picture, turned
 * against the page's {@code /Rotate} so that the reader sees it upright.
 *
 * <p>The picture is embedded losslessly as an 8-bit DeviceRGB image XObject (Flate), with its alpha
 * channel as a soft mask. PDF/A-1 forbids soft masks (ISO 19005-1 6.4), so for PDF/A-1 documents
 * fully transparent pixels become white and a colour-key mask hides white instead.
 */
final class SealAppearance {
  private static final byte[] SRGB_PROFILE =
      deflate(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());

  private final int pixelWidth;
  private final int pixelHeight;
  private final boolean hasAlpha;
  private final boolean anyTransparent;

  // Compressed once here, so that each seal only copies bytes: deflating a 600 dpi picture costs
  // more than all the rest of sealing a small PDF.
  private final byte[] rgbDeflated;
  private final byte[] alphaDeflated;
  private final byte[] rgbOnWhiteDeflated;

  private SealAppearance(
      int pixelWidth, int pixelHeight, byte[] rgb, byte[] alpha, boolean anyTransparent) {
    this.pixelWidth = pixelWidth;
    this.pixelHeight = pixelHeight;
    this.hasAlpha = alpha != null;
    this.anyTransparent = anyTransparent;
    this.rgbDeflated = deflate(rgb);
    this.alphaDeflated = alpha == null ? null : deflate(alpha);
    this.rgbOnWhiteDeflated = alpha == null ? rgbDeflated : deflate(onWhite(rgb, alpha));
  }

  /** Decodes the PNG once; the result can draw many appearances. */
  static SealAppearance fromPng(byte[] png) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new ESealException(ErrorCode.INVALID_SEAL, "the seal image PNG cannot be decoded", e);
    }
    if (image == null) {
      throw new ESealException(ErrorCode.INVALID_SEAL, "the seal image PNG cannot be decoded");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean hasAlpha = image.getColorModel().hasAlpha();
    byte[] rgb = new byte[w * h * 3];
    byte[] alpha = hasAlpha ? new byte[w * h] : null;
    boolean anyTransparent = false;
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int argb = row[x];
        int i = y * w + x;
        rgb[i * 3] = (byte) (argb >>> 16);
        rgb[i * 3 + 1] = (byte) (argb >>> 8);
        rgb[i * 3 + 2] = (byte) argb;
        if (alpha != null) {
          alpha[i] = (byte) (argb >>> 24);
          anyTransparent |= (argb >>> 24) == 0;
        }
      }
    }
    return new SealAppearance(w, h, rgb, alpha, anyTransparent);
  }

  /**
   * Creates the appearance form XObject in {@code document}.
   *
   * @param width displayed width in points
   * @param height displayed height in points
   * @param rotation the page's {@code /Rotate}: 0, 90, 180 or 270
   * @param pdfA the PDF/A part the document claims, or 0: PDF/A documents get the sRGB ICC colour
   *     space, and PDF/A-1 no soft mask
   */
  PdfFormXObject create(PdfDocument document, double width, double height, int rotation, int pdfA) {
    PdfStream image = imageXObject(document, pdfA);
    PdfFormXObject form = new PdfFormXObject(new Rectangle((float) width, (float) height));
    // ISO 32000-2 12.5.5: the Matrix turns the BBox; the result is fitted to the widget Rect.
    double radians = Math.toRadians(rotation);
    int cos = (int) Math.round(Math.cos(radians));
    int sin = (int) Math.round(Math.sin(radians));
    form.getPdfObject().put(PdfName.Matrix, new PdfArray(new int[] {cos, sin, -sin, cos, 0, 0}));
    PdfName name = form.getResources().addImage(image);
    String content =
        String.format(
            Locale.ROOT, "q %.4f 0 0 %.4f 0 0 cm /%s Do Q", width, height, name.getValue());
    form.getPdfObject().setData(content.getBytes(StandardCharsets.US_ASCII));
    return form;
  }

  private PdfStream imageXObject(PdfDocument document, int pdfA) {
    PdfStream image;
    PdfObject rgbSpace = pdfA > 0 ? srgb(document) : PdfName.DeviceRGB;
    if (pdfA == 1 && hasAlpha) {
      image = pictureStream(document, rgbOnWhiteDeflated, rgbSpace);
      if (anyTransparent) {
        image.put(PdfName.Mask, new PdfArray(new int[] {255, 255, 255, 255, 255, 255}));
      }
    } else {
      image = pictureStream(document, rgbDeflated, rgbSpace);
      if (hasAlpha) {
        PdfStream mask = pictureStream(document, alphaDeflated, PdfName.DeviceGray);
        image.put(PdfName.SMask, mask);
      }
    }
    return image;
  }

  /** The picture with fully transparent pixels made white, for a colour-key mask. */
  private static byte[] onWhite(byte[] rgb, byte[] alpha) {
    byte[] pixels = rgb.clone();
    for (int i = 0; i < alpha.length; i++) {
      if (alpha[i] == 0) {
        pixels[i * 3] = (byte) 255;
        pixels[i * 3 + 1] = (byte) 255;
        pixels[i * 3 + 2] = (byte) 255;
      }
    }
    return pixels;
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
      byte[] buffer = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** A stream whose bytes are already Flate-compressed; iText leaves filtered streams alone. */
  private static PdfStream deflatedStream(byte[] deflated) {
    PdfStream stream = new PdfStream(deflated.clone());
    stream.put(PdfName.Filter, PdfName.FlateDecode);
    return stream;
  }

  /**
   * A device-independent sRGB colour space (ISO 19005-1 6.2.3.3): PDF/A allows it whatever the
   * document's output intent.
   */
  private static PdfArray srgb(PdfDocument document) {
    PdfStream icc = deflatedStream(SRGB_PROFILE);
    icc.put(PdfName.N, new PdfNumber(3));
    icc.makeIndirect(document);
    PdfArray space = new PdfArray();
    space.add(PdfName.ICCBased);
    space.add(icc);
    return space;
  }

  private PdfStream pictureStream(PdfDocument document, byte[] deflated, PdfObject colorSpace) {
    PdfStream stream = deflatedStream(deflated);
    PdfDictionary dict = stream;
    dict.put(PdfName.Type, PdfName.XObject);
    dict.put(PdfName.Subtype, PdfName.Image);
    dict.put(PdfName.Width, new PdfNumber(pixelWidth));
    dict.put(PdfName.Height, new PdfNumber(pixelHeight));
    dict.put(PdfName.ColorSpace, colorSpace);
    dict.put(PdfName.BitsPerComponent, new PdfNumber(8));
    stream.makeIndirect(document);
    return stream;
  }
}

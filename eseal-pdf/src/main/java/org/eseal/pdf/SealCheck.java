package org.eseal.pdf;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.xobject.PdfImageXObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.eseal.core.ESealException;
import org.eseal.core.SealImage;
import org.eseal.core.report.SubIndication;
import org.eseal.core.ses.SealAttributes;
import org.eseal.core.ses.SesSeal;
import org.eseal.core.trust.ChainValidation;
import org.eseal.core.trust.TrustAnchors;

/**
 * Checks the platform facts of a seal signature (DESIGN.md section 6): the GB/T 38540 seal
 * structure carried as a signed attribute, its maker's signature (GB/T 38540-2020 7.2), that the
 * signer's certificate is one of the seal's holder certificates, and that the image the widget
 * shows is the seal's own picture at the seal's size.
 */
final class SealCheck {
  static final String PLATFORM = "seal.platform";
  static final String STRUCTURE = "seal.structure";
  static final String MAKER_SIGNATURE = "seal.maker-signature";
  static final String MAKER_CHAIN = "seal.maker-chain";
  static final String VALIDITY = "seal.validity";
  static final String HOLDER = "seal.holder-certificate";
  static final String IMAGE = "seal.image";
  static final String IMAGE_SIZE = "seal.image-size";

  private static final double POINTS_PER_MM = 72 / 25.4;
  private static final double SIZE_TOLERANCE_MM = 0.5;
  private static final int MAX_DEPTH = 16;

  /** What the seal check needs besides the CMS. */
  record Context(
      X509Certificate signer,
      List<X509Certificate> cmsCertificates,
      Optional<TrustAnchors> anchors,
      Instant at,
      PdfDictionary widget) {}

  private SealCheck() {}

  /** Runs the checks and returns the seal id when the structure decodes. */
  static Optional<String> check(CmsCheck.Result cms, Context ctx, Verdict v) {
    Optional<Attribute> attr = cms.signedAttribute(SealAttributes.SEAL_STRUCTURE);
    if (attr.isEmpty()) {
      v.notApplicable(PLATFORM, "non-platform signature: verified as plain PAdES");
      return Optional.empty();
    }
    SesSeal seal;
    try {
      if (attr.get().getAttrValues().size() != 1) {
        throw new IllegalArgumentException("the attribute must hold exactly one value");
      }
      byte[] der =
          ASN1OctetString.getInstance(attr.get().getAttrValues().getObjectAt(0)).getOctets();
      seal = SesSeal.decode(der);
    } catch (ESealException | IllegalArgumentException e) {
      v.fail(STRUCTURE, SubIndication.FORMAT_FAILURE, "the seal structure is malformed: " + e);
      return Optional.empty();
    }
    v.pass(STRUCTURE, "GB/T 38540 seal " + seal.esId() + " (" + seal.name() + ")");
    try {
      seal.verify();
      v.pass(MAKER_SIGNATURE, "the seal maker's signature over the seal verifies");
    } catch (ESealException e) {
      v.fail(MAKER_SIGNATURE, SubIndication.SIG_CRYPTO_FAILURE, e.getMessage());
    }
    List<X509Certificate> makerChain = new ArrayList<>();
    makerChain.add(seal.makerCertificate());
    makerChain.addAll(ctx.cmsCertificates());
    ChainValidation maker =
        ctx.anchors().isEmpty()
            ? null
            : ctx.anchors()
                .get()
                .validate(ChainCheck.order(seal.makerCertificate(), makerChain), ctx.at());
    if (maker == null) {
      v.indeterminate(
          MAKER_CHAIN, SubIndication.NO_CERTIFICATE_CHAIN_FOUND, "no trust anchors are configured");
    } else if (maker.trusted()) {
      v.pass(MAKER_CHAIN, "the seal maker's certificate leads to a trust anchor");
    } else {
      v.indeterminate(
          MAKER_CHAIN,
          SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
          "the seal maker is not trusted: " + maker.problem().orElse("unknown"));
    }
    if (seal.validity().contains(ctx.at())) {
      v.pass(VALIDITY, "the seal is valid at " + ctx.at());
    } else {
      v.indeterminate(
          VALIDITY,
          SubIndication.OUT_OF_BOUNDS_NO_POE,
          "the seal is valid from "
              + seal.validity().notBefore()
              + " to "
              + seal.validity().notAfter()
              + ", not at "
              + ctx.at());
    }
    if (seal.holderCertificates().contains(ctx.signer())) {
      v.pass(HOLDER, "the signer's certificate is a holder certificate of the seal");
    } else {
      v.fail(
          HOLDER,
          SubIndication.SIG_CONSTRAINTS_FAILURE,
          "the signer's certificate is not among the seal's holder certificates");
    }
    checkImage(seal.picture(), ctx.widget(), v);
    return Optional.of(seal.esId());
  }

  private static void checkImage(SealImage picture, PdfDictionary widget, Verdict v) {
    BufferedImage expected;
    try {
      expected = ImageIO.read(new ByteArrayInputStream(picture.png()));
    } catch (IOException e) {
      expected = null;
    }
    if (expected == null) {
      v.fail(IMAGE, SubIndication.FORMAT_FAILURE, "the seal's picture is not a readable PNG");
      return;
    }
    PdfDictionary ap = widget == null ? null : widget.getAsDictionary(PdfName.AP);
    PdfStream normal = ap == null ? null : ap.getAsStream(PdfName.N);
    if (normal == null) {
      v.fail(IMAGE, SubIndication.SIG_CONSTRAINTS_FAILURE, "the seal widget has no appearance");
      return;
    }
    List<PdfStream> images = new ArrayList<>();
    collectImages(normal, images, 0);
    String mismatch = "the appearance holds no image";
    for (PdfStream image : images) {
      mismatch = compare(image, expected);
      if (mismatch == null) {
        v.pass(IMAGE, "the widget shows the seal's own picture, pixel for pixel");
        checkSize(picture, widget, v);
        return;
      }
    }
    v.fail(
        IMAGE,
        SubIndication.SIG_CONSTRAINTS_FAILURE,
        "the widget's image is not the seal's: " + mismatch);
  }

  private static void checkSize(SealImage picture, PdfDictionary widget, Verdict v) {
    PdfArray rect = widget.getAsArray(PdfName.Rect);
    if (rect == null || rect.size() != 4) {
      v.fail(IMAGE_SIZE, SubIndication.FORMAT_FAILURE, "the widget has no /Rect");
      return;
    }
    double w = Math.abs(rect.getAsNumber(2).doubleValue() - rect.getAsNumber(0).doubleValue());
    double h = Math.abs(rect.getAsNumber(3).doubleValue() - rect.getAsNumber(1).doubleValue());
    double wMm = w / POINTS_PER_MM;
    double hMm = h / POINTS_PER_MM;
    boolean upright = near(wMm, picture.widthMm()) && near(hMm, picture.heightMm());
    boolean turned = near(wMm, picture.heightMm()) && near(hMm, picture.widthMm());
    String shown = String.format(Locale.ROOT, "%.1f x %.1f mm", wMm, hMm);
    String own =
        String.format(Locale.ROOT, "%.1f x %.1f mm", picture.widthMm(), picture.heightMm());
    if (upright || turned) {
      v.pass(IMAGE_SIZE, "shown at " + shown + ", the seal's own size");
    } else {
      v.warn(IMAGE_SIZE, "shown at " + shown + ", scaled from the seal's " + own);
    }
  }

  private static boolean near(double a, double b) {
    return Math.abs(a - b) <= SIZE_TOLERANCE_MM;
  }

  private static void collectImages(PdfStream xobject, List<PdfStream> out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    PdfDictionary resources = xobject.getAsDictionary(PdfName.Resources);
    PdfDictionary xobjects = resources == null ? null : resources.getAsDictionary(PdfName.XObject);
    if (xobjects == null) {
      return;
    }
    for (PdfName key : xobjects.keySet()) {
      PdfStream s = xobjects.getAsStream(key);
      if (s == null) {
        continue;
      }
      if (PdfName.Image.equals(s.getAsName(PdfName.Subtype))) {
        out.add(s);
      } else if (PdfName.Form.equals(s.getAsName(PdfName.Subtype)) && s != xobject) {
        collectImages(s, out, depth + 1);
      }
    }
  }

  /** Null when the image's RGB equals the picture's wherever the picture is not transparent. */
  private static String compare(PdfStream image, BufferedImage expected) {
    int w = expected.getWidth();
    int h = expected.getHeight();
    PdfObject width = image.get(PdfName.Width);
    PdfObject height = image.get(PdfName.Height);
    if (width == null
        || height == null
        || image.getAsNumber(PdfName.Width).intValue() != w
        || image.getAsNumber(PdfName.Height).intValue() != h) {
      return "its size is " + width + " x " + height + " pixels, the seal's is " + w + " x " + h;
    }
    int[] rgb;
    try {
      rgb = pixels(image, w, h);
    } catch (IOException | RuntimeException e) {
      return "it cannot be decoded: " + e.getMessage();
    }
    if (rgb == null) {
      return "it cannot be decoded";
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = expected.getRGB(x, y);
        if (argb >>> 24 == 0) {
          continue;
        }
        if ((argb & 0xFFFFFF) != rgb[y * w + x]) {
          return "the pixel at (" + x + ", " + y + ") differs";
        }
      }
    }
    return null;
  }

  private static int[] pixels(PdfStream image, int w, int h) throws IOException {
    boolean rgb8 =
        PdfName.DeviceRGB.equals(image.getAsName(PdfName.ColorSpace))
            && image.getAsNumber(PdfName.BitsPerComponent) != null
            && image.getAsNumber(PdfName.BitsPerComponent).intValue() == 8;
    int[] out = new int[w * h];
    if (rgb8) {
      byte[] raw = image.getBytes(true);
      if (raw.length < w * h * 3) {
        return null;
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = (raw[i * 3] & 0xFF) << 16 | (raw[i * 3 + 1] & 0xFF) << 8 | raw[i * 3 + 2] & 0xFF;
      }
      return out;
    }
    BufferedImage decoded = new PdfImageXObject(image).getBufferedImage();
    if (decoded == null || decoded.getWidth() != w || decoded.getHeight() != h) {
      return null;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = decoded.getRGB(x, y) & 0xFFFFFF;
      }
    }
    return out;
  }
}

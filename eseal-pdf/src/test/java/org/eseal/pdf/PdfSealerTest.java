package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.ses.SealAttributes;
import org.eseal.core.sign.SignatureAlgorithm;
import org.eseal.core.sign.Signer;
import org.eseal.sandbox.IssuedSeal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PdfSealerTest {
  private static final String SIMPLE = "pdf20-simple.pdf";

  @BeforeAll
  static void provider() {
    if (Security.getProvider("BC") == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private static Path corpus(String file) {
    return Tools.corpus("pdf").resolve(file);
  }

  @Test
  void seal_sealedBySecondParty_bothSignaturesValid(@TempDir Path dir) {
    Path once = dir.resolve("once.pdf");
    Path twice = dir.resolve("twice.pdf");
    SealResult first =
        TestSeals.sealer().build().seal(corpus(SIMPLE), once, SealPlacement.at(1, 40, 40));
    IssuedSeal other = TestSeals.second();
    SealResult second =
        PdfSealer.builder()
            .signer(other.signer())
            .seal(other.seal())
            .build()
            .seal(once, twice, SealPlacement.at(1, 100, 40));
    assertFalse(first.fieldName().equals(second.fieldName()));
    Checks.sealedCorrectly(once, twice, second);
    assertEquals(List.of(Checks.VALID, Checks.VALID), Tools.signatureStates(twice));
  }

  @Test
  void seal_signerFails_noOutputAndNoTemporaryFile(@TempDir Path dir, @TempDir Path inputs) {
    Path input = TestPdfs.onePage(inputs.resolve("in.pdf"));
    Signer broken = new FailingSigner(TestSeals.first().signer());
    PdfSealer sealer = PdfSealer.builder().signer(broken).sealImage(TestSeals.IMAGE).build();
    ESealException e =
        assertThrows(
            ESealException.class,
            () -> sealer.seal(input, dir.resolve("out.pdf"), SealPlacement.at(1, 40, 40)));
    assertEquals(ErrorCode.KEY_ERROR, e.code());
    Checks.empty(dir);
  }

  @Test
  void seal_existingOutputAndFailure_existingOutputUntouched(
      @TempDir Path dir, @TempDir Path inputs) throws IOException {
    Path input = TestPdfs.notAPdf(inputs.resolve("not-a-pdf.pdf"));
    Path out = dir.resolve("out.pdf");
    Files.writeString(out, "previous");
    assertThrows(
        ESealException.class,
        () -> TestSeals.sealer().build().seal(input, out, SealPlacement.at(1, 40, 40)));
    assertEquals("previous", Files.readString(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void seal_pageOutOfRange_invalidPlacement(@TempDir Path dir, @TempDir Path inputs) {
    Path input = TestPdfs.onePage(inputs.resolve("in.pdf"));
    ESealException e =
        assertThrows(
            ESealException.class,
            () ->
                TestSeals.sealer()
                    .build()
                    .seal(input, dir.resolve("o.pdf"), SealPlacement.at(9, 40, 40)));
    assertEquals(ErrorCode.INVALID_PLACEMENT, e.code());
    Checks.empty(dir);
  }

  @Test
  void seal_sealedFileCutShort_truncatedAndNoOutput(@TempDir Path dir, @TempDir Path inputs) {
    byte[] sealed =
        TestSeals.sealer().build().seal(TestPdfs.onePage(), SealPlacement.at(1, 40, 40)).pdf();
    // Cuts into the last revision: its signature is half written and its trailer is gone, while
    // the first revision's startxref and %%EOF are still in the file.
    byte[] cut = Arrays.copyOf(sealed, sealed.length - 1000);
    Path input = TestPdfs.write(inputs.resolve("cut.pdf"), cut);
    ESealException e =
        assertThrows(
            ESealException.class,
            () ->
                TestSeals.sealer()
                    .build()
                    .seal(input, dir.resolve("o.pdf"), SealPlacement.at(1, 100, 40)));
    assertEquals(ErrorCode.TRUNCATED_PDF, e.code(), e.getMessage());
    Checks.empty(dir);
  }

  @Test
  void seal_certifiedP3_fillsExistingEmptyField(@TempDir Path dir) {
    Path input = corpus("certified-docmdp-p3.pdf");
    Path out = dir.resolve("o.pdf");
    SealResult result = TestSeals.sealer().build().seal(input, out, SealPlacement.at(1, 40, 40));
    assertEquals("signature-test2", result.fieldName());
    assertTrue(
        result
            .warnings()
            .contains(
                "the certified document has an empty signature field 'signature-test2'; the seal"
                    + " was placed in it instead of at the requested position, and its widget"
                    + " resized to the seal's size"),
        result.warnings().toString());
    Checks.sealedCorrectly(input, out, result);
    // The widget takes the seal's size, centred where the prepared field was.
    try (PdfDocument d = new PdfDocument(new PdfReader(input.toFile()))) {
      Rectangle old =
          PdfFormCreator.getAcroForm(d, false)
              .getField("signature-test2")
              .getWidgets()
              .get(0)
              .getRectangle()
              .toRectangle();
      SealResult.Rect placed = result.rect();
      assertEquals(old.getX() + old.getWidth() / 2, (placed.llx() + placed.urx()) / 2, 0.5);
      assertEquals(old.getY() + old.getHeight() / 2, (placed.lly() + placed.ury()) / 2, 0.5);
      assertEquals(42 * PageGeometry.POINTS_PER_MM, placed.urx() - placed.llx(), 0.5);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SignatureAlgorithm.class)
  void seal_algorithm_cmsVerifiesWithSealStructureAndNoSigningTime(
      SignatureAlgorithm algorithm, @TempDir Path dir) throws Exception {
    IssuedSeal seal = TestSeals.issue(algorithm);
    byte[] out =
        PdfSealer.builder()
            .signer(seal.signer())
            .seal(seal.seal())
            .build()
            .seal(Files.readAllBytes(corpus(SIMPLE)), SealPlacement.at(1, 40, 40))
            .pdf();
    Path file = dir.resolve("o.pdf");
    Files.write(file, out);
    try (PdfDocument d = new PdfDocument(new PdfReader(file.toFile()))) {
      SignatureUtil util = new SignatureUtil(d);
      String name = util.getSignatureNames().get(0);
      PdfSignature sig = util.getSignature(name);
      assertEquals(PdfName.ETSI_CAdES_DETACHED, sig.getSubFilter());
      assertNotNull(sig.getPdfObject().get(PdfName.M));
      assertTrue(util.signatureCoversWholeDocument(name));
      long[] range = sig.getByteRange().toLongArray();
      ByteArrayOutputStream signed = new ByteArrayOutputStream();
      signed.write(out, (int) range[0], (int) range[1]);
      signed.write(out, (int) range[2], (int) range[3]);
      CMSSignedData cms =
          new CMSSignedData(
              new CMSProcessableByteArray(signed.toByteArray()), sig.getContents().getValueBytes());
      SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
      X509Certificate cert = seal.signer().certificateChain().get(0);
      assertTrue(
          info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider("BC").build(cert)));
      assertEquals(
          seal.signer().certificateChain().size(), cms.getCertificates().getMatches(null).size());
      AttributeTable attrs = info.getSignedAttributes();
      assertNull(attrs.get(CMSAttributes.signingTime));
      assertNotNull(attrs.get(CMSAttributes.contentType));
      assertNotNull(attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
      ASN1OctetString structure =
          ASN1OctetString.getInstance(
              attrs
                  .get(new ASN1ObjectIdentifier(SealAttributes.SEAL_STRUCTURE))
                  .getAttrValues()
                  .getObjectAt(0));
      assertArrayEquals(seal.seal().structure().encoded(), structure.getOctets());
      assertEquals(4, attrs.size());
    }
    if (algorithm != SignatureAlgorithm.SM2_SM3) {
      assertEquals(List.of(Checks.VALID), Tools.signatureStates(file));
    }
  }

  @Test
  void seal_appearance_imageLosslessWithSoftMask(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("o.pdf");
    TestSeals.sealer().build().seal(corpus(SIMPLE), out, SealPlacement.at(1, 40, 40));
    try (PdfDocument d = new PdfDocument(new PdfReader(out.toFile()))) {
      PdfStream image = sealImage(d);
      assertNotNull(image.get(PdfName.SMask));
      assertPixelsMatch(image);
    }
  }

  @Test
  void seal_pdfA1_colourKeyMaskInsteadOfSoftMask(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("o.pdf");
    TestSeals.sealer()
        .build()
        .seal(corpus("pdfa-1b-scan-ocr-rotate270.pdf"), out, SealPlacement.at(1, 40, 40));
    try (PdfDocument d = new PdfDocument(new PdfReader(out.toFile()))) {
      PdfStream image = sealImage(d);
      assertNull(image.get(PdfName.SMask));
      PdfArray mask = image.getAsArray(PdfName.Mask);
      assertEquals(6, mask.size());
      assertPixelsMatch(image);
    }
  }

  private static PdfStream sealImage(PdfDocument d) {
    SignatureUtil util = new SignatureUtil(d);
    String name = util.getSignatureNames().get(util.getSignatureNames().size() - 1);
    PdfDictionary field = util.getSignatureFormFieldDictionary(name);
    PdfStream form = field.getAsDictionary(PdfName.AP).getAsStream(PdfName.N);
    PdfDictionary xobjects =
        form.getAsDictionary(PdfName.Resources).getAsDictionary(PdfName.XObject);
    PdfStream image = xobjects.getAsStream(xobjects.keySet().iterator().next());
    return image;
  }

  private static void assertPixelsMatch(PdfStream image) throws IOException {
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(TestSeals.IMAGE.png()));
    assertEquals(png.getWidth(), image.getAsNumber(PdfName.Width).intValue());
    assertEquals(png.getHeight(), image.getAsNumber(PdfName.Height).intValue());
    byte[] samples = image.getBytes();
    int w = png.getWidth();
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < w; x++) {
        int argb = png.getRGB(x, y);
        if ((argb >>> 24) == 0) {
          continue;
        }
        int i = (y * w + x) * 3;
        int rgb =
            ((samples[i] & 0xff) << 16) | ((samples[i + 1] & 0xff) << 8) | (samples[i + 2] & 0xff);
        assertEquals(argb & 0xffffff, rgb, "pixel " + x + "," + y);
      }
    }
  }

  /** A signer whose key is unusable. */
  private static final class FailingSigner implements Signer {
    private final Signer delegate;

    FailingSigner(Signer delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<X509Certificate> certificateChain() {
      return delegate.certificateChain();
    }

    @Override
    public SignatureAlgorithm algorithm() {
      return delegate.algorithm();
    }

    @Override
    public byte[] sign(byte[] message) {
      throw new ESealException(ErrorCode.KEY_ERROR, "token removed");
    }
  }
}

package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.SignatureUtil;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.eseal.core.UnifiedSocialCreditCode;
import org.eseal.core.report.DocumentReport;
import org.eseal.core.report.Indication;
import org.eseal.core.report.Outcome;
import org.eseal.core.report.SignatureReport;
import org.eseal.core.report.SubIndication;
import org.eseal.core.sign.SignatureAlgorithm;
import org.eseal.sandbox.IssuedSeal;
import org.eseal.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seals made by {@link PdfSealer} with sandbox seals, verified against the sandbox root. */
class PdfVerifierSealTest {
  private static Sandbox sandbox;
  private static IssuedSeal seal;
  private static byte[] sealed;

  @BeforeAll
  static void seal() throws IOException {
    sandbox = Sandbox.start();
    String prefix = "91330106MA2CFXY5T";
    String code = prefix + UnifiedSocialCreditCode.checkCharacter(prefix);
    seal = sandbox.registerCompany("杭州示例科技有限公司", code, image()).officialSeal();
    sealed = sealer().seal(blankPdf(), SealPlacement.at(1, 40, 40)).pdf();
  }

  private static PdfSealer sealer() {
    return PdfSealer.builder()
        .signer(seal.signer())
        .sealImage(seal.seal().image())
        .sealStructure(seal.seal().structure().encoded())
        .reason("approval")
        .build();
  }

  @AfterAll
  static void close() {
    sandbox.close();
  }

  private static PdfVerifier verifier() {
    return PdfVerifier.builder().trustAnchors(sandbox.trustAnchors()).build();
  }

  @Test
  void verify_sandboxSeal_passes() {
    DocumentReport report = verifier().verify(sealed, "sealed.pdf");

    assertEquals(Indication.PASSED, report.indication(), report.toText());
    SignatureReport sig = report.signatures().get(0);
    assertTrue(sig.platformSeal(), report.toText());
    assertEquals(Optional.of(seal.seal().id()), sig.sealId());
    assertTrue(sig.coversWholeDocument());
    assertEquals(Outcome.PASSED, sig.check("seal.image").orElseThrow().outcome(), report.toText());
    assertEquals(Outcome.PASSED, sig.check("seal.holder-certificate").orElseThrow().outcome());
    assertEquals(Outcome.PASSED, sig.check("seal.image-size").orElseThrow().outcome());
    report.requirePassed();
  }

  @Test
  void verify_oneSignedByteFlipped_failsWithHashFailure() {
    byte[] pdf = sealed.clone();
    int at = indexOf(pdf, "/MediaBox");
    pdf[at + 1] = (byte) 'N';

    DocumentReport report = verifier().verify(pdf, "flipped.pdf");

    assertEquals(Indication.FAILED, report.indication(), report.toText());
    assertEquals(
        Optional.of(SubIndication.HASH_FAILURE), report.signatures().get(0).subIndication());
  }

  @Test
  void verify_otherTrustAnchor_isIndeterminateWithoutChain() {
    try (Sandbox other = Sandbox.start()) {
      PdfVerifier verifier = PdfVerifier.builder().trustAnchors(other.trustAnchors()).build();

      DocumentReport report = verifier.verify(sealed, "sealed.pdf");

      assertEquals(Indication.INDETERMINATE, report.indication(), report.toText());
      assertEquals(
          Optional.of(SubIndication.NO_CERTIFICATE_CHAIN_FOUND),
          report.signatures().get(0).subIndication());
    }
  }

  @Test
  void verify_sealImageReplacedInLaterRevision_failsImageCheck() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument doc =
        new PdfDocument(
            new PdfReader(new ByteArrayInputStream(sealed)),
            new PdfWriter(out),
            new StampingProperties().useAppendMode())) {
      SignatureUtil util = new SignatureUtil(doc);
      String name = util.getSignatureNames().get(0);
      PdfDictionary widget = util.getSignatureFormFieldDictionary(name);
      PdfStream image = firstImage(widget.getAsDictionary(PdfName.AP).getAsStream(PdfName.N));
      byte[] pixels = image.getBytes(true);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (byte) (pixels[i] ^ 0x5A);
      }
      image.setData(pixels);
      image.setModified();
    }

    DocumentReport report = verifier().verify(out.toByteArray(), "replaced.pdf");

    SignatureReport sig = report.signatures().get(0);
    assertEquals(Outcome.FAILED, sig.check("seal.image").orElseThrow().outcome(), report.toText());
    assertEquals(Indication.FAILED, report.indication());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "B29-pdfa-input/not_signed_pdfa.pdf",
        "B31-rotated-pages/sun_90.pdf",
        "B31-rotated-pages/documentWithRotatedPages.pdf",
        "B28-pdf20/pdf-2.0.pdf",
        "B15-xref-stream-vs-table/pdf-xref-streams.pdf"
      })
  void verify_sealedCorpusInput_passesWithOwnImage(String file) throws IOException {
    byte[] input = Files.readAllBytes(PdfVerifierCorpusTest.corpus().resolve(file));
    byte[] out = sealer().seal(input, SealPlacement.at(1, 40, 40)).pdf();

    DocumentReport report = verifier().verify(out, file);

    assertEquals(Indication.PASSED, report.indication(), report.toText());
    SignatureReport sig = report.signatures().get(0);
    assertEquals(Outcome.PASSED, sig.check("seal.image").orElseThrow().outcome(), report.toText());
    assertEquals(Outcome.PASSED, sig.check("seal.image-size").orElseThrow().outcome());
  }

  @Test
  void verify_sealAddedToSignedDocument_keepsEarlierSignaturesIntact() throws IOException {
    Path file =
        PdfVerifierCorpusTest.corpus()
            .resolve("B23-resign-alters-signed-objects/hello_signed_INCSAVE_signed.pdf");
    byte[] out = sealer().seal(Files.readAllBytes(file), SealPlacement.at(1, 40, 40)).pdf();

    DocumentReport report = verifier().verify(out, "resealed.pdf");

    assertEquals(3, report.signatures().size(), report.toText());
    assertTrue(
        report.documentFindings().stream().noneMatch(f -> f.code().equals("change.disallowed")),
        report.toText());
    for (SignatureReport sig : report.signatures()) {
      assertEquals(
          Outcome.PASSED, sig.check("cms.message-digest").orElseThrow().outcome(), report.toText());
    }
    assertEquals(Indication.PASSED, report.signatures().get(2).indication(), report.toText());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SignatureAlgorithm.class)
  void verify_sealKeyAlgorithm_passes(SignatureAlgorithm algorithm) {
    IssuedSeal other =
        sandbox.issueSeal(seal.seal().owner(), SealKind.CONTRACT, image(), algorithm);
    byte[] pdf =
        PdfSealer.builder()
            .signer(other.signer())
            .sealImage(other.seal().image())
            .sealStructure(other.seal().structure().encoded())
            .build()
            .seal(blankPdf(), SealPlacement.at(1, 40, 40))
            .pdf();

    DocumentReport report = verifier().verify(pdf, algorithm + ".pdf");

    assertEquals(Indication.PASSED, report.indication(), report.toText());
  }

  @Test
  void verify_sealedTwice_bothPassWithOnlyAllowedChanges() {
    byte[] twice = sealer().seal(sealed, SealPlacement.at(1, 100, 40)).pdf();

    DocumentReport report = verifier().verify(twice, "twice.pdf");

    assertEquals(Indication.PASSED, report.indication(), report.toText());
    assertEquals(2, report.signatures().size());
    assertEquals(false, report.signatures().get(0).coversWholeDocument());
    assertEquals(true, report.signatures().get(1).coversWholeDocument());
  }

  @Test
  void verify_notAPdf_throwsNotAPdf() {
    ESealException e =
        assertThrows(
            ESealException.class,
            () -> verifier().verify("hello".getBytes(StandardCharsets.US_ASCII), "hello.txt"));
    assertEquals(ErrorCode.NOT_A_PDF, e.code());
  }

  @Test
  void builder_zeroTimeout_isRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> PdfVerifier.builder().timeout(Duration.ZERO));
  }

  @Test
  void verify_unsignedPdf_isIndeterminate() {
    DocumentReport report = verifier().verify(blankPdf(), "blank.pdf");

    assertEquals(Indication.INDETERMINATE, report.indication());
    assertTrue(report.signatures().isEmpty());
  }

  private static PdfStream firstImage(PdfStream xobject) {
    PdfDictionary xobjects =
        xobject.getAsDictionary(PdfName.Resources).getAsDictionary(PdfName.XObject);
    for (PdfName key : xobjects.keySet()) {
      PdfStream s = xobjects.getAsStream(key);
      if (PdfName.Image.equals(s.getAsName(PdfName.Subtype))) {
        return s;
      }
      PdfStream inner = firstImage(s);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  private static int indexOf(byte[] data, String text) {
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    int i = Revisions.indexOf(data, needle, 0);
    assertTrue(i > 0, text);
    return i;
  }

  private static byte[] blankPdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument doc = new PdfDocument(new PdfWriter(out))) {
      doc.addNewPage(PageSize.A4);
    }
    return out.toByteArray();
  }

  private static SealImage image() {
    BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int dx = x - 32;
        int dy = y - 32;
        int r2 = dx * dx + dy * dy;
        if (r2 < 30 * 30 && r2 > 26 * 26 || Math.abs(dx) < 3 && Math.abs(dy) < 3) {
          picture.setRGB(x, y, 0xffd01010);
        } else if (r2 < 30 * 30) {
          picture.setRGB(x, y, 0x40d01010);
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return SealImage.ofPng(out.toByteArray(), 42, 42);
  }
}

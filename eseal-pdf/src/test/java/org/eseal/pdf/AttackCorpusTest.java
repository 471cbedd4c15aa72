package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfVersion;
import com.itextpdf.signatures.SignatureUtil;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sealer's column of the attack corpus (corpus/attacks/EXPECTED.tsv). */
class AttackCorpusTest {

  private static Path attack(String file) {
    return Tools.corpus("attacks").resolve(file);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "B12-docmdp-p1-no-changes/certified-no-change-permitted.pdf, CERTIFICATION_FORBIDS_CHANGES",
    "B27-encrypted-input-signing/signCertificateSecurityPdf.pdf, ENCRYPTED_PDF",
  })
  void seal_attackFile_refusedWithoutOutput(String file, ErrorCode code, @TempDir Path dir) {
    CorpusSealingTest.refused(TestSeals.sealer().build(), attack(file), dir, code);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "B16-broken-xref/EmptyPage-corrupted.pdf",
    "B16-broken-xref/EmptyPage-corrupted2.pdf",
  })
  void seal_brokenXref_refusedOrRepairedWithoutSignatures(String file, @TempDir Path dir) {
    Path input = attack(file);
    Path output = dir.resolve("sealed.pdf");
    boolean signed = !Tools.signatureStates(input).isEmpty();
    try {
      SealResult result =
          TestSeals.sealer().build().seal(input, output, SealPlacement.at(1, 20, 20));
      assertTrue(!signed && result.repaired(), "sealed a broken file: " + result);
      Checks.sealedCorrectly(input, output, result);
    } catch (ESealException e) {
      assertTrue(
          Set.of(ErrorCode.BROKEN_XREF, ErrorCode.TRUNCATED_PDF).contains(e.code()), e.toString());
      Checks.empty(dir);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "B18-parser-infinite-loop/pades_infinite_loop.pdf",
    "B18-parser-infinite-loop/pades_opposite_infinite_loop.pdf",
  })
  void seal_referenceLoop_finishesQuickly(String file, @TempDir Path dir) {
    PdfSealer sealer = TestSeals.sealer().parseTimeout(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    Path output = dir.resolve("sealed.pdf");
    try {
      SealResult result = sealer.seal(attack(file), output, SealPlacement.at(1, 20, 20));
      Checks.sealedCorrectly(attack(file), output, result);
    } catch (ESealException e) {
      Checks.empty(dir);
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "took too long");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "B19-byterange-outside-file/pdf-signed-original.pdf",
    "B23-resign-alters-signed-objects/hello_signed_INCSAVE_signed.pdf",
    "B14-hybrid-reference/hybrid.pdf",
    "B15-xref-stream-vs-table/pdf-xref-streams.pdf",
    "B29-pdfa-input/not_signed_pdfa.pdf",
    "B01-usf-malformed-contents/BadEncodedCMS.pdf",
  })
  void seal_signedOrSpecialInput_earlierSignaturesStayAsTheyWere(String file, @TempDir Path dir) {
    Path input = attack(file);
    Path output = dir.resolve("sealed.pdf");
    SealResult result = TestSeals.sealer().build().seal(input, output, SealPlacement.at(1, 30, 30));
    Checks.sealedCorrectly(input, output, result);
  }

  @Test
  void seal_pdf20_staysPdf20WithSigFlags3(@TempDir Path dir) throws IOException {
    Path input = attack("B28-pdf20/pdf-2.0.pdf");
    Path output = dir.resolve("sealed.pdf");
    SealResult result = TestSeals.sealer().build().seal(input, output, SealPlacement.at(1, 30, 30));
    Checks.sealedCorrectly(input, output, result);
    try (PdfDocument d = new PdfDocument(new PdfReader(output.toFile()))) {
      assertEquals(PdfVersion.PDF_2_0, d.getPdfVersion());
    }
  }

  @Test
  void seal_pdf20ExistingFieldNoSigFlags_fillsFieldAndSetsSigFlags(@TempDir Path dir)
      throws IOException {
    Path input = attack("B28-pdf20/signExistingFieldWhenDirectAcroformAndNoSigFlag.pdf");
    String field;
    try (PdfDocument d = new PdfDocument(new PdfReader(input.toFile()))) {
      field = new SignatureUtil(d).getBlankSignatureNames().get(0);
    }
    Path output = dir.resolve("sealed.pdf");
    SealResult result =
        TestSeals.sealer()
            .fieldName(field)
            .build()
            .seal(input, output, SealPlacement.at(1, 30, 30));
    assertEquals(field, result.fieldName());
    Checks.sealedCorrectly(input, output, result);
  }

  @Test
  void seal_pdf20SingleEmptyFieldUnnamed_fillsFieldWithWarning(@TempDir Path dir)
      throws IOException {
    Path input = attack("B28-pdf20/signExistingFieldWhenDirectAcroformAndNoSigFlag.pdf");
    String field;
    try (PdfDocument d = new PdfDocument(new PdfReader(input.toFile()))) {
      field = new SignatureUtil(d).getBlankSignatureNames().get(0);
    }
    Path output = dir.resolve("sealed.pdf");
    SealResult result = TestSeals.sealer().build().seal(input, output, SealPlacement.at(1, 30, 30));
    assertEquals(field, result.fieldName());
    assertTrue(
        result.warnings().stream()
            .anyMatch(
                w ->
                    w.contains("empty signature field '" + field + "'")
                        && w.contains("instead of at the requested position")),
        result.warnings().toString());
    Checks.sealedCorrectly(input, output, result);
    try (PdfDocument d = new PdfDocument(new PdfReader(output.toFile()))) {
      SignatureUtil util = new SignatureUtil(d);
      assertEquals(List.of(field), util.getSignatureNames());
      assertTrue(util.getBlankSignatureNames().isEmpty(), util.getBlankSignatureNames().toString());
    }
  }

  @Test
  void seal_restrictedEncryptedWithEmptyFields_fillsExistingField(@TempDir Path dir) {
    Path input = attack("B27-encrypted-input-signing/restricted_fields.pdf");
    Path output = dir.resolve("sealed.pdf");
    SealResult result = TestSeals.sealer().build().seal(input, output, SealPlacement.at(1, 30, 30));
    assertTrue(result.fieldName().startsWith("Signature"), result.toString());
    Checks.sealedCorrectly(input, output, result);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "B31-rotated-pages/documentWithRotatedPages.pdf",
    "B31-rotated-pages/doc-negative-coordinates-rotate-270.pdf",
    "B31-rotated-pages/doc-positive-coordinates-rotate-90.pdf",
    "B31-rotated-pages/sun_90.pdf",
  })
  void seal_rotatedPage_insideVisibleBox(String file, @TempDir Path dir) throws IOException {
    Path input = attack(file);
    Path output = dir.resolve("sealed.pdf");
    SealResult result = TestSeals.sealer().build().seal(input, output, SealPlacement.at(1, 30, 25));
    Checks.sealedCorrectly(input, output, result);
    try (PdfDocument d = new PdfDocument(new PdfReader(input.toFile()))) {
      PageGeometry g = Inspection.geometry(d.getPage(1));
      assertTrue(g.visible().contains(result.rect()), result.rect() + " in " + g.visible());
      double[] centre =
          g.toUserSpace(30 * PageGeometry.POINTS_PER_MM, 25 * PageGeometry.POINTS_PER_MM);
      assertEquals(centre[0], (result.rect().llx() + result.rect().urx()) / 2, 0.5);
      assertEquals(centre[1], (result.rect().lly() + result.rect().ury()) / 2, 0.5);
    }
    assertThrows(IllegalArgumentException.class, () -> SealPlacement.at(0, 1, 1));
  }
}

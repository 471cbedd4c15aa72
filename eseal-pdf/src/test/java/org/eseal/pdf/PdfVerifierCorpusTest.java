package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eseal.core.report.Check;
import org.eseal.core.report.DocumentReport;
import org.eseal.core.report.Finding;
import org.eseal.core.report.Indication;
import org.eseal.core.report.Outcome;
import org.eseal.core.report.SignatureReport;
import org.eseal.core.report.SubIndication;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Third-party attack files (corpus/attacks, see its EXPECTED.tsv) against the verifier. */
class PdfVerifierCorpusTest {
  private static final PdfVerifier VERIFIER = PdfVerifier.builder().build();

  /**
   * One expectation: the document's indication, the signature looked at (by field name, or the
   * first when null), outcomes of named checks, the signature's sub-indication, whether it covers
   * the whole file, and whether a disallowed change must (or must not) be reported.
   */
  record Row(
      String dir,
      String file,
      Indication document,
      String field,
      Map<String, Outcome> checks,
      SubIndication signature,
      Boolean coversWhole,
      Boolean disallowedChange) {
    @Override
    public String toString() {
      return dir.substring(0, 3) + " " + file;
    }
  }

  private static final Map<String, Outcome> INTACT =
      checks(
          "byte-range.structure", Outcome.PASSED,
          "byte-range.start", Outcome.PASSED,
          "byte-range.bounds", Outcome.PASSED,
          "byte-range.contents-gap", Outcome.PASSED,
          "byte-range.revision-end", Outcome.PASSED,
          "cms.decode", Outcome.PASSED,
          "cms.message-digest", Outcome.PASSED,
          "cms.signature", Outcome.PASSED);

  static Stream<Row> rows() {
    return Stream.of(
        new Row(
            "B01-usf-malformed-contents",
            "BadEncodedCMS.pdf",
            Indication.FAILED,
            null,
            checks("cms.decode", Outcome.FAILED),
            SubIndication.FORMAT_FAILURE,
            null,
            null),
        new Row(
            "B01-usf-malformed-contents",
            "pades-enveloping-empty-bytes-cms.pdf",
            Indication.FAILED,
            null,
            checks("cms.message-digest", Outcome.FAILED),
            SubIndication.HASH_FAILURE,
            null,
            null),
        new Row(
            "B03-isa-removed-pages",
            "pdf-removed-pages.pdf",
            Indication.FAILED,
            null,
            INTACT,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            false,
            true),
        new Row(
            "B05-isa-sigdict-spoofing",
            "pdf-spoofing-attack.pdf",
            Indication.FAILED,
            null,
            INTACT,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            false,
            true),
        new Row(
            "B13-docmdp-revision-rules",
            "fullCompressionModeLevel2.pdf",
            Indication.INDETERMINATE,
            null,
            INTACT,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            false,
            false),
        new Row(
            "B13-docmdp-revision-rules",
            "outlinesModified.pdf",
            Indication.FAILED,
            "Signature1",
            INTACT,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            false,
            true),
        new Row(
            "B13-docmdp-revision-rules",
            "danglingWidgetAnnotation.pdf",
            Indication.FAILED,
            "Signature1",
            INTACT,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            false,
            true),
        new Row(
            "B19-byterange-outside-file",
            "pdf-signed-original.pdf",
            Indication.INDETERMINATE,
            null,
            INTACT,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            true,
            false),
        new Row(
            "B19-byterange-outside-file",
            "pdf-signed-out-of-byteRange.pdf",
            Indication.FAILED,
            null,
            checks("byte-range.bounds", Outcome.FAILED),
            SubIndication.FORMAT_FAILURE,
            false,
            null),
        new Row(
            "B19-byterange-outside-file",
            "pdf-signed-corrupted.pdf",
            Indication.FAILED,
            null,
            checks("byte-range.bounds", Outcome.FAILED),
            SubIndication.FORMAT_FAILURE,
            false,
            null),
        new Row(
            "B19-byterange-outside-file",
            "pdf-eof.pdf",
            Indication.FAILED,
            null,
            checks("byte-range.bounds", Outcome.FAILED),
            SubIndication.FORMAT_FAILURE,
            false,
            null),
        new Row(
            "B20-byterange-eol-firstbytes",
            "firstBytesNotCoveredTest01.pdf",
            Indication.FAILED,
            null,
            checks("byte-range.start", Outcome.FAILED),
            SubIndication.FORMAT_FAILURE,
            false,
            null),
        new Row(
            "B20-byterange-eol-firstbytes",
            "eolNotIncludedIntoByteRange1.pdf",
            null,
            null,
            checks(
                "byte-range.revision-end",
                Outcome.PASSED,
                "byte-range.whole-document",
                Outcome.WARNING),
            null,
            false,
            null),
        new Row(
            "B20-byterange-eol-firstbytes",
            "eolNotIncludedIntoByteRange2.pdf",
            null,
            null,
            checks(
                "byte-range.revision-end",
                Outcome.PASSED,
                "byte-range.whole-document",
                Outcome.PASSED),
            null,
            true,
            null),
        new Row(
            "B20-byterange-eol-firstbytes",
            "byteRangeAndContentsEntries.pdf",
            Indication.FAILED,
            null,
            Map.of(),
            SubIndication.FORMAT_FAILURE,
            false,
            null),
        new Row(
            "B23-resign-alters-signed-objects",
            "hello_signed_INCSAVE_signed.pdf",
            Indication.INDETERMINATE,
            "Signature1",
            INTACT,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            false,
            false),
        new Row(
            "B23-resign-alters-signed-objects",
            "hello_signed_INCSAVE_signed.pdf",
            Indication.INDETERMINATE,
            "Signature2",
            INTACT,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            true,
            false),
        new Row(
            "B23-resign-alters-signed-objects",
            "hello_signed_INCSAVE_signed_EDITED.pdf",
            Indication.FAILED,
            "Signature2",
            checks("cms.message-digest", Outcome.FAILED),
            SubIndication.HASH_FAILURE,
            false,
            true),
        new Row(
            "B36-cms-quirks",
            "pdf-double-signer-info.pdf",
            Indication.FAILED,
            null,
            checks("cms.signer-count", Outcome.FAILED),
            SubIndication.FORMAT_FAILURE,
            null,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void verify_corpusFile_reportsExpectedChecks(Row row) {
    DocumentReport report = VERIFIER.verify(corpus().resolve(row.dir()).resolve(row.file()));
    if (row.document() != null) {
      assertEquals(row.document(), report.indication(), report.toText());
    }
    assertFalse(report.signatures().isEmpty(), report.toText());
    SignatureReport sig =
        row.field() == null
            ? report.signatures().get(0)
            : report.signatures().stream()
                .filter(s -> s.fieldName().equals(row.field()))
                .findFirst()
                .orElseThrow();
    for (Map.Entry<String, Outcome> e : row.checks().entrySet()) {
      Optional<Check> check = sig.check(e.getKey());
      assertTrue(check.isPresent(), e.getKey() + " missing\n" + report.toText());
      assertEquals(e.getValue(), check.get().outcome(), e.getKey() + "\n" + report.toText());
    }
    if (row.signature() != null) {
      assertEquals(Optional.of(row.signature()), sig.subIndication(), report.toText());
    }
    if (row.coversWhole() != null) {
      assertEquals(row.coversWhole(), sig.coversWholeDocument(), report.toText());
    }
    if (row.disallowedChange() != null) {
      assertEquals(row.disallowedChange(), hasDisallowedChange(report), report.toText());
    }
    assertEquals(report, org.eseal.core.report.ReportJson.read(report.toJson()));
  }

  @Test
  void verify_spoofedSignatureDictionary_showsSignedRevisionsReason() {
    DocumentReport report =
        VERIFIER.verify(corpus().resolve("B05-isa-sigdict-spoofing/pdf-spoofing-attack.pdf"));

    SignatureReport sig = report.signatures().get(0);
    assertNotEquals(Optional.of("FORGED REASON"), sig.reason(), report.toText());
    assertTrue(
        report.documentFindings().stream()
            .anyMatch(f -> f.message().contains("signature dictionary was redefined")),
        report.toText());
  }

  @Test
  void verify_removedPages_namesThePageTreeChange() {
    DocumentReport report =
        VERIFIER.verify(corpus().resolve("B03-isa-removed-pages/pdf-removed-pages.pdf"));

    assertTrue(
        report.documentFindings().stream()
            .anyMatch(
                f ->
                    f.message().startsWith("disallowed change after signature 1")
                        && f.message().contains("page tree")),
        report.toText());
  }

  @Test
  void verify_loopingRevisionAndFieldTrees_reportsStructureErrorQuickly() {
    for (String file :
        new String[] {"pades_infinite_loop.pdf", "pades_opposite_infinite_loop.pdf"}) {
      Path pdf = corpus().resolve("B18-parser-infinite-loop").resolve(file);
      DocumentReport report =
          assertTimeoutPreemptively(Duration.ofSeconds(10), () -> VERIFIER.verify(pdf));
      assertEquals(Indication.FAILED, report.indication(), report.toText());
      assertTrue(
          report.documentFindings().stream().anyMatch(f -> f.code().startsWith("structure")),
          report.toText());
    }
  }

  @Test
  void verify_brokenCrossReference_reportsStructureErrorNotNoSignature() {
    DocumentReport report =
        VERIFIER.verify(corpus().resolve("B16-broken-xref/EmptyPage-corrupted.pdf"));

    assertEquals(Indication.FAILED, report.indication());
    assertTrue(
        report.documentFindings().stream().anyMatch(f -> f.code().startsWith("structure")),
        report.toText());
    assertTrue(
        report.documentFindings().stream().noneMatch(f -> f.code().equals("signature.none")),
        report.toText());
  }

  @Test
  void verify_hybridReferenceFile_reportsNoStructureFinding() {
    // A table followed by its /XRefStm stream and a later update whose /Prev points back to it.
    DocumentReport report =
        VERIFIER.verify(Tools.corpus("pdf").resolve("acroform-irs1040-ur3-hybrid.pdf"));

    assertTrue(
        report.documentFindings().stream().noneMatch(f -> f.code().startsWith("structure")),
        report.toText());
  }

  @Test
  void verify_signatureDictionaryInTwoFields_isNotCountedTwice() {
    DocumentReport report =
        VERIFIER.verify(
            corpus()
                .resolve("B38-sigfield-structure/signature-referenced-from-multiple-fields.pdf"));

    assertEquals(Indication.FAILED, report.indication(), report.toText());
    assertTrue(
        report.documentFindings().stream()
            .anyMatch(f -> f.code().equals("structure.shared-signature")),
        report.toText());
  }

  @Test
  void verify_unsignedFile_isIndeterminateWithNoSignatureFinding() {
    DocumentReport report = VERIFIER.verify(corpus().resolve("B28-pdf20/pdf-2.0.pdf"));

    assertEquals(Indication.INDETERMINATE, report.indication());
    assertTrue(
        report.documentFindings().stream().anyMatch(f -> f.message().equals("no signature")));
  }

  private static boolean hasDisallowedChange(DocumentReport report) {
    return report.documentFindings().stream()
        .anyMatch(
            f -> f.severity() == Finding.Severity.ERROR && f.code().equals("change.disallowed"));
  }

  private static Map<String, Outcome> checks(Object... pairs) {
    Map<String, Outcome> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Outcome) pairs[i + 1]);
    }
    return m;
  }

  static Path corpus() {
    String shared = System.getProperty("eseal.shared");
    Path dir = shared == null ? null : Path.of(shared, "corpus", "attacks");
    if (dir == null || !Files.isDirectory(dir)) {
      if ("true".equals(System.getenv("CI"))) {
        fail("the attack corpus is missing at " + dir + "; CI must not skip it");
      }
      Assumptions.abort("the attack corpus is not available at " + dir);
    }
    return dir;
  }
}

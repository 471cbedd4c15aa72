package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.report.DocumentReport;
import org.eseal.core.report.Indication;
import org.eseal.core.report.SignatureReport;
import org.eseal.pdf.SealPlacement.Occurrence;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seals every file of the shared PDF corpus and checks the outcome its manifest expects. */
class CorpusSealingTest {
  /**
   * Files whose cross-reference data the parser has to reconstruct although other readers accept
   * it; the parser cannot append to a reconstructed file, so they are rewritten before sealing.
   */
  private static final List<String> REWRITTEN = List.of("acroform-irs1040-ur3-hybrid.pdf");

  static Stream<Arguments> manifest() throws IOException {
    Path dir = Tools.corpus("pdf");
    List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    int file = header.indexOf("file");
    int expected = header.indexOf("expected");
    return lines.stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t"))
        .map(c -> Arguments.of(c[file], c[expected]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifest")
  void seal_corpusFile_matchesManifest(String file, String expected, @TempDir Path out)
      throws IOException {
    Path input = Tools.corpus("pdf").resolve(file);
    Path output = out.resolve("sealed.pdf");
    PdfSealer sealer = TestSeals.sealer().build();
    if (expected.startsWith("sealable-after-decrypt-needs-owner-password")) {
      refused(sealer, input, out, ErrorCode.PERMISSION_DENIED);
    } else if (expected.startsWith("reject")) {
      ErrorCode code =
          expected.contains("DocMDP")
              ? ErrorCode.CERTIFICATION_FORBIDS_CHANGES
              : expected.contains("truncated") ? ErrorCode.TRUNCATED_PDF : ErrorCode.NOT_A_PDF;
      refused(sealer, input, out, code);
    } else if (expected.contains("XFA")) {
      refused(sealer, input, out, ErrorCode.UNSUPPORTED_BY_POLICY);
    } else if (expected.startsWith("sealable") || expected.startsWith("policy: seal")) {
      SealResult result = sealer.seal(input, output, centreOrSixty(input));
      Checks.sealedCorrectly(input, output, result);
      verifiesPassed(input, output, result);
      if (expected.startsWith("sealable-after-repair")) {
        assertTrue(result.repaired(), result.toString());
      } else {
        assertEquals(REWRITTEN.contains(file), result.repaired(), result.toString());
      }
      if (expected.startsWith("policy: seal")) {
        assertTrue(
            result.warnings().stream().anyMatch(w -> w.contains("member PDFs are not sealed")),
            result.warnings().toString());
      }
      if (file.startsWith("tiny-page")) {
        assertFalse(result.warnings().isEmpty(), "a scaled seal is reported");
      }
    } else {
      fail("unknown expectation in MANIFEST.tsv: " + expected);
    }
  }

  /**
   * Seals each sealable file by a keyword taken from its own text (a run of Chinese characters, or
   * a Latin word), then checks the seal landed on that page and verifies.
   */
  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("keywords")
  void sealByKeyword_corpusFileWithText_verifies(String file, Keyword keyword, @TempDir Path out) {
    Path input = Tools.corpus("pdf").resolve(file);
    Path output = out.resolve("sealed.pdf");

    SealResult result =
        TestSeals.sealer()
            .build()
            .seal(input, output, SealPlacement.keyword(keyword.text(), Occurrence.FIRST));

    assertEquals(keyword.page(), result.page(), keyword.toString());
    Checks.sealedCorrectly(input, output, result);
    verifiesPassed(input, output, result);
  }

  /** Every sealable file that has extractable text, with a keyword from that text. */
  static Stream<Arguments> keywords() throws IOException {
    List<Arguments> all =
        manifest()
            .filter(a -> a.get()[1].toString().startsWith("sealable"))
            .filter(a -> !a.get()[1].toString().contains("owner-password"))
            .flatMap(
                a -> {
                  String file = a.get()[0].toString();
                  return keywordIn(Tools.corpus("pdf").resolve(file)).stream()
                      .map(k -> Arguments.of(file, k));
                })
            .toList();
    assertTrue(all.size() >= 10, "too few corpus files with text: " + all.size());
    return all.stream();
  }

  /** Our signature PASSED against the sandbox anchors, and nothing after it is disallowed. */
  private static void verifiesPassed(Path input, Path output, SealResult result) {
    DocumentReport report =
        PdfVerifier.builder().trustAnchors(TestSeals.trustAnchors()).build().verify(output);
    SignatureReport ours =
        report.signatures().stream()
            .filter(s -> s.fieldName().equals(result.fieldName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no report for " + result.fieldName()));
    assertEquals(Indication.PASSED, ours.indication(), report.toText());
    assertTrue(ours.platformSeal(), report.toText());
    assertTrue(
        report.documentFindings().stream().noneMatch(f -> f.code().equals("change.disallowed")),
        report.toText());
    boolean signedBefore =
        PdfVerifier.builder().build().verify(input).signatures().stream().findAny().isPresent();
    if (!signedBefore) {
      assertEquals(Indication.PASSED, report.indication(), report.toText());
    }
  }

  record Keyword(String text, int page) {}

  private static final Pattern WORD = Pattern.compile("\\p{IsHan}{2,6}|\\b[A-Za-z]{5,12}\\b");

  /** The first Chinese run or Latin word of the document's text, with its page. */
  static Optional<Keyword> keywordIn(Path input) {
    try (PdfDocument d = new PdfDocument(new PdfReader(input.toFile()).setUnethicalReading(true))) {
      for (int page = 1; page <= d.getNumberOfPages(); page++) {
        String text;
        try {
          text = PdfTextExtractor.getTextFromPage(d.getPage(page));
        } catch (RuntimeException unreadableContent) {
          continue;
        }
        Matcher m = WORD.matcher(text);
        if (m.find()) {
          return Optional.of(new Keyword(m.group(), page));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void refused(PdfSealer sealer, Path input, Path dir, ErrorCode code) {
    ESealException e =
        assertThrows(
            ESealException.class,
            () -> sealer.seal(input, dir.resolve("sealed.pdf"), SealPlacement.at(1, 60, 60)));
    assertEquals(code, e.code(), e.toString());
    Checks.empty(dir);
    if (code == ErrorCode.PERMISSION_DENIED) {
      assertTrue(e.getMessage().contains("--owner-password"), e.getMessage());
    }
  }

  /** 60 mm from the top-left corner, or the page centre on pages too small for that. */
  static SealPlacement centreOrSixty(Path input) {
    try (PdfDocument d = new PdfDocument(new PdfReader(input.toFile()).setUnethicalReading(true))) {
      PageGeometry g = Inspection.geometry(d.getPage(1));
      double mm = PageGeometry.POINTS_PER_MM;
      return SealPlacement.at(
          1, Math.min(60, g.displayWidth() / mm / 2), Math.min(60, g.displayHeight() / mm / 2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

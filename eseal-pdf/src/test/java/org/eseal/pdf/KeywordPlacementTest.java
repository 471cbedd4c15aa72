package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.IOException;
import java.nio.file.Path;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordPlacementTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "cjk-procurement-doc-embedded-fonts.pdf, 下面是字体的测试, 4",
    "cjk-einvoice-a5-rotate90.pdf, 旅客姓名, 1",
    "pdf20-simple.pdf, Hello, 1",
  })
  void seal_keyword_centredOnText(String file, String keyword, int page, @TempDir Path dir)
      throws IOException {
    Path input = Tools.corpus("pdf").resolve(file);
    Path output = dir.resolve("sealed.pdf");
    SealResult result =
        TestSeals.sealer()
            .build()
            .seal(input, output, SealPlacement.keyword(keyword, SealPlacement.Occurrence.FIRST));
    assertEquals(page, result.page());
    Checks.sealedCorrectly(input, output, result);
    try (PdfDocument d = new PdfDocument(new PdfReader(input.toFile()))) {
      KeywordLocator.Hit hit = KeywordLocator.first(d, keyword).orElseThrow();
      double cx = hit.rect().getX() + hit.rect().getWidth() / 2;
      double cy = hit.rect().getY() + hit.rect().getHeight() / 2;
      PageGeometry g = Inspection.geometry(d.getPage(page));
      assertTrue(g.visible().contains(result.rect()));
      boolean moved = result.warnings().stream().anyMatch(w -> w.contains("moved inside"));
      if (!moved) {
        assertEquals(cx, (result.rect().llx() + result.rect().urx()) / 2, 0.5);
        assertEquals(cy, (result.rect().lly() + result.rect().ury()) / 2, 0.5);
      }
    }
  }

  @Test
  void seal_keywordEvery_sealsFirstAndWarns(@TempDir Path dir) {
    Path input = Tools.corpus("pdf").resolve("pdf20-simple.pdf");
    SealResult result =
        TestSeals.sealer()
            .build()
            .seal(
                input,
                dir.resolve("sealed.pdf"),
                SealPlacement.keyword("World", SealPlacement.Occurrence.EVERY));
    assertTrue(result.warnings().stream().anyMatch(w -> w.contains("EVERY")));
  }

  @Test
  void seal_keywordMissing_keywordNotFoundNamingText(@TempDir Path dir) {
    Path input = Tools.corpus("pdf").resolve("pdf20-simple.pdf");
    ESealException e =
        assertThrows(
            ESealException.class,
            () ->
                TestSeals.sealer()
                    .build()
                    .seal(
                        input,
                        dir.resolve("sealed.pdf"),
                        SealPlacement.keyword("甲方（盖章）", SealPlacement.Occurrence.FIRST)));
    assertEquals(ErrorCode.KEYWORD_NOT_FOUND, e.code());
    assertTrue(e.getMessage().contains("甲方（盖章）"));
    Checks.empty(dir);
  }
}

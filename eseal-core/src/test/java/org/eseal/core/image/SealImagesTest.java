package org.eseal.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealImagesTest {
  @TempDir Path dir;

  @Test
  void writePng_existingFile_isReplacedWithoutLeftovers() throws IOException {
    SealImage image =
        SealRenderer.builder()
            .dpi(150)
            .build()
            .render(new SealSpec("李四", SealKind.PERSONAL_SIGNATURE, ""));
    Path file = dir.resolve("seal.png");
    Files.write(file, new byte[] {1, 2, 3});

    SealImages.writePng(image, file);

    assertArrayEquals(image.png(), Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void writePng_missingDirectory_throwsIoError() {
    SealImage image =
        SealRenderer.builder()
            .dpi(150)
            .build()
            .render(new SealSpec("李四", SealKind.PERSONAL_SIGNATURE, ""));

    ESealException e =
        assertThrows(
            ESealException.class,
            () -> SealImages.writePng(image, dir.resolve("missing").resolve("seal.png")));
    assertEquals(ErrorCode.IO_ERROR, e.code());
  }
}

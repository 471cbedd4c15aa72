package org.eseal.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void write_replacesTargetAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out.txt");
    Files.writeString(target, "old");

    AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

    assertEquals("new", Files.readString(target));
    assertEquals(1, count(dir));
  }

  @Test
  void write_failingBody_keepsOldContentAndLeavesNothing() throws IOException {
    Path target = dir.resolve("out.txt");
    Files.writeString(target, "old");
    ESealException failure = new ESealException(ErrorCode.NOT_A_PDF, "not a PDF");

    ESealException thrown =
        assertThrows(
            ESealException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write(new byte[1024]);
                      throw failure;
                    }));

    assertSame(failure, thrown);
    assertEquals("old", Files.readString(target));
    assertEquals(1, count(dir));
  }

  @Test
  void write_missingDirectory_isIoErrorNamingIt() {
    Path target = dir.resolve("absent").resolve("out.txt");

    ESealException e =
        assertThrows(ESealException.class, () -> AtomicFiles.write(target, new byte[] {1}));

    assertEquals(ErrorCode.IO_ERROR, e.code());
    assertTrue(e.getMessage().contains("absent"), e.getMessage());
  }

  @Test
  void write_usesDefaultPermissions_secretIsOwnerOnly() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path plain = dir.resolve("plain");
    Path secret = dir.resolve("secret");
    Path reference = Files.createFile(dir.resolve("reference"));

    AtomicFiles.write(plain, new byte[] {1, 2});
    AtomicFiles.writeSecret(secret, new byte[] {3});

    assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(plain));
    assertEquals(
        PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
    assertArrayEquals(new byte[] {3}, Files.readAllBytes(secret));
    assertFalse(Files.getPosixFilePermissions(plain).isEmpty());
  }

  private static long count(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}

package org.eseal.core.image;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.SealImage;

/** File helpers for {@link SealImage}. */
public final class SealImages {
  private SealImages() {}

  /**
   * Writes the image's PNG bytes to {@code file}, replacing it if present.
   *
   * <p>The bytes go to a temporary file in the same directory first, which is then moved over
   * {@code file}, atomically where the file system allows. A reader therefore never sees half an
   * image, and a failed write leaves the old file as it was.
   *
   * @throws ESealException with {@link ErrorCode#IO_ERROR} if the file cannot be written
   */
  public static void writePng(SealImage image, Path file) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      // Not Files.createTempFile: its owner-only permissions would carry over to the target.
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      temp = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
      Files.write(temp, image.png(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw new ESealException(ErrorCode.IO_ERROR, "cannot write seal image to " + file, e);
    }
  }
}

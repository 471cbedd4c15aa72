package org.eseal.core.image;

import java.nio.file.Path;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.SealImage;
import org.eseal.core.internal.AtomicFiles;

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
    AtomicFiles.write(file, image.png());
  }
}

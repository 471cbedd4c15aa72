package org.eseal.core.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * Writes files so that they appear complete or not at all: into a temporary file beside the target,
 * flushed to disk, then moved into place. On any failure the temporary file is deleted and the
 * target is left as it was.
 *
 * <p>Temporary files are created with the process's default permissions rather than through {@link
 * Files#createTempFile}, whose owner-only permissions would otherwise carry over to every output.
 * Secrets use {@link #writeSecret(Path, byte[])}.
 */
public final class AtomicFiles {

  /** Writes the content of a file; the stream must not be closed by the body. */
  @FunctionalInterface
  public interface Body {
    /** Writes the whole content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code target} atomically.
   *
   * @throws ESealException with {@link ErrorCode#IO_ERROR} naming the file when writing fails
   */
  public static void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /**
   * Writes {@code bytes} to {@code target} atomically, readable by its owner only where the file
   * system has POSIX permissions.
   *
   * @throws ESealException with {@link ErrorCode#IO_ERROR} naming the file when writing fails
   */
  public static void writeSecret(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes), true);
  }

  /**
   * Writes what {@code body} produces to {@code target} atomically. An {@link ESealException}
   * thrown by the body passes through unchanged, and no file is left behind.
   *
   * @throws ESealException with {@link ErrorCode#IO_ERROR} naming the file when writing fails
   */
  public static void write(Path target, Body body) {
    write(target, body, false);
  }

  private static void write(Path target, Body body, boolean ownerOnly) {
    Path absolute = target.toAbsolutePath();
    Path temp = null;
    boolean moved = false;
    try {
      temp = createTemp(absolute);
      if (ownerOnly) {
        restrictToOwner(temp);
      }
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        body.writeTo(new KeepOpen(out));
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      move(temp, absolute);
      moved = true;
    } catch (IOException e) {
      throw new ESealException(
          ErrorCode.IO_ERROR, "cannot write " + target + ": " + describe(e), e);
    } finally {
      if (!moved && temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  private static Path createTemp(Path target) throws IOException {
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("the directory " + dir + " does not exist");
    }
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path temp = dir.resolve("." + target.getFileName() + "." + suffix + ".part");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 8) {
          throw e;
        }
      }
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own access rules apply.
    }
  }

  /** The reason, without the temporary file's name, which means nothing to the caller. */
  private static String describe(IOException e) {
    if (e instanceof FileSystemException fse) {
      return fse.getReason() != null
          ? fse.getReason()
          : "the directory cannot be written to (" + e.getClass().getSimpleName() + ")";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The failure that brought us here is what the caller needs to see.
    }
  }

  /** Lets the body close its writer without closing the file before it is forced to disk. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}

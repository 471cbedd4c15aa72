package org.eseal.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * Writes a file so that it either appears complete or not at all: into a temporary file in the
 * target's directory, flushed to disk, then moved into place. The temporary file is deleted on any
 * failure.
 */
final class AtomicOutput {

  /** Writes the body of the output. */
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicOutput() {}

  static void write(Path target, Body body) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = null;
    boolean done = false;
    try {
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        body.writeTo(new NonClosing(out));
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "writing " + target + " failed", e);
    } finally {
      if (!done && temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The original failure is what the caller needs to see.
        }
      }
    }
  }

  /** Keeps the writer from closing the stream before it is flushed to disk. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
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

package org.eseal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/** Checks on the files a command is given, so that errors name the file and what is wrong. */
final class Inputs {
  private Inputs() {}

  /**
   * Requires {@code file} to be a readable regular file.
   *
   * @param what what the file is for, as the user would call it ("input PDF", "key store")
   */
  static Path requireFile(Path file, String what) {
    if (!Files.exists(file)) {
      throw new ESealException(ErrorCode.IO_ERROR, "the " + what + " " + file + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new ESealException(
          ErrorCode.IO_ERROR, "the " + what + " " + file + " is a directory, not a file");
    }
    if (!Files.isReadable(file)) {
      throw new ESealException(ErrorCode.IO_ERROR, "the " + what + " " + file + " is not readable");
    }
    return file;
  }

  /** Requires {@code output} to go into an existing directory and not to be {@code input}. */
  static void requireOutput(Path input, Path output) {
    requireOutputFile(output);
    try {
      if (Files.exists(output) && Files.isSameFile(input, output)) {
        throw new ESealException(
            ErrorCode.IO_ERROR,
            "the output " + output + " is the input file; write the sealed PDF to a new file");
      }
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot compare " + input + " and " + output, e);
    }
  }

  /** Requires {@code output} to name a file in an existing directory. */
  static void requireOutputFile(Path output) {
    Path directory = output.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new ESealException(
          ErrorCode.IO_ERROR, "the output directory " + directory + " does not exist");
    }
    if (Files.isDirectory(output)) {
      throw new ESealException(
          ErrorCode.IO_ERROR, "the output " + output + " is a directory; name a file");
    }
  }

  /** Reads a whole file that {@link #requireFile} accepted. */
  static byte[] read(Path file, String what) {
    requireFile(file, what);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot read the " + what + " " + file, e);
    }
  }
}

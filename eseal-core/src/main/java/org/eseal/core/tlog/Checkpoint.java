package org.eseal.core.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * The body of a transparency log checkpoint (C2SP tlog-checkpoint): origin, tree size, root hash
 * and optional extension lines, each on its own line. Parsing is strict, so {@link #text()} returns
 * exactly the text that was parsed.
 *
 * @param origin the log's identity, non-empty
 * @param size the number of leaves in the tree, not negative
 * @param rootHash the Merkle tree root at that size
 * @param extensions opaque, non-empty extension lines; usually none
 */
public record Checkpoint(String origin, long size, Hash rootHash, List<String> extensions) {

  /**
   * Checks every line and copies the extensions.
   *
   * @throws IllegalArgumentException naming the field that breaks the format
   */
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHash, "rootHash");
    extensions = List.copyOf(extensions);
    if (!validLine(origin)) {
      throw new IllegalArgumentException("origin must be a non-empty line: " + origin);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    for (String extension : extensions) {
      if (!validLine(extension)) {
        throw new IllegalArgumentException("extension must be a non-empty line: " + extension);
      }
    }
  }

  /** A checkpoint without extension lines. */
  public static Checkpoint of(String origin, long size, Hash rootHash) {
    return new Checkpoint(origin, size, rootHash, List.of());
  }

  /**
   * Reads a checkpoint from a note text.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_CHECKPOINT} if the text has fewer than
   *     three lines, an empty line, a size that is not canonical decimal, or a root hash that is
   *     not canonical base64 of 32 bytes
   */
  public static Checkpoint parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.endsWith("\n")) {
      throw malformed("checkpoint text must end in a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw malformed("checkpoint needs origin, size and root hash lines");
    }
    // C2SP tlog-checkpoint, Note text 2: ASCII decimal, no leading zeroes.
    long size = Codec.parseDecimal(lines[1]);
    if (size < 0) {
      throw malformed("tree size is not a canonical decimal number: " + lines[1]);
    }
    // Note text 3: the base64 root hash.
    byte[] root = Codec.decodeBase64(lines[2]);
    if (root == null || root.length != Hash.LENGTH) {
      throw malformed("root hash is not canonical base64 of 32 bytes: " + lines[2]);
    }
    List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
    try {
      return new Checkpoint(lines[0], size, Hash.of(root), extensions);
    } catch (IllegalArgumentException e) {
      throw new ESealException(ErrorCode.MALFORMED_CHECKPOINT, e.getMessage(), e);
    }
  }

  /** The checkpoint as a note text, each line ending in a newline. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(origin).append('\n').append(size).append('\n').append(rootHash.base64());
    out.append('\n');
    for (String extension : extensions) {
      out.append(extension).append('\n');
    }
    return out.toString();
  }

  /** Signs this checkpoint with the log's key(s). */
  public Note sign(SignerKey... logKeys) {
    return Note.sign(text(), logKeys);
  }

  private static boolean validLine(String line) {
    if (line.isEmpty() || !Codec.wellFormed(line)) {
      return false;
    }
    return line.chars().noneMatch(c -> c < 0x20);
  }

  private static ESealException malformed(String message) {
    return new ESealException(ErrorCode.MALFORMED_CHECKPOINT, message);
  }
}

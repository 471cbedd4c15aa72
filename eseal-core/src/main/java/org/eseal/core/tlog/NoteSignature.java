package org.eseal.core.tlog;

import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <key name> base64(key ID || signature)} (C2SP
 * signed-note, Signatures). The line is kept as written, so a parsed note re-serializes byte for
 * byte; the signature is not verified by this type.
 *
 * @param keyName the signer's key name, non-empty, without spaces or {@code +}
 * @param base64 the canonical standard base64 of the 4-byte key ID and the signature bytes
 */
public record NoteSignature(String keyName, String base64) {

  /**
   * Checks the key name and that {@code base64} is canonical base64 of at least five bytes.
   *
   * @throws IllegalArgumentException naming the field that breaks the rules
   */
  public NoteSignature {
    Objects.requireNonNull(keyName, "keyName");
    Objects.requireNonNull(base64, "base64");
    if (!Codec.validKeyName(keyName)) {
      throw new IllegalArgumentException("keyName is not a valid note key name: " + keyName);
    }
    byte[] decoded = Codec.decodeBase64(base64);
    if (decoded == null || decoded.length < 5) {
      throw new IllegalArgumentException(
          "base64 must be canonical base64 of a key ID and a signature");
    }
  }

  static NoteSignature of(String keyName, int keyId, byte[] signature) {
    byte[] id = {(byte) (keyId >>> 24), (byte) (keyId >>> 16), (byte) (keyId >>> 8), (byte) keyId};
    return new NoteSignature(keyName, Codec.base64(Codec.concat(id, signature)));
  }

  /** The key ID: the first four bytes, big-endian. */
  public int keyId() {
    byte[] b = Codec.decodeBase64(base64);
    return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
  }

  /** The signature bytes after the key ID. */
  byte[] payload() {
    byte[] b = Codec.decodeBase64(base64);
    return Arrays.copyOfRange(b, 4, b.length);
  }

  /** The line as it appears in a note, ending in a newline. */
  public String line() {
    return "\u2014 " + keyName + " " + base64 + "\n";
  }
}

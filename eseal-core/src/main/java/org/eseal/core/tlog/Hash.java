package org.eseal.core.tlog;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 32-byte hash: a Merkle tree leaf, node or root hash. Both supported algorithms (SHA-256 and
 * SM3) produce 32 bytes.
 *
 * <p>Immutable and thread-safe: the bytes are copied in and out. {@link #equals(Object)} compares
 * in constant time.
 */
public final class Hash {
  /** The length of every hash, in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not exactly 32 bytes long
   */
  public static Hash of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("hash must be " + LENGTH + " bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /**
   * Decodes a hash from standard base64 (RFC 4648 section 4), as written in checkpoints and proofs.
   *
   * @throws IllegalArgumentException if the text is not canonical base64 of 32 bytes
   */
  public static Hash fromBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    byte[] decoded = Codec.decodeBase64(base64);
    if (decoded == null) {
      throw new IllegalArgumentException("hash is not canonical base64: " + base64);
    }
    return of(decoded);
  }

  /**
   * Decodes a hash from hexadecimal (either case).
   *
   * @throws IllegalArgumentException if the text is not 64 hexadecimal digits
   */
  public static Hash fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    return of(HexFormat.of().parseHex(hex));
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The standard base64 form (RFC 4648 section 4, with padding). */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The lower-case hexadecimal form. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The bytes without a copy, for this package's hashing loops only. */
  byte[] unsafeBytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The base64 form. */
  @Override
  public String toString() {
    return base64();
  }
}

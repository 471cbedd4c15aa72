package org.eseal.core.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash function of a Merkle tree. Trees hash leaves and nodes with the domain separation of RFC
 * 9162 2.1.1: a leaf is {@code H(0x00 || entry)}, an interior node {@code H(0x01 || left ||
 * right)}, and the empty tree's root is {@code H()}.
 *
 * <p>{@link #SHA_256} is the default and the only one the C2SP formats name; {@link #SM3} (GB/T
 * 32905) serves deployments that must use the Chinese commercial algorithms. Thread-safe.
 */
public enum HashAlgorithm {
  /** SHA-256 (FIPS 180-4), as RFC 9162 and the C2SP specifications use. */
  SHA_256,
  /** SM3 (GB/T 32905-2016), a 32-byte hash. */
  SM3;

  private static final byte[] EMPTY = new byte[0];
  private static final byte[] LEAF_PREFIX = {0x00};
  private static final byte[] NODE_PREFIX = {0x01};

  /** The root of the empty tree: the hash of no bytes (RFC 9162 2.1.1). */
  public Hash emptyRoot() {
    return Hash.of(digest(EMPTY));
  }

  /**
   * The leaf hash of an entry: {@code H(0x00 || entry)} (RFC 9162 2.1.1).
   *
   * @param entry the entry bytes; not kept
   */
  public Hash leafHash(byte[] entry) {
    Objects.requireNonNull(entry, "entry");
    return Hash.of(digest(LEAF_PREFIX, entry));
  }

  /** The interior node hash {@code H(0x01 || left || right)} (RFC 9162 2.1.1). */
  public Hash nodeHash(Hash left, Hash right) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    return Hash.of(digest(NODE_PREFIX, left.unsafeBytes(), right.unsafeBytes()));
  }

  /** Hashes the concatenation of the parts. */
  byte[] digest(byte[]... parts) {
    if (this == SM3) {
      SM3Digest sm3 = new SM3Digest();
      for (byte[] part : parts) {
        sm3.update(part, 0, part.length);
      }
      byte[] out = new byte[sm3.getDigestSize()];
      sm3.doFinal(out, 0);
      return out;
    }
    MessageDigest sha = sha256();
    for (byte[] part : parts) {
      sha.update(part);
    }
    return sha.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

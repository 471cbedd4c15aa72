package org.eseal.core.tlog;

import java.nio.charset.StandardCharsets;

/**
 * The signature types of signed-note keys this library reads and writes (C2SP signed-note,
 * Signature types). The type is part of the key ID and of the verifier key encoding.
 */
public enum KeyType {
  /** Ed25519 over the note text, type byte {@code 0x01} (C2SP signed-note, Ed25519). */
  ED25519(new byte[] {0x01}, 32),
  /**
   * Timestamped Ed25519 witness cosignature, type byte {@code 0x04} (C2SP tlog-cosignature): an
   * Ed25519 signature over {@code "cosignature/v1\ntime <t>\n"} followed by the checkpoint text.
   */
  COSIGNATURE_V1(new byte[] {0x04}, 32),
  /**
   * SM2 with SM3 (GB/T 32918.2, GB/T 32905) over the note text, under the private-use type byte
   * {@code 0xff} followed by the identifier {@code "eseal.org/sm2-sm3"} and a newline ({@code
   * 0x0a}). The public key is the 65-byte uncompressed point {@code 0x04 || X || Y} on curve
   * sm2p256v1; the signature is {@code r || s}, each 32 bytes big-endian; the signer identity is
   * the default {@code "1234567812345678"} of GM/T 0009. The key ID is the first four bytes of
   * {@code SHA-256(name || 0x0a || 0xff || "eseal.org/sm2-sm3" || 0x0a || public key)}.
   */
  SM2_SM3(sm2Prefix(), 65);

  private final byte[] prefix;
  private final int publicKeyLength;

  KeyType(byte[] prefix, int publicKeyLength) {
    this.prefix = prefix;
    this.publicKeyLength = publicKeyLength;
  }

  /** The type identifier bytes: the type byte and, for {@code 0xff}, the identifier after it. */
  byte[] prefix() {
    return prefix.clone();
  }

  int publicKeyLength() {
    return publicKeyLength;
  }

  /** The type whose identifier starts {@code keyData}, or null. */
  static KeyType fromKeyData(byte[] keyData) {
    for (KeyType type : values()) {
      if (Codec.startsWith(keyData, type.prefix)) {
        return type;
      }
    }
    return null;
  }

  private static byte[] sm2Prefix() {
    byte[] id = "eseal.org/sm2-sm3\n".getBytes(StandardCharsets.US_ASCII);
    byte[] prefix = new byte[id.length + 1];
    prefix[0] = (byte) 0xff;
    System.arraycopy(id, 0, prefix, 1, id.length);
    return prefix;
  }
}

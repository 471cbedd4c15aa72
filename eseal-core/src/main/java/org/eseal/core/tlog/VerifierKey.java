package org.eseal.core.tlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * A public key that verifies signed-note signatures, identified by its key name and key ID.
 *
 * <p>Its text form, the verifier key ("vkey"), is {@code <name>+<key ID as 8 lower-case hex
 * digits>+<base64(type identifier || public key)>}, the form the Go checksum database and the C2SP
 * specifications use. The key ID is the first four bytes of {@code SHA-256(name || 0x0a || type
 * identifier || public key)} (C2SP signed-note, Signatures).
 *
 * <p>Immutable and thread-safe.
 */
public final class VerifierKey {
  private static final String COSIGNATURE_HEADER = "cosignature/v1\ntime ";

  private final String name;
  private final KeyType type;
  private final byte[] publicKey;
  private final int keyId;

  private VerifierKey(String name, KeyType type, byte[] publicKey) {
    this.name = name;
    this.type = type;
    this.publicKey = publicKey;
    this.keyId = computeKeyId(name, type, publicKey);
  }

  /**
   * Reads a verifier key in its text form.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_NOTE} if the text is not a vkey of a
   *     supported type, or its key ID does not match the name and key
   */
  public static VerifierKey parse(String vkey) {
    Objects.requireNonNull(vkey, "vkey");
    String[] parts = vkey.split("\\+", 3);
    if (parts.length != 3) {
      throw malformed("a verifier key has three parts separated by '+'");
    }
    return fromParts(parts[0], parts[1], parts[2]);
  }

  /**
   * Wraps a Java public key: an Ed25519 key for {@link KeyType#ED25519} and {@link
   * KeyType#COSIGNATURE_V1}, an elliptic-curve key on sm2p256v1 for {@link KeyType#SM2_SM3}.
   *
   * @throws IllegalArgumentException if the name is not a valid key name or the key does not fit
   *     the type
   */
  public static VerifierKey of(KeyType type, String name, PublicKey key) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    if (!Codec.validKeyName(name)) {
      throw new IllegalArgumentException("name is not a valid note key name: " + name);
    }
    byte[] raw = type == KeyType.SM2_SM3 ? Crypto.sm2Raw(key) : Crypto.ed25519Raw(key);
    if (raw == null) {
      throw new IllegalArgumentException("key is not a public key of type " + type);
    }
    return new VerifierKey(name, type, raw);
  }

  static VerifierKey ofRaw(KeyType type, String name, byte[] publicKey) {
    return new VerifierKey(name, type, publicKey.clone());
  }

  static VerifierKey fromParts(String name, String hexId, String keyData) {
    if (!Codec.validKeyName(name)) {
      throw malformed("invalid key name: " + name);
    }
    if (!hexId.matches("[0-9a-f]{8}")) {
      throw malformed("key ID must be 8 lower-case hex digits: " + hexId);
    }
    byte[] data = Codec.decodeBase64(keyData);
    KeyType type = data == null ? null : KeyType.fromKeyData(data);
    if (type == null) {
      throw malformed("key data is not canonical base64 of a supported key type");
    }
    byte[] raw = Arrays.copyOfRange(data, type.prefix().length, data.length);
    boolean valid =
        raw.length == type.publicKeyLength()
            && (type != KeyType.SM2_SM3 || Crypto.validSm2Public(raw));
    if (!valid) {
      throw malformed("key data does not hold a " + type + " public key");
    }
    VerifierKey key = new VerifierKey(name, type, raw);
    if (key.keyId != Integer.parseUnsignedInt(hexId, 16)) {
      throw malformed("key ID " + hexId + " does not match key " + name);
    }
    return key;
  }

  /** The key name, which signature lines carry. */
  public String name() {
    return name;
  }

  /** The signature type. */
  public KeyType type() {
    return type;
  }

  /** The 32-bit key ID. */
  public int keyId() {
    return keyId;
  }

  /** The raw public key: 32 bytes for Ed25519 types, the 65-byte point for SM2. */
  public byte[] publicKeyBytes() {
    return publicKey.clone();
  }

  /** The verifier key text form {@code <name>+<hex key ID>+<base64 key data>}. */
  public String encoded() {
    return name
        + "+"
        + String.format("%08x", keyId)
        + "+"
        + Codec.base64(Codec.concat(type.prefix(), publicKey));
  }

  /** Whether this key would check the given signature line (same name and key ID). */
  public boolean matches(NoteSignature signature) {
    return name.equals(signature.keyName()) && keyId == signature.keyId();
  }

  /**
   * Verifies a signature line made by this key over a note text.
   *
   * @return the cosignature timestamp for {@link KeyType#COSIGNATURE_V1}, empty otherwise
   * @throws ESealException with {@link ErrorCode#INVALID_NOTE_SIGNATURE} if it does not verify
   */
  Optional<Instant> verify(String text, NoteSignature signature) {
    if (!matches(signature)) {
      throw new IllegalArgumentException("signature is not from key " + name);
    }
    byte[] payload = signature.payload();
    byte[] message = Codec.utf8(text);
    switch (type) {
      case ED25519:
        // C2SP signed-note, Ed25519 signatures: RFC 8032 over the note text.
        if (!Crypto.ed25519Verify(publicKey, message, payload)) {
          throw badSignature();
        }
        return Optional.empty();
      case SM2_SM3:
        if (!Crypto.sm2Verify(publicKey, message, payload)) {
          throw badSignature();
        }
        return Optional.empty();
      case COSIGNATURE_V1:
        return Optional.of(verifyCosignature(text, payload));
      default:
        throw new IllegalStateException("unknown key type " + type);
    }
  }

  /** C2SP tlog-cosignature: a u64 timestamp then Ed25519 over the timestamped message. */
  private Instant verifyCosignature(String text, byte[] payload) {
    if (payload.length != 8 + 64) {
      throw badSignature();
    }
    long timestamp = 0;
    for (int i = 0; i < 8; i++) {
      timestamp = (timestamp << 8) | (payload[i] & 0xff);
    }
    // The timestamp MUST NOT exceed 2^63 - 1: a set top bit reads as negative here.
    if (timestamp < 0) {
      throw badSignature();
    }
    byte[] message = cosignedMessage(timestamp, text);
    if (!Crypto.ed25519Verify(publicKey, message, Arrays.copyOfRange(payload, 8, 72))) {
      throw badSignature();
    }
    return Instant.ofEpochSecond(timestamp);
  }

  /** The Ed25519 signed message of C2SP tlog-cosignature: header, time line, checkpoint text. */
  static byte[] cosignedMessage(long timestamp, String text) {
    return Codec.utf8(COSIGNATURE_HEADER + timestamp + "\n" + text);
  }

  private ESealException badSignature() {
    return new ESealException(
        ErrorCode.INVALID_NOTE_SIGNATURE,
        "signature by " + name + "+" + String.format("%08x", keyId) + " does not verify");
  }

  static int computeKeyId(String name, KeyType type, byte[] publicKey) {
    MessageDigest sha = HashAlgorithm.sha256();
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0x0a);
    sha.update(type.prefix());
    sha.update(publicKey);
    byte[] h = sha.digest();
    return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
  }

  static ESealException malformed(String message) {
    return new ESealException(ErrorCode.MALFORMED_NOTE, message);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifierKey that
        && name.equals(that.name)
        && type == that.type
        && Arrays.equals(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, Arrays.hashCode(publicKey));
  }

  /** The verifier key text form. */
  @Override
  public String toString() {
    return encoded();
  }
}

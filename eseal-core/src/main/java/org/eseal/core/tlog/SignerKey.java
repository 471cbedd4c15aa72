package org.eseal.core.tlog;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * A private key that signs notes, with its {@link VerifierKey}.
 *
 * <p>Its text form is {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(type identifier || private
 * key)>}, where the private key is the 32-byte Ed25519 seed (RFC 8032 5.1.5) or the 32-byte SM2
 * scalar. That text is a secret: {@link #toString()} never shows it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SignerKey {
  private static final String PREFIX = "PRIVATE+KEY+";

  private final KeyType type;
  private final byte[] privateKey;
  private final VerifierKey verifierKey;

  private SignerKey(String name, KeyType type, byte[] privateKey) {
    this.type = type;
    this.privateKey = privateKey;
    byte[] publicKey =
        type == KeyType.SM2_SM3
            ? Crypto.sm2PublicFromPrivate(privateKey)
            : Crypto.ed25519PublicFromSeed(privateKey);
    this.verifierKey = VerifierKey.ofRaw(type, name, publicKey);
  }

  /**
   * Generates a fresh key from the system's secure random source.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid note key name
   */
  public static SignerKey generate(KeyType type, String name) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (!Codec.validKeyName(name)) {
      throw new IllegalArgumentException("name is not a valid note key name: " + name);
    }
    byte[] secret = type == KeyType.SM2_SM3 ? Crypto.sm2GeneratePrivate() : Crypto.randomBytes(32);
    return new SignerKey(name, type, secret);
  }

  /**
   * Reads a signer key in its {@code PRIVATE+KEY+...} text form.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_NOTE} if the text is malformed or its
   *     key ID does not match the key
   */
  public static SignerKey parse(String skey) {
    Objects.requireNonNull(skey, "skey");
    if (!skey.startsWith(PREFIX)) {
      throw VerifierKey.malformed("a signer key starts with " + PREFIX);
    }
    String[] parts = skey.substring(PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw VerifierKey.malformed("a signer key has five parts separated by '+'");
    }
    String name = parts[0];
    if (!Codec.validKeyName(name) || !parts[1].matches("[0-9a-f]{8}")) {
      throw VerifierKey.malformed("invalid signer key name or key ID");
    }
    byte[] data = Codec.decodeBase64(parts[2]);
    KeyType type = data == null ? null : KeyType.fromKeyData(data);
    if (type == null || data.length != type.prefix().length + 32) {
      throw VerifierKey.malformed("signer key data is not a supported key type");
    }
    byte[] secret = Arrays.copyOfRange(data, type.prefix().length, data.length);
    if (type == KeyType.SM2_SM3 && !Crypto.validSm2Private(secret)) {
      throw VerifierKey.malformed("signer key data is not an SM2 private key");
    }
    SignerKey key = new SignerKey(name, type, secret);
    if (key.verifierKey.keyId() != Integer.parseUnsignedInt(parts[1], 16)) {
      throw VerifierKey.malformed("key ID " + parts[1] + " does not match signer key " + name);
    }
    return key;
  }

  /** The key name. */
  public String name() {
    return verifierKey.name();
  }

  /** The signature type. */
  public KeyType type() {
    return type;
  }

  /** The matching public key. */
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  /** The secret text form {@code PRIVATE+KEY+...}; store it as a secret. */
  public String encodedPrivateKey() {
    return PREFIX
        + name()
        + "+"
        + String.format("%08x", verifierKey.keyId())
        + "+"
        + Codec.base64(Codec.concat(type.prefix(), privateKey));
  }

  /**
   * Signs a note text; a cosigner key timestamps its cosignature with the current time.
   *
   * @param text the note text, ending in a newline
   */
  public NoteSignature sign(String text) {
    return sign(text, Clock.systemUTC().instant());
  }

  /**
   * Signs a note text. For {@link KeyType#COSIGNATURE_V1} the signature carries {@code time},
   * truncated to whole seconds (C2SP tlog-cosignature); other types ignore it.
   *
   * @param text the note text, ending in a newline
   * @throws IllegalArgumentException if the text is not a valid note text or the time is before the
   *     epoch
   */
  public NoteSignature sign(String text, Instant time) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(time, "time");
    Note.checkText(text);
    byte[] message = Codec.utf8(text);
    byte[] signature;
    switch (type) {
      case ED25519:
        signature = Crypto.ed25519Sign(privateKey, message);
        break;
      case SM2_SM3:
        signature = Crypto.sm2Sign(privateKey, message);
        break;
      case COSIGNATURE_V1:
        long seconds = time.getEpochSecond();
        if (seconds < 0) {
          throw new IllegalArgumentException("time must not be before the epoch: " + time);
        }
        byte[] stamp = new byte[8];
        for (int i = 0; i < 8; i++) {
          stamp[i] = (byte) (seconds >>> (56 - 8 * i));
        }
        signature =
            Codec.concat(
                stamp, Crypto.ed25519Sign(privateKey, VerifierKey.cosignedMessage(seconds, text)));
        break;
      default:
        throw new IllegalStateException("unknown key type " + type);
    }
    return NoteSignature.of(name(), verifierKey.keyId(), signature);
  }

  /** Names the key and its type, never the secret. */
  @Override
  public String toString() {
    return "SignerKey[" + verifierKey.encoded() + "]";
  }
}

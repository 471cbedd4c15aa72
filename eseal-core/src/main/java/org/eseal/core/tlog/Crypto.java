package org.eseal.core.tlog;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * The signature primitives behind note keys: Ed25519 through the JDK (faster than the pure-Java
 * alternative), SM2 with SM3 through Bouncy Castle's low-level API.
 */
final class Crypto {
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] ED25519_PKCS8_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");
  private static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName("sm2p256v1");
  private static final ECDomainParameters SM2_DOMAIN =
      new ECDomainParameters(
          SM2_CURVE.getCurve(), SM2_CURVE.getG(), SM2_CURVE.getN(), SM2_CURVE.getH());
  private static final SecureRandom RANDOM = new SecureRandom();

  private Crypto() {}

  static byte[] randomBytes(int length) {
    byte[] out = new byte[length];
    RANDOM.nextBytes(out);
    return out;
  }

  /** The raw 32-byte Ed25519 public key (RFC 8032 5.1.5) of a 32-byte private seed. */
  static byte[] ed25519PublicFromSeed(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  /** The raw 32 bytes of a JDK or Bouncy Castle Ed25519 public key, or null if it is not one. */
  static byte[] ed25519Raw(PublicKey key) {
    byte[] spki = key.getEncoded();
    if (spki == null
        || spki.length != ED25519_SPKI_PREFIX.length + 32
        || !Codec.startsWith(spki, ED25519_SPKI_PREFIX)) {
      return null;
    }
    return Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
  }

  static byte[] ed25519Sign(byte[] seed, byte[] message) {
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(Codec.concat(ED25519_PKCS8_PREFIX, seed)));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  static boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] sig) {
    if (sig.length != 64) {
      return false;
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(Codec.concat(ED25519_SPKI_PREFIX, publicKey)));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether the 32 bytes are a usable SM2 private scalar, {@code 1 <= d <= n - 2}. */
  static boolean validSm2Private(byte[] d) {
    BigInteger value = new BigInteger(1, d);
    return d.length == 32
        && value.signum() > 0
        && value.compareTo(SM2_DOMAIN.getN().subtract(BigInteger.TWO)) <= 0;
  }

  static byte[] sm2GeneratePrivate() {
    while (true) {
      byte[] d = randomBytes(32);
      if (validSm2Private(d)) {
        return d;
      }
    }
  }

  /** The 65-byte uncompressed public point {@code 0x04 || X || Y} of a private scalar. */
  static byte[] sm2PublicFromPrivate(byte[] d) {
    return SM2_DOMAIN.getG().multiply(new BigInteger(1, d)).normalize().getEncoded(false);
  }

  /** Whether the bytes are an uncompressed point on sm2p256v1, other than infinity. */
  static boolean validSm2Public(byte[] point) {
    if (point.length != 65 || point[0] != 0x04) {
      return false;
    }
    try {
      ECPoint p = SM2_CURVE.getCurve().decodePoint(point);
      return !p.isInfinity() && p.isValid();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The 65-byte point of an elliptic-curve public key on sm2p256v1, or null. */
  static byte[] sm2Raw(PublicKey key) {
    if (!(key instanceof java.security.interfaces.ECPublicKey ec)) {
      return null;
    }
    byte[] point =
        Codec.concat(
            new byte[] {0x04},
            BigIntegers.asUnsignedByteArray(32, ec.getW().getAffineX()),
            BigIntegers.asUnsignedByteArray(32, ec.getW().getAffineY()));
    return validSm2Public(point) ? point : null;
  }

  static byte[] sm2Sign(byte[] d, byte[] message) {
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    signer.init(
        true,
        new ParametersWithRandom(
            new ECPrivateKeyParameters(new BigInteger(1, d), SM2_DOMAIN), RANDOM));
    signer.update(message, 0, message.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("SM2 signing failed", e);
    }
  }

  static boolean sm2Verify(byte[] publicKey, byte[] message, byte[] sig) {
    if (sig.length != 64 || !validSm2Public(publicKey)) {
      return false;
    }
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    signer.init(
        false, new ECPublicKeyParameters(SM2_CURVE.getCurve().decodePoint(publicKey), SM2_DOMAIN));
    signer.update(message, 0, message.length);
    return signer.verifySignature(sig);
  }
}

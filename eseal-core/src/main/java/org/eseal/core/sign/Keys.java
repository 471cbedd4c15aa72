package org.eseal.core.sign;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.internal.BouncyCastle;

/**
 * Generates fresh key pairs for each {@link SignatureAlgorithm}.
 *
 * <p>EC and RSA keys come from the JDK providers; SM2 keys from Bouncy Castle (curve {@code
 * sm2p256v1}, GM/T 0003). Thread-safe. RSA generation takes from tens of milliseconds (2048 bits)
 * to seconds (4096 bits).
 */
public final class Keys {
  private static final int DEFAULT_RSA_BITS = 2048;

  private Keys() {}

  /**
   * A new key pair for {@code algorithm}; RSA keys are 2048 bits.
   *
   * @throws ESealException with {@link ErrorCode#KEY_ERROR} if no provider can generate the key
   */
  public static KeyPair generate(SignatureAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    try {
      switch (algorithm) {
        case ECDSA_P256_SHA256:
          return ec("secp256r1");
        case ECDSA_P384_SHA384:
          return ec("secp384r1");
        case RSA_SHA256:
          return generateRsa(DEFAULT_RSA_BITS);
        case SM2_SM3:
          KeyPairGenerator sm2 = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
          sm2.initialize(new ECGenParameterSpec("sm2p256v1"));
          return sm2.generateKeyPair();
        default:
          throw new IllegalArgumentException("unknown algorithm " + algorithm);
      }
    } catch (GeneralSecurityException e) {
      throw new ESealException(
          ErrorCode.KEY_ERROR, "cannot generate a key for " + algorithm + ": " + e.getMessage(), e);
    }
  }

  /**
   * A new RSA key pair for {@link SignatureAlgorithm#RSA_SHA256}.
   *
   * @param bits the modulus size: 2048, 3072 or 4096
   * @throws IllegalArgumentException for another size
   */
  public static KeyPair generateRsa(int bits) {
    if (bits != 2048 && bits != 3072 && bits != 4096) {
      throw new IllegalArgumentException("RSA key size must be 2048, 3072 or 4096, got " + bits);
    }
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(bits);
      return rsa.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "cannot generate an RSA key", e);
    }
  }

  private static KeyPair ec(String curve) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }
}

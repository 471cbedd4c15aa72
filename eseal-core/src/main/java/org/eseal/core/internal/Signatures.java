package org.eseal.core.internal;

import java.security.GeneralSecurityException;
import java.security.Signature;
import org.eseal.core.sign.SignatureAlgorithm;

/**
 * Creates {@link Signature} objects from the provider the SDK uses for each algorithm: the JDK for
 * ECDSA and RSA, Bouncy Castle for SM2. Not part of the public API.
 */
public final class Signatures {
  private Signatures() {}

  /**
   * A fresh, uninitialized {@link Signature} for {@code algorithm}.
   *
   * @throws GeneralSecurityException if no provider implements it
   */
  public static Signature newInstance(SignatureAlgorithm algorithm)
      throws GeneralSecurityException {
    return algorithm == SignatureAlgorithm.SM2_SM3
        ? Signature.getInstance(algorithm.jcaName(), BouncyCastle.provider())
        : Signature.getInstance(algorithm.jcaName());
  }
}

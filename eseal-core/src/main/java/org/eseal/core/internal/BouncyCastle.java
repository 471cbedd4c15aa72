package org.eseal.core.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance the SDK uses for SM2, SM3 and PKCS#12, created once and never
 * added to the JVM-wide provider list. Not part of the public API.
 */
public final class BouncyCastle {
  private static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}

  /** The shared, unregistered provider. */
  public static Provider provider() {
    return PROVIDER;
  }
}

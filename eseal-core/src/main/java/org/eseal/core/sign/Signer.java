package org.eseal.core.sign;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key that signs on behalf of a seal holder, wherever the key lives: a PKCS#12 file, a PKCS#11
 * token or a remote signing service.
 *
 * <p>Implementations must be safe for use from several threads.
 */
public interface Signer {

  /** The signer's certificate first, then its issuers up to (not necessarily including) a root. */
  List<X509Certificate> certificateChain();

  /** The algorithm {@link #sign(byte[])} uses. */
  SignatureAlgorithm algorithm();

  /**
   * Signs {@code message}: the message is hashed with {@link SignatureAlgorithm#digestName()} and
   * the hash signed, as {@link java.security.Signature} does with {@link
   * SignatureAlgorithm#jcaName()}. ECDSA and SM2 values are DER-encoded.
   *
   * @throws org.eseal.core.ESealException with {@link org.eseal.core.ErrorCode#KEY_ERROR} or {@link
   *     org.eseal.core.ErrorCode#SIGNING_FAILED} when the key cannot sign
   */
  byte[] sign(byte[] message);
}

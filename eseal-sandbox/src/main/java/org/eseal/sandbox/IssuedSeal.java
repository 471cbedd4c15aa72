package org.eseal.sandbox;

import java.util.Objects;
import org.eseal.core.Seal;
import org.eseal.core.sign.SoftwareSigner;

/**
 * A seal the sandbox issued, together with the signer over its freshly generated key. A real
 * platform hands the key over on a U-key or keeps it in a cloud signing service; the sandbox hands
 * it over in memory.
 *
 * @param seal the seal as registered
 * @param signer the seal key with the seal's certificate chain
 */
public record IssuedSeal(Seal seal, SoftwareSigner signer) {

  /** Checks that both parts are present. */
  public IssuedSeal {
    Objects.requireNonNull(seal, "seal");
    Objects.requireNonNull(signer, "signer");
  }

  /**
   * The seal key and chain as PKCS#12, as {@link SoftwareSigner#toPkcs12(char[])} writes it.
   *
   * @throws org.eseal.core.ESealException with {@link org.eseal.core.ErrorCode#KEY_ERROR} if the
   *     key store cannot be written
   */
  public byte[] toPkcs12(char[] password) {
    return signer.toPkcs12(password);
  }
}

package org.eseal.core.ses;

/**
 * Object identifiers of the CMS attributes that carry platform facts inside a seal's PAdES
 * signature (DESIGN.md section 5).
 *
 * <p>They sit under the eseal project's private arc. Verifiers that do not know them ignore them,
 * as RFC 5652 section 5.3 allows, so a sealed PDF stays a plain PAdES signature for them.
 */
public final class SealAttributes {
  /** Root of the eseal CMS attributes. */
  public static final String ARC = "1.3.6.1.4.1.62714.1";

  /**
   * Signed attribute: the DER {@code SES_Seal} (GB/T 38540) of the seal that was applied, so that
   * the signature commits to which seal was used. Value: one OCTET STRING holding the DER.
   */
  public static final String SEAL_STRUCTURE = ARC + ".1";

  /**
   * Unsigned attribute: the chain receipt of the seal's {@code SEAL_APPLIED} ledger event
   * (DESIGN.md section 5). Value: the DER {@link org.eseal.core.ledger.ChainReceipt}. Added after
   * the signature value, so it changes no signed byte.
   */
  public static final String CHAIN_RECEIPT = ARC + ".2";

  private SealAttributes() {}
}

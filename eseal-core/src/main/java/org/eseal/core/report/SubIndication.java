package org.eseal.core.report;

/**
 * The reason behind a {@link Indication#FAILED} or {@link Indication#INDETERMINATE} result, as
 * listed in ETSI EN 319 102-1 section 5.1.3, table 5.
 */
public enum SubIndication {
  /** FAILED: the signature is not conformant to a supported format or cannot be decoded. */
  FORMAT_FAILURE,
  /** FAILED: the hash of the signed data does not match the signed hash. */
  HASH_FAILURE,
  /** FAILED: the cryptographic signature value does not verify with the signer's key. */
  SIG_CRYPTO_FAILURE,
  /** FAILED: the signing certificate was revoked before the signing time. */
  REVOKED,
  /** FAILED or INDETERMINATE: the signature does not meet the validation constraints. */
  SIG_CONSTRAINTS_FAILURE,
  /** INDETERMINATE: the chain does not meet the chain constraints. */
  CHAIN_CONSTRAINTS_FAILURE,
  /** INDETERMINATE: the chain could not be validated for a reason not listed here. */
  CERTIFICATE_CHAIN_GENERAL_FAILURE,
  /** FAILED or INDETERMINATE: an algorithm or key size is below the accepted level. */
  CRYPTO_CONSTRAINTS_FAILURE,
  /** FAILED: the signing time lies after the expiry of the signing certificate. */
  EXPIRED,
  /** INDETERMINATE or FAILED: the signing time lies before the signing certificate's validity. */
  NOT_YET_VALID,
  /** INDETERMINATE: a formal policy file could not be processed. */
  POLICY_PROCESSING_ERROR,
  /** INDETERMINATE: the signature policy referenced by the signature is not available. */
  SIGNATURE_POLICY_NOT_AVAILABLE,
  /** INDETERMINATE: time-stamps are not in the order they should be. */
  TIMESTAMP_ORDER_FAILURE,
  /** INDETERMINATE: the signing certificate cannot be identified. */
  NO_SIGNING_CERTIFICATE_FOUND,
  /** INDETERMINATE: no chain from the signing certificate to a trust anchor was found. */
  NO_CERTIFICATE_CHAIN_FOUND,
  /** INDETERMINATE: the signing certificate was revoked and no proof of existence predates it. */
  REVOKED_NO_POE,
  /** INDETERMINATE: a CA certificate was revoked and no proof of existence predates it. */
  REVOKED_CA_NO_POE,
  /** INDETERMINATE: the signing certificate is outside its validity and no proof of existence. */
  OUT_OF_BOUNDS_NO_POE,
  /** INDETERMINATE: the signing certificate is expired but known not to be revoked. */
  OUT_OF_BOUNDS_NOT_REVOKED,
  /** INDETERMINATE: revocation data is outside its validity and no proof of existence. */
  REVOCATION_OUT_OF_BOUNDS_NO_POE,
  /** INDETERMINATE: an algorithm became unreliable and no proof of existence predates it. */
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
  /** INDETERMINATE: a proof of existence required by the constraints is missing. */
  NO_POE,
  /** INDETERMINATE: revocation information is not yet available; try again later. */
  TRY_LATER,
  /** INDETERMINATE: the signed data could not be obtained. */
  SIGNED_DATA_NOT_FOUND
}

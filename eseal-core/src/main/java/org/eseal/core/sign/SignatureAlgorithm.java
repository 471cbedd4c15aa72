package org.eseal.core.sign;

/** The signature algorithms a {@link Signer} may use. */
public enum SignatureAlgorithm {
  /** ECDSA on NIST P-256 with SHA-256: the default for new keys. */
  ECDSA_P256_SHA256("SHA256withECDSA", "SHA-256", "ECDSA"),
  /** ECDSA on NIST P-384 with SHA-384. */
  ECDSA_P384_SHA384("SHA384withECDSA", "SHA-384", "ECDSA"),
  /** RSA PKCS#1 v1.5 with SHA-256; keys of 2048 bits or more. */
  RSA_SHA256("SHA256withRSA", "SHA-256", "RSA"),
  /** SM2 with SM3 (GM/T 0003, GM/T 0009), for deployments bound to the Chinese algorithms. */
  SM2_SM3("SM3withSM2", "SM3", "SM2");

  private final String jcaName;
  private final String digestName;
  private final String keyAlgorithm;

  SignatureAlgorithm(String jcaName, String digestName, String keyAlgorithm) {
    this.jcaName = jcaName;
    this.digestName = digestName;
    this.keyAlgorithm = keyAlgorithm;
  }

  /** The JCA signature name, such as {@code SHA256withECDSA}. */
  public String jcaName() {
    return jcaName;
  }

  /** The JCA digest name, such as {@code SHA-256}. */
  public String digestName() {
    return digestName;
  }

  /** The key algorithm family: {@code ECDSA}, {@code RSA} or {@code SM2}. */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }
}

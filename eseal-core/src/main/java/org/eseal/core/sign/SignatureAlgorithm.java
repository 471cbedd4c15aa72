package org.eseal.core.sign;

/** The signature algorithms a {@link Signer} may use. */
public enum SignatureAlgorithm {
  /** ECDSA on NIST P-256 with SHA-256: the default for new keys. */
  ECDSA_P256_SHA256("SHA256withECDSA", "SHA-256", "ECDSA", "1.2.840.10045.4.3.2"),
  /** ECDSA on NIST P-384 with SHA-384. */
  ECDSA_P384_SHA384("SHA384withECDSA", "SHA-384", "ECDSA", "1.2.840.10045.4.3.3"),
  /** RSA PKCS#1 v1.5 with SHA-256; keys of 2048 bits or more. */
  RSA_SHA256("SHA256withRSA", "SHA-256", "RSA", "1.2.840.113549.1.1.11"),
  /** SM2 with SM3 (GM/T 0003, GM/T 0009), for deployments bound to the Chinese algorithms. */
  SM2_SM3("SM3withSM2", "SM3", "SM2", "1.2.156.10197.1.501");

  private final String jcaName;
  private final String digestName;
  private final String keyAlgorithm;
  private final String oid;

  SignatureAlgorithm(String jcaName, String digestName, String keyAlgorithm, String oid) {
    this.jcaName = jcaName;
    this.digestName = digestName;
    this.keyAlgorithm = keyAlgorithm;
    this.oid = oid;
  }

  /**
   * The algorithm with object identifier {@code oid}, if it is one of these.
   *
   * @param oid dotted decimal, such as {@code 1.2.840.10045.4.3.2}
   */
  public static java.util.Optional<SignatureAlgorithm> forOid(String oid) {
    for (SignatureAlgorithm algorithm : values()) {
      if (algorithm.oid.equals(oid)) {
        return java.util.Optional.of(algorithm);
      }
    }
    return java.util.Optional.empty();
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

  /**
   * The signature algorithm's object identifier in dotted decimal: {@code ecdsa-with-SHA256} (RFC
   * 5758), {@code sha256WithRSAEncryption} (RFC 8017) or {@code SM2-with-SM3} (GM/T 0006).
   */
  public String oid() {
    return oid;
  }
}

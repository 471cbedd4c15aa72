package org.eseal.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.Organization;
import org.eseal.core.internal.Signatures;
import org.eseal.core.sign.SignatureAlgorithm;

/**
 * A company's electronic business licence as the sandbox issues it: the company, a licence number
 * and the issue time, signed by the platform over {@link #canonicalText()}.
 *
 * <p>In Chinese: 电子营业执照.
 *
 * @param organization the licensed company
 * @param licenceNumber the platform's licence number
 * @param issuedAt when the licence was issued, to whole seconds
 * @param algorithm the algorithm of the platform's signature
 * @param signature the platform's signature over {@link #canonicalText()}, Base64
 */
public record ELicence(
    Organization organization,
    String licenceNumber,
    Instant issuedAt,
    SignatureAlgorithm algorithm,
    String signature) {

  /** Checks that every field is present and the signature is Base64. */
  public ELicence {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(licenceNumber, "licenceNumber");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(signature, "signature");
    Base64.getDecoder().decode(signature);
  }

  /**
   * The signed text: one {@code key=value} line each for the format, name, credit code, licence
   * number and issue time (ISO-8601), UTF-8, each line ending in a line feed.
   */
  public String canonicalText() {
    return canonicalText(organization, licenceNumber, issuedAt);
  }

  /**
   * Checks the platform's signature with {@code platformCertificate}, the sandbox's seal maker
   * certificate.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_LICENCE} if it does not verify
   */
  public void verify(X509Certificate platformCertificate) {
    boolean valid;
    try {
      Signature verifier = Signatures.newInstance(algorithm);
      verifier.initVerify(platformCertificate.getPublicKey());
      verifier.update(canonicalText().getBytes(StandardCharsets.UTF_8));
      valid = verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException e) {
      throw new ESealException(
          ErrorCode.INVALID_LICENCE,
          "licence " + licenceNumber + ": signature cannot be checked: " + e.getMessage(),
          e);
    }
    if (!valid) {
      throw new ESealException(
          ErrorCode.INVALID_LICENCE,
          "licence "
              + licenceNumber
              + " of "
              + organization.name()
              + ": the platform signature does not verify with "
              + platformCertificate.getSubjectX500Principal().getName());
    }
  }

  static String canonicalText(Organization organization, String licenceNumber, Instant issuedAt) {
    return "format=eseal-licence-1\n"
        + "name="
        + organization.name()
        + "\ncreditCode="
        + organization.creditCode().value()
        + "\nlicenceNumber="
        + licenceNumber
        + "\nissuedAt="
        + issuedAt
        + "\n";
  }
}

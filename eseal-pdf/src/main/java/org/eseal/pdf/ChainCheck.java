package org.eseal.pdf;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eseal.core.report.SubIndication;
import org.eseal.core.trust.ChainValidation;
import org.eseal.core.trust.TrustAnchors;

/**
 * Builds and validates a certification path from the signer's certificate to a configured trust
 * anchor at the signing time (RFC 5280 section 6, ETSI EN 319 102-1 5.2.6), through {@link
 * TrustAnchors#validate}. Revocation is not checked yet, and the report says so.
 */
final class ChainCheck {
  static final String VALIDITY = "chain.validity-period";
  static final String TRUST = "chain.trust-anchor";
  static final String REVOCATION = "chain.revocation";

  private ChainCheck() {}

  static void check(
      X509Certificate signer,
      List<X509Certificate> certs,
      Optional<TrustAnchors> anchors,
      Instant at,
      String timeSource,
      Verdict v) {
    try {
      signer.checkValidity(Date.from(at));
      v.pass(VALIDITY, "the signer's certificate is valid at " + at + " (" + timeSource + ")");
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      v.indeterminate(
          VALIDITY,
          SubIndication.OUT_OF_BOUNDS_NO_POE,
          "the signer's certificate is not valid at " + at + " (" + timeSource + ")");
    }
    if (anchors.isEmpty()) {
      v.indeterminate(
          TRUST, SubIndication.NO_CERTIFICATE_CHAIN_FOUND, "no trust anchors are configured");
      return;
    }
    ChainValidation result = anchors.get().validate(order(signer, certs), at);
    if (result.trusted()) {
      X509Certificate anchor = result.path().get(result.path().size() - 1);
      v.pass(
          TRUST,
          "chain of " + result.path().size() + " to " + anchor.getSubjectX500Principal().getName());
      v.warn(REVOCATION, "revocation status was not checked");
    } else {
      v.indeterminate(
          TRUST,
          SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
          "no path to a trust anchor: " + result.problem().orElse("unknown"));
    }
  }

  /**
   * Orders {@code pool} into a chain from {@code leaf} up, following issuer names; certificates
   * that are not on the path are left out.
   */
  static List<X509Certificate> order(X509Certificate leaf, List<X509Certificate> pool) {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    X509Certificate current = leaf;
    for (int i = 0; i < pool.size(); i++) {
      X509Certificate next = null;
      for (X509Certificate c : pool) {
        if (!chain.contains(c)
            && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
          next = c;
          break;
        }
      }
      if (next == null
          || current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
        break;
      }
      chain.add(next);
      current = next;
    }
    return chain;
  }
}

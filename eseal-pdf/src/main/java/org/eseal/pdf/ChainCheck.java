package org.eseal.pdf;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eseal.core.report.SubIndication;

/**
 * Builds and validates a certification path from the signer's certificate to a configured trust
 * anchor at the signing time (RFC 5280 section 6, ETSI EN 319 102-1 5.2.6). Revocation is not
 * checked yet, and the report says so.
 */
final class ChainCheck {
  static final String VALIDITY = "chain.validity-period";
  static final String TRUST = "chain.trust-anchor";
  static final String REVOCATION = "chain.revocation";

  private ChainCheck() {}

  static void check(
      X509Certificate signer,
      List<X509Certificate> certs,
      List<X509Certificate> anchors,
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
    if (anchors.contains(signer)) {
      v.pass(TRUST, "the signer's certificate is itself a trust anchor");
      v.warn(REVOCATION, "revocation status was not checked");
      return;
    }
    try {
      Set<TrustAnchor> trust = new HashSet<>();
      for (X509Certificate a : anchors) {
        trust.add(new TrustAnchor(a, null));
      }
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(signer);
      PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      List<X509Certificate> pool = new ArrayList<>(certs);
      pool.add(signer);
      params.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
      PKIXCertPathBuilderResult r =
          (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
      v.pass(
          TRUST,
          "chain of "
              + (r.getCertPath().getCertificates().size() + 1)
              + " to "
              + r.getTrustAnchor().getTrustedCert().getSubjectX500Principal().getName());
      v.warn(REVOCATION, "revocation status was not checked");
    } catch (GeneralSecurityException e) {
      v.indeterminate(
          TRUST,
          SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
          "no path to a trust anchor: " + e.getMessage());
    }
  }
}

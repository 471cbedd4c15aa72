package org.eseal.core.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * Parses X.509 certificates with the Bouncy Castle factory, which also understands SM2 keys that
 * the JDK factory rejects. Not part of the public API.
 */
public final class Certificates {
  private Certificates() {}

  /**
   * Parses one DER certificate.
   *
   * @throws GeneralSecurityException if the bytes are not a certificate
   */
  public static X509Certificate parse(byte[] der) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.provider());
    Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(der));
    if (!(certificate instanceof X509Certificate x509)) {
      throw new CertificateException("no X.509 certificate in " + der.length + " bytes");
    }
    return x509;
  }
}

package org.eseal.core;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eseal.core.internal.BouncyCastle;
import org.eseal.core.sign.SignatureAlgorithm;

/** Certificates and images for tests. */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(1);

  private TestPki() {}

  /** A self-signed CA certificate valid from {@code from} to {@code to}. */
  public static X509Certificate selfSigned(
      String commonName, KeyPair keys, SignatureAlgorithm algorithm, Instant from, Instant to) {
    return issue(
        commonName, keys.getPublic(), commonName, keys.getPrivate(), algorithm, from, to, true);
  }

  /** A self-signed certificate valid for a year around now. */
  public static X509Certificate selfSigned(
      String commonName, KeyPair keys, SignatureAlgorithm algorithm) {
    Instant now = Instant.now();
    return selfSigned(
        commonName, keys, algorithm, now.minusSeconds(3600), now.plusSeconds(365 * 86400L));
  }

  /** A certificate for {@code subjectKey} signed by {@code issuerKey}. */
  public static X509Certificate issue(
      String subject,
      PublicKey subjectKey,
      String issuer,
      PrivateKey issuerKey,
      SignatureAlgorithm algorithm,
      Instant from,
      Instant to,
      boolean ca) {
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=" + issuer),
              BigInteger.valueOf(SERIAL.getAndIncrement()),
              Date.from(from),
              Date.from(to),
              new X500Name("CN=" + subject),
              subjectKey);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.keyCertSign | KeyUsage.digitalSignature
                  : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      JcaContentSignerBuilder signer = new JcaContentSignerBuilder(algorithm.jcaName());
      if (algorithm == SignatureAlgorithm.SM2_SM3) {
        signer.setProvider(BouncyCastle.provider());
      }
      return new JcaX509CertificateConverter()
          .setProvider(BouncyCastle.provider())
          .getCertificate(builder.build(signer.build(issuerKey)));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A small red PNG. */
  public static byte[] png(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    for (int x = 0; x < size; x++) {
      image.setRGB(x, x, Color.RED.getRGB());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A 42 mm seal image. */
  public static SealImage sealImage() {
    return SealImage.ofPng(png(32), 42, 42);
  }
}

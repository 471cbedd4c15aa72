package org.eseal.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.Organization;
import org.eseal.core.internal.BouncyCastle;
import org.eseal.core.sign.Keys;
import org.eseal.core.sign.SignatureAlgorithm;
import org.eseal.core.sign.SoftwareSigner;

/**
 * The sandbox's certificate hierarchy: a self-signed root, an issuing CA for company certificates
 * and the seal maker's certificate, all EC P-256 signed with ECDSA-SHA256.
 *
 * <p>Immutable and thread-safe.
 */
final class CertificateAuthority {
  static final String ROOT_NAME = "eseal Sandbox Root CA";
  static final String ISSUING_NAME = "eseal Sandbox Issuing CA";
  static final String MAKER_NAME = "eseal Sandbox Seal Maker";

  private static final Duration ROOT_LIFETIME = Duration.ofDays(3653);
  private static final Duration ISSUING_LIFETIME = Duration.ofDays(3650);
  private static final Duration MAKER_LIFETIME = Duration.ofDays(3600);
  static final Duration END_ENTITY_LIFETIME = Duration.ofDays(730);
  private static final String ROOT_ALIAS = "root";
  private static final String ISSUING_ALIAS = "issuing";
  private static final String MAKER_ALIAS = "maker";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SoftwareSigner root;
  private final SoftwareSigner issuing;
  private final SoftwareSigner maker;
  private final PrivateKey rootKey;
  private final PrivateKey issuingKey;
  private final PrivateKey makerKey;

  private CertificateAuthority(
      KeyPair root,
      X509Certificate rootCert,
      KeyPair issuing,
      X509Certificate issuingCert,
      KeyPair maker,
      X509Certificate makerCert) {
    this(
        root.getPrivate(),
        rootCert,
        issuing.getPrivate(),
        issuingCert,
        maker.getPrivate(),
        makerCert);
  }

  private CertificateAuthority(
      PrivateKey rootKey,
      X509Certificate rootCert,
      PrivateKey issuingKey,
      X509Certificate issuingCert,
      PrivateKey makerKey,
      X509Certificate makerCert) {
    this.rootKey = rootKey;
    this.issuingKey = issuingKey;
    this.makerKey = makerKey;
    this.root = SoftwareSigner.of(rootKey, List.of(rootCert));
    this.issuing = SoftwareSigner.of(issuingKey, List.of(issuingCert, rootCert));
    this.maker = SoftwareSigner.of(makerKey, List.of(makerCert, issuingCert, rootCert));
  }

  /** A fresh hierarchy whose certificates start at {@code now}. */
  static CertificateAuthority create(Instant now) {
    KeyPair rootPair = Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
    KeyPair issuingPair = Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
    KeyPair makerPair = Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
    X500Name rootName = caName(ROOT_NAME);
    X509Certificate rootCert =
        build(
            rootName,
            rootPair.getPrivate(),
            null,
            rootName,
            rootPair.getPublic(),
            now,
            ROOT_LIFETIME,
            Role.CA);
    X509Certificate issuingCert =
        build(
            rootName,
            rootPair.getPrivate(),
            rootCert,
            caName(ISSUING_NAME),
            issuingPair.getPublic(),
            now,
            ISSUING_LIFETIME,
            Role.ISSUING_CA);
    X509Certificate makerCert =
        build(
            caName(ISSUING_NAME),
            issuingPair.getPrivate(),
            issuingCert,
            caName(MAKER_NAME),
            makerPair.getPublic(),
            now,
            MAKER_LIFETIME,
            Role.END_ENTITY);
    return new CertificateAuthority(
        rootPair, rootCert, issuingPair, issuingCert, makerPair, makerCert);
  }

  /** Reads a hierarchy written by {@link #toPkcs12(char[])}. */
  static CertificateAuthority fromPkcs12(byte[] pkcs12, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
      store.load(new ByteArrayInputStream(pkcs12), password);
      PrivateKey rootKey = (PrivateKey) store.getKey(ROOT_ALIAS, password);
      PrivateKey issuingKey = (PrivateKey) store.getKey(ISSUING_ALIAS, password);
      PrivateKey makerKey = (PrivateKey) store.getKey(MAKER_ALIAS, password);
      Certificate[] makerChain = store.getCertificateChain(MAKER_ALIAS);
      if (rootKey == null
          || issuingKey == null
          || makerKey == null
          || makerChain == null
          || makerChain.length != 3) {
        throw new ESealException(
            ErrorCode.KEY_ERROR, "the sandbox CA key store lacks the root, issuing or maker key");
      }
      return new CertificateAuthority(
          rootKey,
          (X509Certificate) makerChain[2],
          issuingKey,
          (X509Certificate) makerChain[1],
          makerKey,
          (X509Certificate) makerChain[0]);
    } catch (IOException | GeneralSecurityException e) {
      throw new ESealException(
          ErrorCode.KEY_ERROR, "cannot read the sandbox CA key store: " + e.getMessage(), e);
    }
  }

  /** The three keys with their chains under the aliases root, issuing and maker. */
  byte[] toPkcs12(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
      store.load(null, null);
      store.setKeyEntry(ROOT_ALIAS, rootKey, password, array(root.certificateChain()));
      store.setKeyEntry(ISSUING_ALIAS, issuingKey, password, array(issuing.certificateChain()));
      store.setKeyEntry(MAKER_ALIAS, makerKey, password, array(maker.certificateChain()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new ESealException(
          ErrorCode.KEY_ERROR, "cannot write the sandbox CA key store: " + e.getMessage(), e);
    }
  }

  X509Certificate rootCertificate() {
    return root.certificateChain().get(0);
  }

  /** The seal maker, which signs GB/T 38540 structures and e-licences. */
  SoftwareSigner maker() {
    return maker;
  }

  /**
   * Issues a company certificate: CN and O the company name, serialNumber its unified social credit
   * code, C=CN; keyUsage digitalSignature and nonRepudiation.
   *
   * @return the certificate, then the issuing CA, then the root
   */
  List<X509Certificate> issue(Organization owner, PublicKey key, Instant now) {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "CN")
            .addRDN(BCStyle.O, owner.name())
            .addRDN(BCStyle.SERIALNUMBER, owner.creditCode().value())
            .addRDN(BCStyle.CN, owner.name())
            .build();
    X509Certificate issuingCert = issuing.certificateChain().get(0);
    X509Certificate certificate =
        build(
            caName(ISSUING_NAME),
            issuingKey,
            issuingCert,
            subject,
            key,
            now,
            END_ENTITY_LIFETIME,
            Role.END_ENTITY);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuing.certificateChain());
    return List.copyOf(chain);
  }

  private enum Role {
    CA,
    ISSUING_CA,
    END_ENTITY
  }

  private static X500Name caName(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "CN")
        .addRDN(BCStyle.O, "eseal Sandbox")
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private static X509Certificate build(
      X500Name issuer,
      PrivateKey issuerKey,
      X509Certificate issuerCert,
      X500Name subject,
      PublicKey subjectKey,
      Instant now,
      Duration lifetime,
      Role role) {
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              new BigInteger(127, RANDOM).setBit(126),
              Date.from(now),
              Date.from(now.plus(lifetime)),
              subject,
              subjectKey);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      switch (role) {
        case CA:
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          builder.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
          break;
        case ISSUING_CA:
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
          builder.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
          break;
        default:
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
          break;
      }
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          issuerCert == null
              ? extensions.createAuthorityKeyIdentifier(subjectKey)
              : extensions.createAuthorityKeyIdentifier(issuerCert));
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
      return new JcaX509CertificateConverter()
          .setProvider(BouncyCastle.provider())
          .getCertificate(builder.build(signer));
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new ESealException(
          ErrorCode.KEY_ERROR,
          "cannot issue a certificate for " + subject + ": " + e.getMessage(),
          e);
    }
  }

  private static Certificate[] array(List<X509Certificate> chain) {
    return chain.toArray(new Certificate[0]);
  }
}

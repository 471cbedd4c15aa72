package org.eseal.pdf;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.eseal.core.internal.BouncyCastle;
import org.eseal.core.report.SubIndication;

/**
 * Checks the CMS signature in {@code /Contents} against the signed bytes (RFC 5652 5.4 and 5.6,
 * ETSI EN 319 142-1 5.4, RFC 5035 for the signing-certificate attribute). The digest of the byte
 * range is computed here, not trusted from a library's verify call, so that a digest mismatch and a
 * bad signature value are reported apart.
 */
final class CmsCheck {
  static final String SUB_FILTER = "cms.sub-filter";
  static final String DECODE = "cms.decode";
  static final String SIGNER_COUNT = "cms.signer-count";
  static final String SIGNER_CERT = "cms.signer-certificate";
  static final String ESS = "cms.ess-signing-certificate";
  static final String DIGEST = "cms.message-digest";
  static final String SIGNATURE = "cms.signature";

  static final String DETACHED = "adbe.pkcs7.detached";
  static final String CADES = "ETSI.CAdES.detached";
  static final String SHA1 = "adbe.pkcs7.sha1";
  static final String RFC3161 = "ETSI.RFC3161";

  private static final Provider BC = BouncyCastle.provider();

  /** What the CMS check learned, for the later checks. */
  record Result(
      SignerInformation signer,
      Optional<X509Certificate> signerCertificate,
      List<X509Certificate> certificates,
      Optional<Instant> signingTime) {
    Optional<Attribute> signedAttribute(String oid) {
      AttributeTable t = signer.getSignedAttributes();
      return t == null
          ? Optional.empty()
          : Optional.ofNullable(t.get(new ASN1ObjectIdentifier(oid)));
    }
  }

  private CmsCheck() {}

  static Optional<Result> check(String subFilter, byte[] contents, byte[] signed, Verdict v) {
    if (!List.of(DETACHED, CADES, SHA1, RFC3161).contains(subFilter)) {
      v.fail(SUB_FILTER, SubIndication.FORMAT_FAILURE, "unsupported /SubFilter " + subFilter);
      return Optional.empty();
    }
    v.pass(SUB_FILTER, "/SubFilter /" + subFilter);
    CMSSignedData cms;
    try {
      cms = new CMSSignedData(contents);
      cms.getSignerInfos();
    } catch (CMSException | RuntimeException e) {
      v.fail(DECODE, SubIndication.FORMAT_FAILURE, "/Contents is not a CMS SignedData: " + e);
      return Optional.empty();
    }
    boolean detached = DETACHED.equals(subFilter) || CADES.equals(subFilter);
    int certCount = cms.getCertificates().getMatches(null).size();
    if (!detached && cms.getSignedContent() == null) {
      v.fail(DECODE, SubIndication.FORMAT_FAILURE, "no encapsulated content for /" + subFilter);
      return Optional.empty();
    } else if (detached && cms.getSignedContent() != null) {
      v.warn(DECODE, "CMS SignedData with encapsulated content although /SubFilter is detached");
    } else {
      v.pass(DECODE, "CMS SignedData with " + certCount + " certificates");
    }
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      v.fail(
          SIGNER_COUNT,
          SubIndication.FORMAT_FAILURE,
          "the CMS holds " + signers.size() + " SignerInfos; exactly one is allowed");
      return Optional.empty();
    }
    v.pass(SIGNER_COUNT, "one SignerInfo");
    SignerInformation signer = signers.iterator().next();
    List<X509Certificate> certs = new ArrayList<>();
    Optional<X509Certificate> signerCert = Optional.empty();
    try {
      JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(BC);
      for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
        certs.add(conv.getCertificate(h));
      }
      for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
        if (signer.getSID().match(h)) {
          signerCert = Optional.of(conv.getCertificate(h));
          break;
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      v.fail(DECODE, SubIndication.FORMAT_FAILURE, "a certificate in the CMS is malformed: " + e);
      return Optional.empty();
    }
    Optional<Instant> signingTime = signingTime(signer);
    Result result = new Result(signer, signerCert, certs, signingTime);
    if (signerCert.isEmpty()) {
      v.indeterminate(
          SIGNER_CERT,
          SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
          "no certificate in the CMS matches the SignerInfo's identifier");
    } else {
      X509Certificate c = signerCert.get();
      v.pass(
          SIGNER_CERT,
          name(c.getSubjectX500Principal())
              + ", serial "
              + c.getSerialNumber().toString(16)
              + ", issued by "
              + name(c.getIssuerX500Principal()));
      checkEss(signer, signerCert.get(), v);
    }
    boolean digestOk = checkDigest(subFilter, cms, signer, signed, v);
    if (signerCert.isEmpty()) {
      v.indeterminate(
          SIGNATURE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "no key to verify with");
      return Optional.of(result);
    }
    checkSignature(cms, signer, signerCert.get(), signed, detached, digestOk, v);
    return Optional.of(result);
  }

  private static boolean checkDigest(
      String subFilter, CMSSignedData cms, SignerInformation signer, byte[] signed, Verdict v) {
    try {
      if (RFC3161.equals(subFilter)) {
        TimeStampToken token = new TimeStampToken(cms);
        AlgorithmIdentifier alg = token.getTimeStampInfo().getHashAlgorithm();
        byte[] actual = digest(alg.getAlgorithm(), signed);
        if (!MessageDigest.isEqual(actual, token.getTimeStampInfo().getMessageImprintDigest())) {
          v.fail(DIGEST, SubIndication.HASH_FAILURE, "the time-stamp imprint differs");
          return false;
        }
        v.pass(DIGEST, "the time-stamp imprint matches the byte range");
        return true;
      }
      if (SHA1.equals(subFilter)) {
        Object content = cms.getSignedContent().getContent();
        byte[] actual = digest(OIWObjectIdentifiers.idSHA1, signed);
        if (!MessageDigest.isEqual(actual, unwrapOctets(content))) {
          v.fail(DIGEST, SubIndication.HASH_FAILURE, "the signed SHA-1 differs from the range");
          return false;
        }
        v.pass(DIGEST, "the signed SHA-1 matches the byte range");
        return true;
      }
      if (cms.getSignedContent() != null) {
        Object content = cms.getSignedContent().getContent();
        byte[] inner = content instanceof byte[] ? (byte[]) content : new byte[0];
        if (!MessageDigest.isEqual(inner, signed)) {
          v.fail(
              DIGEST,
              SubIndication.HASH_FAILURE,
              "the CMS encapsulates "
                  + inner.length
                  + " bytes of content and signs those, not the byte range");
          return false;
        }
      }
      AttributeTable attrs = signer.getSignedAttributes();
      if (attrs == null) {
        v.notApplicable(DIGEST, "no signed attributes; checked with the signature value");
        return true;
      }
      Attribute md = attrs.get(CMSAttributes.messageDigest);
      if (md == null || md.getAttrValues().size() != 1) {
        v.fail(DIGEST, SubIndication.FORMAT_FAILURE, "no single message-digest attribute");
        return false;
      }
      byte[] expected = ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
      String algName = signer.getDigestAlgOID();
      byte[] actual = digest(new ASN1ObjectIdentifier(algName), signed);
      if (!MessageDigest.isEqual(expected, actual)) {
        v.fail(
            DIGEST,
            SubIndication.HASH_FAILURE,
            "the digest of the byte range differs from the message-digest attribute");
        return false;
      }
      v.pass(DIGEST, "the digest of the byte range matches the message-digest attribute");
      return true;
    } catch (GeneralSecurityException | TSPException | IOException | RuntimeException e) {
      v.fail(DIGEST, SubIndication.FORMAT_FAILURE, "the digest could not be checked: " + e);
      return false;
    }
  }

  private static void checkSignature(
      CMSSignedData cms,
      SignerInformation signer,
      X509Certificate cert,
      byte[] signed,
      boolean detached,
      boolean digestOk,
      Verdict v) {
    try {
      boolean ok;
      if (digestOk) {
        CMSSignedData withContent =
            detached
                ? new CMSSignedData(new CMSProcessableByteArray(signed), cms.getEncoded())
                : cms;
        SignerInformation s = withContent.getSignerInfos().getSigners().iterator().next();
        ok = s.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(cert));
      } else if (signer.getSignedAttributes() != null) {
        ok = verifyAttributes(signer, cert);
      } else {
        v.notApplicable(SIGNATURE, "not checked: the digest already differs");
        return;
      }
      if (ok) {
        v.pass(SIGNATURE, "the signature value verifies with the signer's key");
      } else {
        v.fail(SIGNATURE, SubIndication.SIG_CRYPTO_FAILURE, "the signature value is invalid");
      }
    } catch (CMSException
        | OperatorCreationException
        | GeneralSecurityException
        | IOException
        | RuntimeException e) {
      v.fail(SIGNATURE, SubIndication.SIG_CRYPTO_FAILURE, "the signature does not verify: " + e);
    }
  }

  private static boolean verifyAttributes(SignerInformation signer, X509Certificate cert)
      throws GeneralSecurityException, IOException {
    String name =
        new DefaultCMSSignatureAlgorithmNameGenerator()
            .getSignatureName(
                signer.getDigestAlgorithmID(),
                signer.toASN1Structure().getDigestEncryptionAlgorithm());
    Signature s = Signature.getInstance(name, BC);
    s.initVerify(cert.getPublicKey());
    s.update(signer.getEncodedSignedAttributes());
    return s.verify(signer.getSignature());
  }

  private static void checkEss(SignerInformation signer, X509Certificate cert, Verdict v) {
    AttributeTable attrs = signer.getSignedAttributes();
    Attribute v2 =
        attrs == null ? null : attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    Attribute v1 = attrs == null ? null : attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
    try {
      byte[] encoded = cert.getEncoded();
      if (v2 != null) {
        ESSCertIDv2 id =
            SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
        byte[] hash = digest(id.getHashAlgorithm().getAlgorithm(), encoded);
        essResult(hash, id.getCertHash(), id.getIssuerSerial(), cert, "v2", v);
      } else if (v1 != null) {
        ESSCertID id =
            SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
        byte[] hash = digest(OIWObjectIdentifiers.idSHA1, encoded);
        essResult(hash, id.getCertHash(), id.getIssuerSerial(), cert, "v1", v);
      } else {
        v.warn(ESS, "no ESS signing-certificate attribute (PAdES baseline requires one)");
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      v.indeterminate(
          ESS, SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "the attribute is malformed: " + e);
    }
  }

  private static void essResult(
      byte[] actual,
      byte[] expected,
      IssuerSerial serial,
      X509Certificate cert,
      String ver,
      Verdict v) {
    boolean serialOk =
        serial == null || serial.getSerial().getValue().equals(cert.getSerialNumber());
    if (MessageDigest.isEqual(actual, expected) && serialOk) {
      v.pass(ESS, "signing-certificate " + ver + " matches the signer's certificate");
    } else {
      v.indeterminate(
          ESS,
          SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
          "signing-certificate " + ver + " names a different certificate");
    }
  }

  /** The CN of a name, or the whole name when it has none. */
  static String name(X500Principal p) {
    for (String part : p.getName(X500Principal.RFC2253).split(",")) {
      if (part.startsWith("CN=")) {
        return part.substring(3);
      }
    }
    return p.getName(X500Principal.RFC2253);
  }

  private static Optional<Instant> signingTime(SignerInformation signer) {
    AttributeTable attrs = signer.getSignedAttributes();
    Attribute t = attrs == null ? null : attrs.get(CMSAttributes.signingTime);
    if (t == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Time.getInstance(t.getAttrValues().getObjectAt(0)).getDate().toInstant());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static byte[] digest(ASN1ObjectIdentifier alg, byte[] data) throws GeneralSecurityException {
    MessageDigest md;
    String jdk = jdkName(alg);
    md = jdk != null ? MessageDigest.getInstance(jdk) : MessageDigest.getInstance(alg.getId(), BC);
    return md.digest(data);
  }

  private static String jdkName(ASN1ObjectIdentifier alg) {
    if (alg.equals(OIWObjectIdentifiers.idSHA1)) {
      return "SHA-1";
    } else if (alg.equals(NISTObjectIdentifiers.id_sha256)) {
      return "SHA-256";
    } else if (alg.equals(NISTObjectIdentifiers.id_sha384)) {
      return "SHA-384";
    } else if (alg.equals(NISTObjectIdentifiers.id_sha512)) {
      return "SHA-512";
    } else if (alg.equals(NISTObjectIdentifiers.id_sha224)) {
      return "SHA-224";
    }
    return null;
  }

  private static byte[] unwrapOctets(Object content) throws IOException {
    if (content instanceof ASN1Encodable) {
      return ASN1OctetString.getInstance(content).getOctets();
    }
    byte[] raw = (byte[]) content;
    try {
      return ASN1OctetString.getInstance(raw).getOctets();
    } catch (RuntimeException e) {
      return raw;
    }
  }
}

package org.eseal.pdf;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.signatures.IExternalSignatureContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.internal.BouncyCastle;
import org.eseal.core.ledger.ChainReceipt;
import org.eseal.core.ses.SealAttributes;
import org.eseal.core.ses.SesSeal;
import org.eseal.core.sign.Signer;

/**
 * Builds the CMS SignedData of a PAdES baseline B signature (ETSI EN 319 142-1 6.3) around a {@link
 * Signer}: detached, the certificate chain included, and these signed attributes only:
 * content-type, message-digest, ESS signing-certificate-v2 (RFC 5035) and, when given, the seal
 * structure. No signing-time: PAdES carries the claimed time in the signature dictionary's {@code
 * /M}.
 */
final class CadesContainer implements IExternalSignatureContainer {
  /** Bytes reserved for unsigned attributes added later: a timestamp and a receipt. */
  static final int UNSIGNED_RESERVE = 20 * 1024;

  private static final Provider BC = BouncyCastle.provider();
  private static final ASN1ObjectIdentifier SIGNING_CERTIFICATE_V2 =
      PKCSObjectIdentifiers.id_aa_signingCertificateV2;

  private final Signer signer;
  private final byte[] sealStructure;
  private final Optional<LedgerBinding> ledger;
  private boolean receiptPending;

  CadesContainer(Signer signer, byte[] sealStructure, Optional<LedgerBinding> ledger) {
    this.signer = signer;
    this.sealStructure = sealStructure == null ? null : sealStructure.clone();
    this.ledger = ledger;
  }

  /** Whether the ledger gave no receipt in time, so the signature carries none. */
  boolean receiptPending() {
    return receiptPending;
  }

  /** A size in bytes, before hex encoding, that the finished CMS and later additions fit in. */
  int estimatedSize() {
    int size = 4096 + UNSIGNED_RESERVE;
    try {
      for (X509Certificate c : signer.certificateChain()) {
        size += c.getEncoded().length;
      }
    } catch (CertificateEncodingException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "a certificate cannot be encoded", e);
    }
    if (sealStructure != null) {
      size += sealStructure.length + 16;
    }
    return size;
  }

  @Override
  public void modifySigningDictionary(PdfDictionary signatureDictionary) {
    signatureDictionary.put(PdfName.Filter, PdfName.Adobe_PPKLite);
    signatureDictionary.put(PdfName.SubFilter, PdfName.ETSI_CAdES_DETACHED);
  }

  @Override
  public byte[] sign(InputStream data) throws GeneralSecurityException {
    try {
      // The ledger event names the document by SHA-256 whatever the signature's digest; hash the
      // range a second time only when the two differ and an event is wanted.
      boolean sha256Signer = "SHA-256".equals(signer.algorithm().digestName());
      MessageDigest sha256 =
          ledger.isPresent() && !sha256Signer ? MessageDigest.getInstance("SHA-256") : null;
      byte[] digest = digest(data, sha256);
      return build(digest, sha256Signer ? digest : sha256 == null ? null : sha256.digest());
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "reading the signed byte range failed", e);
    }
  }

  /** Digests the range with the signer's digest and, when given, with {@code sha256} too. */
  private byte[] digest(InputStream data, MessageDigest sha256)
      throws IOException, NoSuchAlgorithmException {
    MessageDigest md = newDigest(signer.algorithm().digestName());
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = data.read(buffer)) > 0; ) {
      md.update(buffer, 0, n);
      if (sha256 != null) {
        sha256.update(buffer, 0, n);
      }
    }
    return md.digest();
  }

  static MessageDigest newDigest(String name) throws NoSuchAlgorithmException {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      return MessageDigest.getInstance(name, BC);
    }
  }

  private byte[] build(byte[] documentDigest, byte[] documentSha256)
      throws GeneralSecurityException {
    List<X509Certificate> chain = signer.certificateChain();
    AlgorithmIdentifier signatureAlgorithm =
        new DefaultSignatureAlgorithmIdentifierFinder().find(signer.algorithm().jcaName());
    AlgorithmIdentifier digestAlgorithm =
        new DefaultDigestAlgorithmIdentifierFinder().find(signer.algorithm().digestName());
    ContentSigner contentSigner = new DelegatingContentSigner(signer, signatureAlgorithm);
    DigestCalculatorProvider digests = id -> new FixedDigest(digestAlgorithm, documentDigest);
    try {
      X509Certificate certificate = chain.get(0);
      List<Attribute> signed = signedAttributes(certificate);
      CMSAttributeTableGenerator attributes =
          parameters -> {
            ASN1ObjectIdentifier contentType =
                (ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE);
            byte[] md = (byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST);
            ASN1EncodableVector all = new ASN1EncodableVector();
            all.add(new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
            all.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(md))));
            signed.forEach(all::add);
            return new AttributeTable(all);
          };
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new SignerInfoGeneratorBuilder(digests)
              .setSignedAttributeGenerator(attributes)
              .build(contentSigner, new JcaX509CertificateHolder(certificate)));
      generator.addCertificates(new JcaCertStore(chain));
      CMSSignedData cms = generator.generate(new CMSAbsentContent(), false);
      if (ledger.isPresent()) {
        cms = withReceipt(cms, ledger.get(), documentSha256);
      }
      return cms.getEncoded(ASN1Encoding.DER);
    } catch (OperatorCreationException | CMSException | IOException e) {
      throw new ESealException(ErrorCode.SIGNING_FAILED, "building the CMS signature failed", e);
    }
  }

  /**
   * Logs the seal and adds the receipt as an unsigned attribute (RFC 5652 5.3), which leaves the
   * signed attributes and the signature value as they are.
   */
  private CMSSignedData withReceipt(CMSSignedData cms, LedgerBinding binding, byte[] documentSha256)
      throws GeneralSecurityException, IOException {
    SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
    byte[] signatureSha256 = MessageDigest.getInstance("SHA-256").digest(signerInfo.getSignature());
    Optional<String> sealId =
        sealStructure == null
            ? Optional.empty()
            : Optional.of(SesSeal.decode(sealStructure).esId());
    Optional<ChainReceipt> receipt = binding.log(documentSha256, signatureSha256, sealId);
    if (receipt.isEmpty()) {
      receiptPending = true;
      return cms;
    }
    Attribute attribute =
        new Attribute(
            new ASN1ObjectIdentifier(SealAttributes.CHAIN_RECEIPT),
            new DERSet(ASN1Primitive.fromByteArray(receipt.get().encoded())));
    SignerInformation updated =
        SignerInformation.replaceUnsignedAttributes(signerInfo, new AttributeTable(attribute));
    return CMSSignedData.replaceSigners(cms, new SignerInformationStore(updated));
  }

  private List<Attribute> signedAttributes(X509Certificate certificate)
      throws GeneralSecurityException {
    // RFC 5035 ESSCertIDv2 with SHA-256, the default hash algorithm, which is left out.
    byte[] certHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber());
    ESSCertIDv2 certId =
        new ESSCertIDv2(
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash, issuerSerial);
    List<Attribute> v = new java.util.ArrayList<>();
    v.add(
        new Attribute(
            SIGNING_CERTIFICATE_V2,
            new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
    if (sealStructure != null) {
      v.add(
          new Attribute(
              new ASN1ObjectIdentifier(SealAttributes.SEAL_STRUCTURE),
              new DERSet(new DEROctetString(sealStructure))));
    }
    return v;
  }

  /** Hands the DER signed attributes to the {@link Signer}. */
  private static final class DelegatingContentSigner implements ContentSigner {
    private final Signer signer;
    private final AlgorithmIdentifier algorithm;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    DelegatingContentSigner(Signer signer, AlgorithmIdentifier algorithm) {
      this.signer = signer;
      this.algorithm = algorithm;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
      return buffer;
    }

    @Override
    public byte[] getSignature() {
      return signer.sign(buffer.toByteArray());
    }
  }

  /** A digest calculator that reports the byte-range digest computed beforehand. */
  private static final class FixedDigest implements DigestCalculator {
    private final AlgorithmIdentifier algorithm;
    private final byte[] digest;

    FixedDigest(AlgorithmIdentifier algorithm, byte[] digest) {
      this.algorithm = algorithm;
      this.digest = digest;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public byte[] getDigest() {
      return digest.clone();
    }
  }
}

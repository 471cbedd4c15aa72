package org.eseal.core.ses;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.eseal.core.Validity;
import org.eseal.core.internal.Certificates;
import org.eseal.core.internal.Signatures;
import org.eseal.core.sign.SignatureAlgorithm;
import org.eseal.core.sign.Signer;

/**
 * A GB/T 38540-2020 electronic seal structure ({@code SES_Seal}, version 4): seal id, property,
 * picture and the certificates allowed to use the seal, signed by the seal maker (制章者).
 *
 * <p>The ASN.1 follows GB/T 38540-2020 clause 7:
 *
 * <pre>
 * SES_Seal ::= SEQUENCE { eSealInfo SES_SealInfo, cert OCTET STRING,
 *                         signAlgID OBJECT IDENTIFIER, signedValue BIT STRING }
 * SES_SealInfo ::= SEQUENCE { header SES_Header, esID IA5String,
 *                             property SES_ESPropertyInfo, picture SES_ESPictrueInfo,
 *                             extDatas ExtensionDatas OPTIONAL }
 * SES_Header ::= SEQUENCE { id IA5String ("ES"), version INTEGER (4), vid IA5String }
 * SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER,
 *                                   certList SEQUENCE OF OCTET STRING, createDate,
 *                                   validStart, validEnd GeneralizedTime }
 * SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING,
 *                                  width INTEGER, height INTEGER }
 * </pre>
 *
 * <p>The seal type is 1 (organization seal) for {@link SealKind#OFFICIAL}, {@link
 * SealKind#CONTRACT}, {@link SealKind#FINANCE} and {@link SealKind#INVOICE}, and 2 (personal seal)
 * for {@link SealKind#LEGAL_REPRESENTATIVE} and {@link SealKind#PERSONAL_SIGNATURE}. Since the
 * standard does not tell the organization kinds apart, the exact kind travels in a non-critical
 * {@code ExtData} with id {@link #KIND_EXTENSION_OID} whose value is the DER of a UTF8String
 * holding the {@link SealKind} constant name. Picture sizes are whole millimetres; times are whole
 * seconds.
 *
 * <p>Immutable and thread-safe. {@link #equals(Object)} compares the DER encoding.
 */
public final class SesSeal {
  /** Object identifier of the {@code ExtData} that carries the exact {@link SealKind}. */
  public static final String KIND_EXTENSION_OID = "1.3.6.1.4.1.62714.2.1";

  /** GB/T 38540 seal type of an organization's seal. */
  public static final int ORGANIZATION_SEAL_TYPE = 1;

  /** GB/T 38540 seal type of a person's seal. */
  public static final int PERSONAL_SEAL_TYPE = 2;

  private static final String HEADER_ID = "ES";
  private static final int VERSION = 4;
  private static final int CERT_LIST_TYPE_CERTIFICATES = 1;
  private static final String PICTURE_TYPE = "png";
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private final byte[] der;
  private final byte[] sealInfoDer;
  private final String vendorId;
  private final String esId;
  private final int type;
  private final String name;
  private final List<X509Certificate> holderCertificates;
  private final Instant createdAt;
  private final Validity validity;
  private final SealImage picture;
  private final Optional<SealKind> kind;
  private final X509Certificate makerCertificate;
  private final String signatureAlgorithmOid;
  private final byte[] signedValue;

  private SesSeal(Decoder decoded) {
    this.der = decoded.der;
    this.sealInfoDer = decoded.sealInfoDer;
    this.vendorId = decoded.vendorId;
    this.esId = decoded.esId;
    this.type = decoded.type;
    this.name = decoded.name;
    this.holderCertificates = List.copyOf(decoded.holderCertificates);
    this.createdAt = decoded.createdAt;
    this.validity = decoded.validity;
    this.picture = decoded.picture;
    this.kind = decoded.kind;
    this.makerCertificate = decoded.makerCertificate;
    this.signatureAlgorithmOid = decoded.signatureAlgorithmOid;
    this.signedValue = decoded.signedValue;
  }

  /** A builder for a new seal structure, to be signed by the seal maker. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses a DER {@code SES_Seal}. The maker's signature is not checked; call {@link #verify()}.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_SEAL} naming the field that is malformed,
   *     missing or not supported
   */
  public static SesSeal decode(byte[] der) {
    Objects.requireNonNull(der, "der");
    return new SesSeal(new Decoder(der.clone()));
  }

  /** A copy of the DER encoding. */
  public byte[] encoded() {
    return der.clone();
  }

  /** The seal id ({@code esID}), the platform's seal code. */
  public String esId() {
    return esId;
  }

  /** The seal name ({@code property.name}). */
  public String name() {
    return name;
  }

  /** The GB/T 38540 seal type: 1 for an organization, 2 for a person; other values possible. */
  public int type() {
    return type;
  }

  /** The seal kind, when the structure carries the {@link #KIND_EXTENSION_OID} extension. */
  public Optional<SealKind> kind() {
    return kind;
  }

  /** The vendor id of the header ({@code vid}). */
  public String vendorId() {
    return vendorId;
  }

  /** The seal picture, with its size in whole millimetres. */
  public SealImage picture() {
    return picture;
  }

  /** The seal's validity ({@code validStart} to {@code validEnd}). */
  public Validity validity() {
    return validity;
  }

  /** When the maker made the seal ({@code createDate}). */
  public Instant createdAt() {
    return createdAt;
  }

  /** The certificates whose keys may use the seal ({@code certList}), in order. */
  public List<X509Certificate> holderCertificates() {
    return holderCertificates;
  }

  /** The seal maker's certificate ({@code cert}). */
  public X509Certificate makerCertificate() {
    return makerCertificate;
  }

  /** The maker's signature algorithm, if it is one this SDK knows. */
  public Optional<SignatureAlgorithm> signatureAlgorithm() {
    return SignatureAlgorithm.forOid(signatureAlgorithmOid);
  }

  /**
   * Checks the maker's signature ({@code signedValue}) over the DER of {@code eSealInfo} with the
   * public key of the embedded maker certificate (GB/T 38540-2020 clause 7.2). Whether the maker
   * certificate is trusted is a separate question for {@link
   * org.eseal.core.trust.TrustAnchors#validate}.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_SEAL} if the algorithm is not supported or
   *     the signature does not verify
   */
  public void verify() {
    SignatureAlgorithm algorithm =
        signatureAlgorithm()
            .orElseThrow(
                () ->
                    invalid(
                        "SES_Seal.signAlgID: algorithm "
                            + signatureAlgorithmOid
                            + " not supported"));
    boolean valid;
    try {
      Signature verifier = Signatures.newInstance(algorithm);
      verifier.initVerify(makerCertificate.getPublicKey());
      verifier.update(sealInfoDer);
      valid = verifier.verify(signedValue);
    } catch (GeneralSecurityException e) {
      throw new ESealException(
          ErrorCode.INVALID_SEAL,
          "seal " + esId + ": maker signature cannot be checked: " + e.getMessage(),
          e);
    }
    if (!valid) {
      throw invalid(
          "seal "
              + esId
              + ": the maker's signature over eSealInfo does not verify with the certificate of "
              + makerCertificate.getSubjectX500Principal().getName());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SesSeal other && Arrays.equals(der, other.der);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(der);
  }

  @Override
  public String toString() {
    return "SesSeal[" + esId + ", " + name + ", " + der.length + " bytes]";
  }

  /** The GB/T 38540 seal type of {@code kind}. */
  static int typeOf(SealKind kind) {
    switch (kind) {
      case LEGAL_REPRESENTATIVE:
      case PERSONAL_SIGNATURE:
        return PERSONAL_SEAL_TYPE;
      default:
        return ORGANIZATION_SEAL_TYPE;
    }
  }

  private static ESealException invalid(String message) {
    return new ESealException(ErrorCode.INVALID_SEAL, message);
  }

  /**
   * Collects the fields of a new seal structure. Not thread-safe; {@link #sign(Signer)} may be
   * called more than once.
   */
  public static final class Builder {
    private String esId;
    private String name;
    private SealKind kind;
    private SealImage picture;
    private List<X509Certificate> holderCertificates;
    private Validity validity;
    private Instant createdAt;
    private String vendorId = "eseal";

    private Builder() {}

    /** The seal id: printable ASCII, such as the platform's 13-digit seal code. */
    public Builder esId(String esId) {
      this.esId = requireAscii(esId, "esId");
      return this;
    }

    /** The seal name, such as the owner's name followed by the kind's label. */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** What the seal is for; decides the GB/T 38540 type (see {@link SesSeal}). */
    public Builder kind(SealKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /** The seal picture; its size is stored rounded to whole millimetres. */
    public Builder picture(SealImage picture) {
      this.picture = Objects.requireNonNull(picture, "picture");
      return this;
    }

    /** The certificates whose keys may use the seal; at least one. */
    public Builder holderCertificates(List<X509Certificate> holderCertificates) {
      List<X509Certificate> copy = List.copyOf(holderCertificates);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("holderCertificates must not be empty");
      }
      this.holderCertificates = copy;
      return this;
    }

    /** When the seal may be used; stored to whole seconds. */
    public Builder validity(Validity validity) {
      this.validity = Objects.requireNonNull(validity, "validity");
      return this;
    }

    /** When the seal was made; stored to whole seconds. Defaults to the time of signing. */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
      return this;
    }

    /** The vendor id of the header ({@code vid}); defaults to {@code eseal}. */
    public Builder vendorId(String vendorId) {
      this.vendorId = requireAscii(vendorId, "vendorId");
      return this;
    }

    /**
     * Encodes the seal information and has {@code maker} sign its DER.
     *
     * @throws IllegalStateException if a field is missing
     * @throws ESealException with the maker's code if signing fails, or {@link
     *     ErrorCode#INVALID_SEAL} if a certificate cannot be encoded
     */
    public SesSeal sign(Signer maker) {
      Objects.requireNonNull(maker, "maker");
      require(esId, "esId");
      require(name, "name");
      require(kind, "kind");
      require(picture, "picture");
      require(holderCertificates, "holderCertificates");
      require(validity, "validity");
      Instant made = createdAt == null ? Instant.now() : createdAt;
      ASN1EncodableVector certs = new ASN1EncodableVector();
      for (X509Certificate certificate : holderCertificates) {
        certs.add(new DEROctetString(encode(certificate, "holder certificate")));
      }
      DERSequence header =
          sequence(
              new DERIA5String(HEADER_ID), new ASN1Integer(VERSION), new DERIA5String(vendorId));
      DERSequence property =
          sequence(
              new ASN1Integer(typeOf(kind)),
              new DERUTF8String(name),
              new ASN1Integer(CERT_LIST_TYPE_CERTIFICATES),
              new DERSequence(certs),
              time(made),
              time(validity.notBefore()),
              time(validity.notAfter()));
      DERSequence pictureInfo =
          sequence(
              new DERIA5String(PICTURE_TYPE),
              new DEROctetString(picture.png()),
              new ASN1Integer(millimetres(picture.widthMm())),
              new ASN1Integer(millimetres(picture.heightMm())));
      DERSequence kindExtension;
      try {
        kindExtension =
            sequence(
                new ASN1ObjectIdentifier(KIND_EXTENSION_OID),
                new DEROctetString(new DERUTF8String(kind.name()).getEncoded(ASN1Encoding.DER)));
      } catch (IOException e) {
        throw new IllegalStateException("DER encoding of a string failed", e);
      }
      DERSequence sealInfo =
          sequence(header, new DERIA5String(esId), property, pictureInfo, sequence(kindExtension));
      byte[] sealInfoDer = der(sealInfo);
      byte[] signature = maker.sign(sealInfoDer);
      X509Certificate makerCertificate = maker.certificateChain().get(0);
      DERSequence seal =
          sequence(
              sealInfo,
              new DEROctetString(encode(makerCertificate, "maker certificate")),
              new ASN1ObjectIdentifier(maker.algorithm().oid()),
              new DERBitString(signature));
      return new SesSeal(new Decoder(der(seal)));
    }

    private static String requireAscii(String value, String field) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(field + " must not be empty");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException(
              field + " must be printable ASCII (IA5String); character " + (i + 1) + " is not");
        }
      }
      return value;
    }

    private static void require(Object value, String field) {
      if (value == null) {
        throw new IllegalStateException(field + " is not set");
      }
    }

    private static long millimetres(double mm) {
      return Math.max(1, Math.round(mm));
    }

    private static DERGeneralizedTime time(Instant instant) {
      return new DERGeneralizedTime(
          GENERALIZED_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static byte[] encode(X509Certificate certificate, String what) {
      try {
        return certificate.getEncoded();
      } catch (CertificateEncodingException e) {
        throw new ESealException(ErrorCode.INVALID_SEAL, what + " cannot be encoded", e);
      }
    }

    private static DERSequence sequence(ASN1Encodable... elements) {
      return new DERSequence(elements);
    }

    private static byte[] der(ASN1Encodable value) {
      try {
        return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
      } catch (IOException e) {
        throw new IllegalStateException("DER encoding failed", e);
      }
    }
  }

  /** Reads a DER {@code SES_Seal} field by field, naming the field in every error. */
  private static final class Decoder {
    final byte[] der;
    byte[] sealInfoDer;
    String vendorId;
    String esId;
    int type;
    String name;
    List<X509Certificate> holderCertificates;
    Instant createdAt;
    Validity validity;
    SealImage picture;
    Optional<SealKind> kind = Optional.empty();
    X509Certificate makerCertificate;
    String signatureAlgorithmOid;
    byte[] signedValue;

    Decoder(byte[] der) {
      this.der = der;
      ASN1Primitive root;
      try {
        root = ASN1Primitive.fromByteArray(der);
      } catch (IOException | RuntimeException e) {
        throw new ESealException(
            ErrorCode.INVALID_SEAL,
            "SES_Seal: " + der.length + " bytes are not valid DER: " + e.getMessage(),
            e);
      }
      ASN1Sequence seal = sequence(root, "SES_Seal", 4, 4);
      ASN1Sequence sealInfo = sequence(seal.getObjectAt(0), "SES_Seal.eSealInfo", 4, 5);
      try {
        sealInfoDer = sealInfo.getEncoded(ASN1Encoding.DER);
      } catch (IOException e) {
        throw new ESealException(ErrorCode.INVALID_SEAL, "SES_Seal.eSealInfo: not encodable", e);
      }
      readHeader(sequence(sealInfo.getObjectAt(0), "SES_Seal.eSealInfo.header", 3, 3));
      esId = ia5(sealInfo.getObjectAt(1), "SES_Seal.eSealInfo.esID");
      readProperty(sequence(sealInfo.getObjectAt(2), "SES_Seal.eSealInfo.property", 7, 7));
      readPicture(sequence(sealInfo.getObjectAt(3), "SES_Seal.eSealInfo.picture", 4, 4));
      if (sealInfo.size() == 5) {
        readExtensions(sequence(sealInfo.getObjectAt(4), "SES_Seal.eSealInfo.extDatas", 0, -1));
      }
      makerCertificate = certificate(octets(seal.getObjectAt(1), "SES_Seal.cert"), "SES_Seal.cert");
      signatureAlgorithmOid = oid(seal.getObjectAt(2), "SES_Seal.signAlgID");
      ASN1Encodable value = seal.getObjectAt(3);
      if (!(value instanceof ASN1BitString bits) || bits.getPadBits() != 0) {
        throw invalid(
            "SES_Seal.signedValue: expected a BIT STRING of whole bytes, found " + typeName(value));
      }
      signedValue = bits.getOctets();
    }

    private void readHeader(ASN1Sequence header) {
      String id = ia5(header.getObjectAt(0), "SES_Seal.eSealInfo.header.ID");
      if (!HEADER_ID.equals(id)) {
        throw invalid("SES_Seal.eSealInfo.header.ID: expected \"ES\", found \"" + id + "\"");
      }
      BigInteger version = integer(header.getObjectAt(1), "SES_Seal.eSealInfo.header.version");
      if (version.intValue() != VERSION || version.bitLength() > 31) {
        throw invalid(
            "SES_Seal.eSealInfo.header.version: "
                + version
                + " is not supported; GB/T 38540-2020 structures have version 4");
      }
      vendorId = ia5(header.getObjectAt(2), "SES_Seal.eSealInfo.header.Vid");
    }

    private void readProperty(ASN1Sequence property) {
      String where = "SES_Seal.eSealInfo.property";
      type = smallInt(property.getObjectAt(0), where + ".type");
      ASN1Encodable nameValue = property.getObjectAt(1);
      if (!(nameValue instanceof ASN1String text)) {
        throw invalid(where + ".name: expected a UTF8String, found " + typeName(nameValue));
      }
      name = text.getString();
      int certListType = smallInt(property.getObjectAt(2), where + ".certListType");
      if (certListType != CERT_LIST_TYPE_CERTIFICATES) {
        throw invalid(
            where
                + ".certListType: "
                + certListType
                + " is not supported; only 1 (certificates) is");
      }
      ASN1Sequence certList = sequence(property.getObjectAt(3), where + ".certList", 1, -1);
      List<X509Certificate> certificates = new ArrayList<>();
      for (int i = 0; i < certList.size(); i++) {
        String field = where + ".certList[" + i + "]";
        certificates.add(certificate(octets(certList.getObjectAt(i), field), field));
      }
      holderCertificates = certificates;
      createdAt = time(property.getObjectAt(4), where + ".createDate");
      Instant start = time(property.getObjectAt(5), where + ".validStart");
      Instant end = time(property.getObjectAt(6), where + ".validEnd");
      if (!end.isAfter(start)) {
        throw invalid(where + ".validEnd: " + end + " is not after validStart " + start);
      }
      validity = new Validity(start, end);
    }

    private void readPicture(ASN1Sequence pictureInfo) {
      String where = "SES_Seal.eSealInfo.picture";
      String pictureType = ia5(pictureInfo.getObjectAt(0), where + ".type");
      if (!PICTURE_TYPE.equalsIgnoreCase(pictureType)) {
        throw invalid(where + ".type: \"" + pictureType + "\" is not supported; only png is");
      }
      byte[] data = octets(pictureInfo.getObjectAt(1), where + ".data");
      int width = smallInt(pictureInfo.getObjectAt(2), where + ".width");
      int height = smallInt(pictureInfo.getObjectAt(3), where + ".height");
      try {
        picture = SealImage.ofPng(data, width, height);
      } catch (IllegalArgumentException e) {
        throw new ESealException(ErrorCode.INVALID_SEAL, where + ": " + e.getMessage(), e);
      }
    }

    private void readExtensions(ASN1Sequence extensions) {
      for (int i = 0; i < extensions.size(); i++) {
        String where = "SES_Seal.eSealInfo.extDatas[" + i + "]";
        ASN1Sequence extension = sequence(extensions.getObjectAt(i), where, 2, 3);
        String id = oid(extension.getObjectAt(0), where + ".extnID");
        boolean critical = false;
        if (extension.size() == 3) {
          ASN1Encodable flag = extension.getObjectAt(1);
          if (!(flag instanceof ASN1Boolean bool)) {
            throw invalid(where + ".critical: expected a BOOLEAN, found " + typeName(flag));
          }
          critical = bool.isTrue();
        }
        byte[] value = octets(extension.getObjectAt(extension.size() - 1), where + ".extnValue");
        if (KIND_EXTENSION_OID.equals(id)) {
          kind = sealKind(value, where);
        } else if (critical) {
          throw invalid(where + ": critical extension " + id + " is not understood");
        }
      }
    }

    private static Optional<SealKind> sealKind(byte[] value, String where) {
      String constant;
      try {
        constant = DERUTF8String.getInstance(value).getString();
      } catch (IllegalArgumentException e) {
        throw new ESealException(
            ErrorCode.INVALID_SEAL, where + ".extnValue: seal kind is not a UTF8String", e);
      }
      for (SealKind candidate : SealKind.values()) {
        if (candidate.name().equals(constant)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }

    private static ASN1Sequence sequence(ASN1Encodable value, String where, int min, int max) {
      if (!(value instanceof ASN1Sequence sequence)) {
        throw invalid(where + ": expected a SEQUENCE, found " + typeName(value));
      }
      if (sequence.size() < min || (max >= 0 && sequence.size() > max)) {
        String expected = min == max ? "" + min : max < 0 ? "at least " + min : min + " to " + max;
        throw invalid(where + ": expected " + expected + " elements, found " + sequence.size());
      }
      return sequence;
    }

    private static String ia5(ASN1Encodable value, String where) {
      if (!(value instanceof ASN1IA5String text)) {
        throw invalid(where + ": expected an IA5String, found " + typeName(value));
      }
      return text.getString();
    }

    private static BigInteger integer(ASN1Encodable value, String where) {
      if (!(value instanceof ASN1Integer number)) {
        throw invalid(where + ": expected an INTEGER, found " + typeName(value));
      }
      return number.getValue();
    }

    private static int smallInt(ASN1Encodable value, String where) {
      BigInteger number = integer(value, where);
      if (number.signum() < 0 || number.bitLength() > 31) {
        throw invalid(where + ": " + number + " is out of range");
      }
      return number.intValue();
    }

    private static byte[] octets(ASN1Encodable value, String where) {
      if (!(value instanceof ASN1OctetString octets)) {
        throw invalid(where + ": expected an OCTET STRING, found " + typeName(value));
      }
      return octets.getOctets();
    }

    private static String oid(ASN1Encodable value, String where) {
      if (!(value instanceof ASN1ObjectIdentifier id)) {
        throw invalid(where + ": expected an OBJECT IDENTIFIER, found " + typeName(value));
      }
      return id.getId();
    }

    private static Instant time(ASN1Encodable value, String where) {
      try {
        if (value instanceof ASN1GeneralizedTime generalized) {
          return generalized.getDate().toInstant();
        }
        if (value instanceof ASN1UTCTime utc) {
          return utc.getAdjustedDate().toInstant();
        }
      } catch (ParseException e) {
        throw new ESealException(ErrorCode.INVALID_SEAL, where + ": malformed time", e);
      }
      throw invalid(where + ": expected a GeneralizedTime, found " + typeName(value));
    }

    private static X509Certificate certificate(byte[] der, String where) {
      try {
        return Certificates.parse(der);
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new ESealException(
            ErrorCode.INVALID_SEAL, where + ": not an X.509 certificate: " + e.getMessage(), e);
      }
    }

    private static String typeName(ASN1Encodable value) {
      return value == null ? "nothing" : value.getClass().getSimpleName();
    }
  }
}

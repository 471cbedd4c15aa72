package org.eseal.core.trust;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.internal.AtomicFiles;
import org.eseal.core.internal.BouncyCastle;

/**
 * The root certificates a verifier trusts, and RFC 5280 path validation against them.
 *
 * <p>Immutable and thread-safe. Validation uses the Bouncy Castle PKIX {@link CertPathValidator}
 * (which, unlike the JDK one, accepts SM2 keys) with revocation checking off: this class answers
 * "does the chain lead to a trusted root and was every certificate valid at that instant", not "was
 * any certificate revoked".
 */
public final class TrustAnchors {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private final List<X509Certificate> certificates;

  private TrustAnchors(List<X509Certificate> certificates) {
    this.certificates = certificates;
  }

  /**
   * Trusts exactly {@code certificates}; duplicates are dropped, the order kept.
   *
   * @throws IllegalArgumentException if {@code certificates} is empty
   */
  public static TrustAnchors of(Collection<X509Certificate> certificates) {
    List<X509Certificate> distinct = List.copyOf(new LinkedHashSet<>(certificates));
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("trust anchors need at least one certificate");
    }
    return new TrustAnchors(distinct);
  }

  /**
   * Reads PEM certificates ({@code -----BEGIN CERTIFICATE-----} blocks) from a file.
   *
   * @throws ESealException with {@link ErrorCode#IO_ERROR} if the file is missing or unreadable, or
   *     {@link ErrorCode#KEY_ERROR} if it holds no certificate or a garbled one
   */
  public static TrustAnchors readPem(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "trust anchor file " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new ESealException(
          ErrorCode.KEY_ERROR,
          "trust anchor file " + file + " is not PEM text (it holds non-ASCII bytes)",
          e);
    } catch (IOException e) {
      throw new ESealException(
          ErrorCode.IO_ERROR, "cannot read trust anchor file " + file + ": " + e.getMessage(), e);
    }
    return new TrustAnchors(parsePem(text, "trust anchor file " + file));
  }

  /**
   * Parses PEM certificates from text.
   *
   * @throws ESealException with {@link ErrorCode#KEY_ERROR} if the text holds no certificate or a
   *     garbled one
   */
  public static TrustAnchors fromPem(String pem) {
    return new TrustAnchors(parsePem(pem, "PEM text"));
  }

  /** The trusted certificates, in the order given. */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** The certificates as concatenated PEM blocks with 64-character lines. */
  public String toPem() {
    StringBuilder pem = new StringBuilder();
    Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
    for (X509Certificate certificate : certificates) {
      try {
        pem.append(BEGIN).append('\n');
        pem.append(encoder.encodeToString(certificate.getEncoded())).append('\n');
        pem.append(END).append('\n');
      } catch (CertificateEncodingException e) {
        throw new ESealException(ErrorCode.KEY_ERROR, "cannot encode a trust anchor", e);
      }
    }
    return pem.toString();
  }

  /**
   * Writes {@link #toPem()} to {@code file}, atomically: to a temporary file in the same directory,
   * then moved into place.
   *
   * @throws ESealException with {@link ErrorCode#IO_ERROR} if writing fails
   */
  public void writePem(Path file) {
    AtomicFiles.write(file, toPem().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Checks that {@code chain} leads to one of these anchors and that every certificate on the path
   * was valid at {@code at} (RFC 5280 section 6.1; revocation not checked). A trailing anchor in
   * the chain is allowed and ignored.
   *
   * @param chain the end-entity certificate first, then its issuers
   * @param at the instant the chain must be valid at, such as a signing time
   * @throws IllegalArgumentException if {@code chain} is empty
   */
  public ChainValidation validate(List<X509Certificate> chain, Instant at) {
    Objects.requireNonNull(at, "at");
    List<X509Certificate> path = new ArrayList<>(chain);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("chain must hold at least the end-entity certificate");
    }
    while (path.size() > 1 && certificates.contains(path.get(path.size() - 1))) {
      path.remove(path.size() - 1);
    }
    if (path.size() == 1 && certificates.contains(path.get(0))) {
      return ChainValidation.trusted(List.of(path.get(0)));
    }
    Set<TrustAnchor> anchors = new LinkedHashSet<>();
    for (X509Certificate certificate : certificates) {
      anchors.add(new TrustAnchor(certificate, null));
    }
    try {
      CertPath certPath =
          CertificateFactory.getInstance("X.509", BouncyCastle.provider()).generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      PKIXCertPathValidatorResult result =
          (PKIXCertPathValidatorResult)
              CertPathValidator.getInstance("PKIX", BouncyCastle.provider())
                  .validate(certPath, parameters);
      List<X509Certificate> validated = new ArrayList<>(path);
      validated.add(result.getTrustAnchor().getTrustedCert());
      return ChainValidation.trusted(validated);
    } catch (CertPathValidatorException e) {
      String where =
          e.getIndex() >= 0 && e.getIndex() < path.size()
              ? " at certificate "
                  + e.getIndex()
                  + " ("
                  + path.get(e.getIndex()).getSubjectX500Principal().getName()
                  + ")"
              : "";
      return ChainValidation.untrusted(
          "chain does not validate" + where + " at " + at + ": " + e.getMessage());
    } catch (InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("trust anchors rejected by PKIX", e);
    } catch (GeneralSecurityException e) {
      return ChainValidation.untrusted("chain cannot be processed: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrustAnchors other && certificates.equals(other.certificates);
  }

  @Override
  public int hashCode() {
    return certificates.hashCode();
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      names.add(certificate.getSubjectX500Principal().getName());
    }
    return "TrustAnchors" + names;
  }

  private static List<X509Certificate> parsePem(String text, String what) {
    List<X509Certificate> parsed = new ArrayList<>();
    int from = 0;
    while (true) {
      int begin = text.indexOf(BEGIN, from);
      if (begin < 0) {
        break;
      }
      int end = text.indexOf(END, begin);
      if (end < 0) {
        throw new ESealException(
            ErrorCode.KEY_ERROR,
            what + ": certificate " + (parsed.size() + 1) + " has no " + END + " line");
      }
      String body = text.substring(begin + BEGIN.length(), end);
      try {
        byte[] der = Base64.getMimeDecoder().decode(body);
        parsed.add(org.eseal.core.internal.Certificates.parse(der));
      } catch (IllegalArgumentException | GeneralSecurityException e) {
        throw new ESealException(
            ErrorCode.KEY_ERROR,
            what + ": certificate " + (parsed.size() + 1) + " is garbled: " + e.getMessage(),
            e);
      }
      from = end + END.length();
    }
    if (parsed.isEmpty()) {
      throw new ESealException(ErrorCode.KEY_ERROR, what + " holds no " + BEGIN + " block");
    }
    return List.copyOf(new LinkedHashSet<>(parsed));
  }
}

package org.eseal.core.sign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.internal.BouncyCastle;
import org.eseal.core.internal.Signatures;

/**
 * A {@link Signer} over a private key held in memory, for example one read from a PKCS#12 file.
 *
 * <p>The algorithm follows from the key: EC P-256 signs with {@link
 * SignatureAlgorithm#ECDSA_P256_SHA256}, P-384 with {@link SignatureAlgorithm#ECDSA_P384_SHA384},
 * RSA of 2048 bits or more with {@link SignatureAlgorithm#RSA_SHA256} and SM2 ({@code sm2p256v1})
 * with {@link SignatureAlgorithm#SM2_SM3} using the default user id of GM/T 0009. EC and RSA use
 * the JDK providers; SM2 uses a private Bouncy Castle provider instance, never added to the JVM's
 * provider list.
 *
 * <p>Thread-safe: each {@link #sign(byte[])} uses its own {@link Signature}. The key stays in
 * memory for the life of the object; {@link #toString()} never shows it.
 */
public final class SoftwareSigner implements Signer {
  private static final byte[] PROBE =
      "eseal key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final String PKCS12_ALIAS = "seal";

  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final SignatureAlgorithm algorithm;

  private SoftwareSigner(
      PrivateKey key, List<X509Certificate> chain, SignatureAlgorithm algorithm) {
    this.key = key;
    this.chain = chain;
    this.algorithm = algorithm;
  }

  /**
   * A signer over {@code key}, whose certificate is the first of {@code chain}.
   *
   * @throws ESealException with {@link ErrorCode#KEY_ERROR} if the key type is not supported, an
   *     RSA key is shorter than 2048 bits, or the key does not match the first certificate
   * @throws IllegalArgumentException if {@code chain} is empty
   */
  public static SoftwareSigner of(PrivateKey key, List<X509Certificate> chain) {
    Objects.requireNonNull(key, "key");
    List<X509Certificate> certificates = List.copyOf(chain);
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("chain must hold the key's certificate");
    }
    SignatureAlgorithm algorithm = inferAlgorithm(key);
    PrivateKey usable = algorithm == SignatureAlgorithm.SM2_SM3 ? key : toJdkKey(key, algorithm);
    SoftwareSigner signer = new SoftwareSigner(usable, certificates, algorithm);
    signer.checkMatches(certificates.get(0));
    return signer;
  }

  /**
   * Reads the first private key entry of a PKCS#12 file and its certificate chain.
   *
   * @throws ESealException with {@link ErrorCode#KEY_ERROR} if the file is missing, the password is
   *     wrong, the file is not PKCS#12 or holds no private key
   */
  public static SoftwareSigner fromPkcs12(Path file, char[] password) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "PKCS#12 file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ESealException(
          ErrorCode.KEY_ERROR, "cannot read PKCS#12 file " + file + ": " + e.getMessage(), e);
    }
    return fromPkcs12(bytes, password, "PKCS#12 file " + file);
  }

  /**
   * Reads the first private key entry of PKCS#12 bytes and its certificate chain.
   *
   * @throws ESealException with {@link ErrorCode#KEY_ERROR} if the password is wrong, the bytes are
   *     not PKCS#12 or hold no private key
   */
  public static SoftwareSigner fromPkcs12(byte[] pkcs12, char[] password) {
    return fromPkcs12(pkcs12, password, "PKCS#12 data");
  }

  private static SoftwareSigner fromPkcs12(byte[] pkcs12, char[] password, String what) {
    Objects.requireNonNull(pkcs12, "pkcs12");
    Objects.requireNonNull(password, "password");
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
      store.load(new ByteArrayInputStream(pkcs12), password);
    } catch (IOException e) {
      if (isWrongPassword(e)) {
        throw new ESealException(
            ErrorCode.KEY_ERROR, "wrong password for " + what + " (or the file is corrupted)", e);
      }
      throw new ESealException(
          ErrorCode.KEY_ERROR, what + " is not a readable PKCS#12 key store: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "cannot open " + what, e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        Certificate[] certificates = store.getCertificateChain(alias);
        if (key == null || certificates == null || certificates.length == 0) {
          continue;
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
          chain.add((X509Certificate) certificate);
        }
        return of(key, chain);
      }
    } catch (UnrecoverableKeyException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "wrong key password for " + what, e);
    } catch (GeneralSecurityException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "cannot read the key in " + what, e);
    }
    throw new ESealException(
        ErrorCode.KEY_ERROR, what + " holds no private key entry with a certificate chain");
  }

  /**
   * Writes the key and chain as PKCS#12 under the alias {@code seal}, protected by {@code
   * password}.
   *
   * @throws ESealException with {@link ErrorCode#KEY_ERROR} if the key store cannot be written
   */
  public byte[] toPkcs12(char[] password) {
    Objects.requireNonNull(password, "password");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
      store.load(null, null);
      store.setKeyEntry(PKCS12_ALIAS, key, password, chain.toArray(new Certificate[0]));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "cannot write PKCS#12: " + e.getMessage(), e);
    }
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  @Override
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public byte[] sign(byte[] message) {
    Objects.requireNonNull(message, "message");
    try {
      Signature signature = Signatures.newInstance(algorithm);
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new ESealException(
          ErrorCode.SIGNING_FAILED, algorithm + " signing failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "SoftwareSigner["
        + algorithm
        + ", "
        + chain.get(0).getSubjectX500Principal().getName()
        + "]";
  }

  private void checkMatches(X509Certificate certificate) {
    boolean matches;
    try {
      Signature verifier = Signatures.newInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(PROBE);
      matches = verifier.verify(sign(PROBE));
    } catch (GeneralSecurityException | ESealException e) {
      throw new ESealException(
          ErrorCode.KEY_ERROR,
          "the private key does not match certificate "
              + certificate.getSubjectX500Principal().getName()
              + ": "
              + e.getMessage(),
          e);
    }
    if (!matches) {
      throw new ESealException(
          ErrorCode.KEY_ERROR,
          "the private key does not match the public key of certificate "
              + certificate.getSubjectX500Principal().getName());
    }
  }

  private static SignatureAlgorithm inferAlgorithm(PrivateKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new ESealException(
          ErrorCode.KEY_ERROR,
          "the " + key.getAlgorithm() + " key cannot be exported; use a token or remote signer");
    }
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(encoded);
    } catch (IllegalArgumentException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "the private key is not PKCS#8 encoded", e);
    }
    ASN1ObjectIdentifier type = info.getPrivateKeyAlgorithm().getAlgorithm();
    if (type.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      int bits = rsaBits(info);
      if (bits < 2048) {
        throw new ESealException(
            ErrorCode.KEY_ERROR, "RSA key of " + bits + " bits is too short; at least 2048 needed");
      }
      return SignatureAlgorithm.RSA_SHA256;
    }
    if (type.equals(GMObjectIdentifiers.sm2p256v1)) {
      return SignatureAlgorithm.SM2_SM3;
    }
    if (type.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      ASN1Encodable parameters = info.getPrivateKeyAlgorithm().getParameters();
      if (parameters instanceof ASN1ObjectIdentifier curve) {
        if (curve.equals(SECObjectIdentifiers.secp256r1)) {
          return SignatureAlgorithm.ECDSA_P256_SHA256;
        }
        if (curve.equals(SECObjectIdentifiers.secp384r1)) {
          return SignatureAlgorithm.ECDSA_P384_SHA384;
        }
        if (curve.equals(GMObjectIdentifiers.sm2p256v1)) {
          return SignatureAlgorithm.SM2_SM3;
        }
        throw new ESealException(
            ErrorCode.KEY_ERROR,
            "EC curve " + curve.getId() + " is not supported; use P-256, P-384 or SM2");
      }
      throw new ESealException(
          ErrorCode.KEY_ERROR, "EC keys with explicit curve parameters are not supported");
    }
    throw new ESealException(
        ErrorCode.KEY_ERROR, "key algorithm " + type.getId() + " is not supported; use EC or RSA");
  }

  private static int rsaBits(PrivateKeyInfo info) {
    try {
      return RSAPrivateKey.getInstance(info.parsePrivateKey()).getModulus().bitLength();
    } catch (IOException | IllegalArgumentException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "the RSA private key is malformed", e);
    }
  }

  private static PrivateKey toJdkKey(PrivateKey key, SignatureAlgorithm algorithm) {
    String family = algorithm == SignatureAlgorithm.RSA_SHA256 ? "RSA" : "EC";
    try {
      return KeyFactory.getInstance(family)
          .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "the " + family + " key cannot be used", e);
    }
  }

  private static boolean isWrongPassword(IOException e) {
    if (e.getCause() instanceof UnrecoverableKeyException) {
      return true;
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return message.contains("password") || message.contains("mac invalid");
  }
}

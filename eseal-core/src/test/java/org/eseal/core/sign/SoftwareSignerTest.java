package org.eseal.core.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.TestPki;
import org.eseal.core.internal.BouncyCastle;
import org.eseal.core.internal.Signatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SoftwareSignerTest {
  private static final byte[] MESSAGE = "seal me".getBytes(StandardCharsets.UTF_8);
  private static final char[] PASSWORD = "secret".toCharArray();

  private static SoftwareSigner signer(SignatureAlgorithm algorithm) {
    KeyPair keys = Keys.generate(algorithm);
    X509Certificate certificate = TestPki.selfSigned("signer", keys, algorithm);
    return SoftwareSigner.of(keys.getPrivate(), List.of(certificate));
  }

  private static boolean verifies(SoftwareSigner signer, byte[] signature) throws Exception {
    Signature verifier = Signatures.newInstance(signer.algorithm());
    verifier.initVerify(signer.certificateChain().get(0).getPublicKey());
    verifier.update(MESSAGE);
    return verifier.verify(signature);
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void of_generatedKey_infersAlgorithmAndSigns(SignatureAlgorithm algorithm) throws Exception {
    SoftwareSigner signer = signer(algorithm);

    assertEquals(algorithm, signer.algorithm());
    assertTrue(verifies(signer, signer.sign(MESSAGE)));
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void pkcs12_roundTrip_keepsKeyAndChain(SignatureAlgorithm algorithm) throws Exception {
    SoftwareSigner signer = signer(algorithm);

    SoftwareSigner read = SoftwareSigner.fromPkcs12(signer.toPkcs12(PASSWORD), PASSWORD);

    assertEquals(algorithm, read.algorithm());
    assertEquals(signer.certificateChain(), read.certificateChain());
    assertTrue(verifies(signer, read.sign(MESSAGE)));
  }

  @Test
  void of_keyOfAnotherCertificate_isKeyError() {
    KeyPair keys = Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
    KeyPair other = Keys.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
    X509Certificate certificate =
        TestPki.selfSigned("other", other, SignatureAlgorithm.ECDSA_P256_SHA256);

    ESealException e =
        assertThrows(
            ESealException.class, () -> SoftwareSigner.of(keys.getPrivate(), List.of(certificate)));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
  }

  @Test
  void of_rsa1024_isKeyError() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair keys = generator.generateKeyPair();
    X509Certificate certificate = TestPki.selfSigned("weak", keys, SignatureAlgorithm.RSA_SHA256);

    ESealException e =
        assertThrows(
            ESealException.class, () -> SoftwareSigner.of(keys.getPrivate(), List.of(certificate)));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
    assertTrue(e.getMessage().contains("1024"), e.getMessage());
  }

  @Test
  void generateRsa_3072_signsWithRsaSha256() throws Exception {
    KeyPair keys = Keys.generateRsa(3072);
    X509Certificate certificate = TestPki.selfSigned("rsa", keys, SignatureAlgorithm.RSA_SHA256);

    SoftwareSigner signer = SoftwareSigner.of(keys.getPrivate(), List.of(certificate));

    assertEquals(SignatureAlgorithm.RSA_SHA256, signer.algorithm());
    assertTrue(verifies(signer, signer.sign(MESSAGE)));
  }

  @Test
  void fromPkcs12_wrongPassword_isKeyErrorNamingPassword() {
    byte[] pkcs12 = signer(SignatureAlgorithm.ECDSA_P256_SHA256).toPkcs12(PASSWORD);

    ESealException e =
        assertThrows(
            ESealException.class, () -> SoftwareSigner.fromPkcs12(pkcs12, "wrong".toCharArray()));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
    assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
  }

  @Test
  void fromPkcs12_missingFile_isKeyErrorNamingFile(@TempDir Path directory) {
    Path missing = directory.resolve("nope.p12");

    ESealException e =
        assertThrows(ESealException.class, () -> SoftwareSigner.fromPkcs12(missing, PASSWORD));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("nope.p12"), e.getMessage());
  }

  @Test
  void fromPkcs12_file_readsKey(@TempDir Path directory) throws Exception {
    SoftwareSigner signer = signer(SignatureAlgorithm.ECDSA_P384_SHA384);
    Path file = directory.resolve("seal.p12");
    Files.write(file, signer.toPkcs12(PASSWORD));

    SoftwareSigner read = SoftwareSigner.fromPkcs12(file, PASSWORD);

    assertEquals(signer.certificateChain(), read.certificateChain());
  }

  @Test
  void fromPkcs12_onlyCertificates_isKeyErrorNamingMissingKey() throws Exception {
    SoftwareSigner signer = signer(SignatureAlgorithm.ECDSA_P256_SHA256);
    KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
    store.load(null, null);
    store.setCertificateEntry("cert", signer.certificateChain().get(0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, PASSWORD);

    ESealException e =
        assertThrows(
            ESealException.class, () -> SoftwareSigner.fromPkcs12(out.toByteArray(), PASSWORD));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
    assertTrue(e.getMessage().contains("no private key"), e.getMessage());
  }

  @Test
  void fromPkcs12_garbage_isKeyError() {
    ESealException e =
        assertThrows(
            ESealException.class,
            () -> SoftwareSigner.fromPkcs12(new byte[] {1, 2, 3, 4}, PASSWORD));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
  }

  @Test
  void sign_fromManyThreads_allSignaturesVerify() throws Exception {
    SoftwareSigner signer = signer(SignatureAlgorithm.ECDSA_P256_SHA256);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results =
          pool.invokeAll(java.util.Collections.nCopies(32, () -> signer.sign(MESSAGE)));
      for (Future<byte[]> result : results) {
        assertTrue(verifies(signer, result.get()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oid_roundTripsThroughForOid() {
    for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
      assertEquals(algorithm, SignatureAlgorithm.forOid(algorithm.oid()).orElseThrow());
    }
    assertTrue(SignatureAlgorithm.forOid("1.2.3").isEmpty());
  }
}

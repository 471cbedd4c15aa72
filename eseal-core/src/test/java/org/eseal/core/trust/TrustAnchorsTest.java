package org.eseal.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.TestPki;
import org.eseal.core.sign.Keys;
import org.eseal.core.sign.SignatureAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2036-01-01T00:00:00Z");
  private static final Instant AT = Instant.parse("2027-01-01T00:00:00Z");
  private static final SignatureAlgorithm EC = SignatureAlgorithm.ECDSA_P256_SHA256;

  private final KeyPair rootKeys = Keys.generate(EC);
  private final X509Certificate root = TestPki.selfSigned("Root", rootKeys, EC, START, END);

  private X509Certificate leaf(KeyPair keys, Instant from, Instant to) {
    return TestPki.issue(
        "Leaf", keys.getPublic(), "Root", rootKeys.getPrivate(), EC, from, to, false);
  }

  @Test
  void validate_leafIssuedByRoot_isTrustedWithPath() {
    X509Certificate leaf = leaf(Keys.generate(EC), START, END);

    ChainValidation result = TrustAnchors.of(List.of(root)).validate(List.of(leaf, root), AT);

    assertTrue(result.trusted(), result.problem().orElse(""));
    assertEquals(List.of(leaf, root), result.path());
  }

  @Test
  void validate_sm2Leaf_isTrusted() {
    X509Certificate leaf = leaf(Keys.generate(SignatureAlgorithm.SM2_SM3), START, END);

    ChainValidation result = TrustAnchors.of(List.of(root)).validate(List.of(leaf), AT);

    assertTrue(result.trusted(), result.problem().orElse(""));
  }

  @Test
  void validate_otherRoot_isUntrustedWithProblem() {
    X509Certificate leaf = leaf(Keys.generate(EC), START, END);
    X509Certificate other = TestPki.selfSigned("Other", Keys.generate(EC), EC, START, END);

    ChainValidation result = TrustAnchors.of(List.of(other)).validate(List.of(leaf), AT);

    assertFalse(result.trusted());
    assertTrue(result.problem().isPresent());
    assertTrue(result.path().isEmpty());
  }

  @Test
  void validate_expiredLeaf_isUntrusted() {
    X509Certificate leaf = leaf(Keys.generate(EC), START, START.plusSeconds(3600));

    ChainValidation result = TrustAnchors.of(List.of(root)).validate(List.of(leaf), AT);

    assertFalse(result.trusted());
    assertTrue(result.problem().orElseThrow().contains("Leaf"), result.problem().orElseThrow());
  }

  @Test
  void pem_writeThenRead_givesSameAnchors(@TempDir Path directory) {
    TrustAnchors anchors = TrustAnchors.of(List.of(root));
    Path file = directory.resolve("anchors.pem");

    anchors.writePem(file);

    assertEquals(anchors, TrustAnchors.readPem(file));
    assertEquals(anchors, TrustAnchors.fromPem(anchors.toPem()));
  }

  @Test
  void readPem_missingFile_isIoErrorNamingFile(@TempDir Path directory) {
    Path file = directory.resolve("missing.pem");

    ESealException e = assertThrows(ESealException.class, () -> TrustAnchors.readPem(file));

    assertEquals(ErrorCode.IO_ERROR, e.code());
    assertTrue(e.getMessage().contains("missing.pem"), e.getMessage());
  }

  @Test
  void readPem_emptyFile_isKeyError(@TempDir Path directory) throws Exception {
    Path file = Files.createFile(directory.resolve("empty.pem"));

    ESealException e = assertThrows(ESealException.class, () -> TrustAnchors.readPem(file));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
    assertTrue(e.getMessage().contains("no -----BEGIN CERTIFICATE-----"), e.getMessage());
  }

  @Test
  void readPem_garbledBody_isKeyError(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("garbled.pem");
    Files.writeString(
        file,
        "-----BEGIN CERTIFICATE-----\nAAAA!!notbase64\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);

    ESealException e = assertThrows(ESealException.class, () -> TrustAnchors.readPem(file));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
    assertTrue(e.getMessage().contains("garbled"), e.getMessage());
  }

  @Test
  void readPem_validBase64ButNotACertificate_isKeyError(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("junk.pem");
    Files.writeString(
        file,
        "-----BEGIN CERTIFICATE-----\nAQIDBAUG\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);

    ESealException e = assertThrows(ESealException.class, () -> TrustAnchors.readPem(file));

    assertEquals(ErrorCode.KEY_ERROR, e.code());
  }
}

package org.eseal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.Organization;
import org.eseal.core.Seal;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.eseal.core.SealStatus;
import org.eseal.core.UnifiedSocialCreditCode;
import org.eseal.core.ses.SesSeal;
import org.eseal.core.sign.SignatureAlgorithm;
import org.eseal.core.sign.SoftwareSigner;
import org.eseal.core.trust.ChainValidation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SandboxTest {
  private static final String NAME = "杭州示例科技有限公司";
  private static final String CODE = code("91330106MA2CFXY5T");
  private static final char[] PASSWORD = "pw".toCharArray();

  private final Sandbox sandbox = Sandbox.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private static String code(String prefix17) {
    return prefix17 + UnifiedSocialCreditCode.checkCharacter(prefix17);
  }

  private static SealImage image() {
    BufferedImage picture = new BufferedImage(24, 24, BufferedImage.TYPE_INT_ARGB);
    picture.setRGB(12, 12, 0xffff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return SealImage.ofPng(out.toByteArray(), 42, 42);
  }

  @Test
  void registerCompany_validCode_issuesLicenceAndOfficialSeal() {
    Registration registration = sandbox.registerCompany(NAME, CODE, image());

    assertEquals(Organization.of(NAME, CODE), registration.organization());
    Seal seal = registration.officialSeal().seal();
    assertEquals(SealKind.OFFICIAL, seal.kind());
    assertEquals(SealStatus.ACTIVE, seal.status());
    assertTrue(seal.id().matches("3301060000\\d{3}"), seal.id());
    registration.licence().verify(sandbox.sealMakerCertificate());
    assertEquals(Optional.of(seal), sandbox.findSeal(seal.id()));
  }

  @Test
  void registerCompany_badCheckCharacter_namesCharacter18() {
    String bad = CODE.substring(0, 17) + (CODE.charAt(17) == '0' ? '1' : '0');

    ESealException e =
        assertThrows(ESealException.class, () -> sandbox.registerCompany(NAME, bad, image()));

    assertEquals(ErrorCode.INVALID_CREDIT_CODE, e.code());
    assertTrue(e.getMessage().contains("character 18"), e.getMessage());
  }

  @Test
  void registerCompany_twice_isAlreadyRegistered() {
    sandbox.registerCompany(NAME, CODE, image());

    ESealException e =
        assertThrows(ESealException.class, () -> sandbox.registerCompany(NAME, CODE, image()));

    assertEquals(ErrorCode.ALREADY_REGISTERED, e.code());
  }

  @Test
  void issuedCertificate_chainsToTrustAnchors() {
    Seal seal = sandbox.registerCompany(NAME, CODE, image()).officialSeal().seal();

    ChainValidation result =
        sandbox.trustAnchors().validate(seal.certificateChain(), Instant.now());

    assertTrue(result.trusted(), result.problem().orElse(""));
    assertEquals(3, result.path().size());
  }

  @Test
  void issuedCertificate_carriesCompanyIdentityAndUsage() {
    X509Certificate certificate =
        sandbox.registerCompany(NAME, CODE, image()).officialSeal().seal().certificate();

    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    assertEquals("CN", value(subject, BCStyle.C));
    assertEquals(NAME, value(subject, BCStyle.CN));
    assertEquals(NAME, value(subject, BCStyle.O));
    assertEquals(CODE, value(subject, BCStyle.SERIALNUMBER));
    boolean[] usage = certificate.getKeyUsage();
    assertTrue(usage[0] && usage[1], "digitalSignature and nonRepudiation");
    assertEquals(-1, certificate.getBasicConstraints());
  }

  private static String value(X500Name name, ASN1ObjectIdentifier type) {
    return IETFUtils.valueToString(name.getRDNs(type)[0].getFirst().getValue());
  }

  @Test
  void sealStructure_verifiesAndNamesTheSealCertificate() {
    Seal seal = sandbox.registerCompany(NAME, CODE, image()).officialSeal().seal();
    SesSeal structure = SesSeal.decode(seal.structure().encoded());

    structure.verify();
    assertEquals(List.of(seal.certificate()), structure.holderCertificates());
    assertEquals(seal.id(), structure.esId());
    assertEquals(sandbox.sealMakerCertificate(), structure.makerCertificate());
    assertEquals(Optional.of(SealKind.OFFICIAL), structure.kind());
    ChainValidation maker =
        sandbox.trustAnchors().validate(sandbox.sealMakerChain(), Instant.now());
    assertTrue(maker.trusted(), maker.problem().orElse(""));
  }

  @ParameterizedTest
  @EnumSource(
      value = SignatureAlgorithm.class,
      names = {"ECDSA_P256_SHA256", "RSA_SHA256", "SM2_SM3"})
  void issueSeal_eachAlgorithm_givesUsableKeyWithTrustedChain(SignatureAlgorithm algorithm) {
    Organization company = sandbox.registerCompany(NAME, CODE, image()).organization();

    IssuedSeal issued = sandbox.issueSeal(company, SealKind.CONTRACT, image(), algorithm);

    assertEquals(algorithm, issued.signer().algorithm());
    ChainValidation result =
        sandbox.trustAnchors().validate(issued.seal().certificateChain(), Instant.now());
    assertTrue(result.trusted(), result.problem().orElse(""));
    SoftwareSigner reread = SoftwareSigner.fromPkcs12(issued.toPkcs12(PASSWORD), PASSWORD);
    assertEquals(issued.seal().certificate(), reread.certificateChain().get(0));
  }

  @Test
  void issueSeal_unregisteredCompany_isNotRegistered() {
    Organization stranger = Organization.of("未登记公司", code("91110000MA00ABCDE"));

    ESealException e =
        assertThrows(
            ESealException.class, () -> sandbox.issueSeal(stranger, SealKind.FINANCE, image()));

    assertEquals(ErrorCode.NOT_REGISTERED, e.code());
    assertTrue(e.getMessage().contains("not registered"), e.getMessage());
  }

  @Test
  void issueSeal_twice_givesDistinctSequentialIds() {
    Organization company = sandbox.registerCompany(NAME, CODE, image()).organization();

    String first = sandbox.issueSeal(company, SealKind.FINANCE, image()).seal().id();
    String second = sandbox.issueSeal(company, SealKind.INVOICE, image()).seal().id();

    assertNotEquals(first, second);
    assertEquals(Long.parseLong(first) + 1, Long.parseLong(second));
  }

  @Test
  void setStatus_suspend_isVisibleInFindSeal() {
    Seal seal = sandbox.registerCompany(NAME, CODE, image()).officialSeal().seal();

    sandbox.setStatus(seal.id(), SealStatus.SUSPENDED);

    assertEquals(SealStatus.SUSPENDED, sandbox.findSeal(seal.id()).orElseThrow().status());
  }

  @Test
  void setStatus_unknownSeal_isUnknownSeal() {
    ESealException e =
        assertThrows(
            ESealException.class, () -> sandbox.setStatus("0000000000000", SealStatus.REVOKED));

    assertEquals(ErrorCode.UNKNOWN_SEAL, e.code());
  }

  @Test
  void licence_tampered_failsVerification() {
    ELicence licence = sandbox.registerCompany(NAME, CODE, image()).licence();
    ELicence forged =
        new ELicence(
            Organization.of("冒名公司", CODE),
            licence.licenceNumber(),
            licence.issuedAt(),
            licence.algorithm(),
            licence.signature());

    ESealException e =
        assertThrows(ESealException.class, () -> forged.verify(sandbox.sealMakerCertificate()));

    assertEquals(ErrorCode.INVALID_LICENCE, e.code());
  }

  @Test
  void restart_sameDataDirectory_keepsRootAndSequence(@TempDir Path directory) {
    X509Certificate root;
    String firstId;
    try (Sandbox first = Sandbox.builder().dataDirectory(directory).build()) {
      root = first.trustAnchors().certificates().get(0);
      firstId = first.registerCompany(NAME, CODE, image()).officialSeal().seal().id();
    }

    try (Sandbox second = Sandbox.builder().dataDirectory(directory).build()) {
      assertEquals(root, second.trustAnchors().certificates().get(0));
      String secondId = second.registerCompany(NAME, CODE, image()).officialSeal().seal().id();
      assertTrue(Long.parseLong(secondId) > Long.parseLong(firstId), secondId);
      Seal seal = second.findSeal(secondId).orElseThrow();
      assertTrue(second.trustAnchors().validate(seal.certificateChain(), Instant.now()).trusted());
    }
  }

  @Test
  void clock_fixed_datesEverything() {
    Instant at = Instant.parse("2027-05-01T02:03:04Z");
    try (Sandbox fixed = Sandbox.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build()) {
      Registration registration = fixed.registerCompany(NAME, CODE, image());

      assertEquals(at, registration.licence().issuedAt());
      assertEquals(at, registration.officialSeal().seal().validity().notBefore());
      assertEquals(at, registration.officialSeal().seal().structure().createdAt());
      assertTrue(
          fixed
              .trustAnchors()
              .validate(registration.officialSeal().seal().certificateChain(), at)
              .trusted());
    }
  }

  @Test
  void close_thenRegister_isIllegalState() {
    sandbox.close();

    assertThrows(IllegalStateException.class, () -> sandbox.registerCompany(NAME, CODE, image()));
  }
}

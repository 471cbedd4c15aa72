package org.eseal.core.ses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.eseal.core.TestPki;
import org.eseal.core.Validity;
import org.eseal.core.sign.Keys;
import org.eseal.core.sign.SignatureAlgorithm;
import org.eseal.core.sign.SoftwareSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SesSealTest {
  private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");
  private static final Validity VALIDITY =
      new Validity(CREATED, Instant.parse("2028-03-01T08:00:00Z"));

  private static SoftwareSigner signer(SignatureAlgorithm algorithm, String name) {
    KeyPair keys = Keys.generate(algorithm);
    X509Certificate certificate = TestPki.selfSigned(name, keys, algorithm);
    return SoftwareSigner.of(keys.getPrivate(), List.of(certificate));
  }

  private static SesSeal seal(SoftwareSigner maker, SealImage picture) {
    SoftwareSigner holder = signer(SignatureAlgorithm.ECDSA_P256_SHA256, "holder");
    return SesSeal.builder()
        .esId("3301060000001")
        .name("杭州示例科技有限公司公章")
        .kind(SealKind.CONTRACT)
        .picture(picture)
        .holderCertificates(holder.certificateChain())
        .validity(VALIDITY)
        .createdAt(CREATED)
        .sign(maker);
  }

  private static SesSeal seal() {
    return seal(signer(SignatureAlgorithm.ECDSA_P256_SHA256, "maker"), TestPki.sealImage());
  }

  @Test
  void decode_encoded_isByteIdenticalAndEqual() {
    SesSeal seal = seal();

    SesSeal decoded = SesSeal.decode(seal.encoded());

    assertArrayEquals(seal.encoded(), decoded.encoded());
    assertEquals(seal, decoded);
    assertEquals(seal.hashCode(), decoded.hashCode());
  }

  @Test
  void decode_encoded_keepsEveryField() {
    SoftwareSigner maker = signer(SignatureAlgorithm.ECDSA_P256_SHA256, "maker");
    SealImage picture = SealImage.ofPng(TestPki.png(16), 40.4, 30);

    SesSeal decoded = SesSeal.decode(seal(maker, picture).encoded());

    assertEquals("3301060000001", decoded.esId());
    assertEquals("杭州示例科技有限公司公章", decoded.name());
    assertEquals(Optional.of(SealKind.CONTRACT), decoded.kind());
    assertEquals(SesSeal.ORGANIZATION_SEAL_TYPE, decoded.type());
    assertEquals("eseal", decoded.vendorId());
    assertEquals(VALIDITY, decoded.validity());
    assertEquals(CREATED, decoded.createdAt());
    assertEquals(SealImage.ofPng(picture.png(), 40, 30), decoded.picture());
    assertEquals(1, decoded.holderCertificates().size());
    assertEquals(maker.certificateChain().get(0), decoded.makerCertificate());
    assertEquals(Optional.of(SignatureAlgorithm.ECDSA_P256_SHA256), decoded.signatureAlgorithm());
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void verify_eachMakerAlgorithm_passes(SignatureAlgorithm algorithm) {
    SesSeal seal = seal(signer(algorithm, "maker"), TestPki.sealImage());

    SesSeal.decode(seal.encoded()).verify();
    assertEquals(Optional.of(algorithm), seal.signatureAlgorithm());
  }

  @Test
  void verify_flippedPictureByte_failsWithInvalidSeal() {
    SesSeal seal = seal();
    byte[] der = seal.encoded();
    byte[] png = seal.picture().png();
    int at = indexOf(der, png) + png.length - 5;
    der[at] ^= 0x01;
    SesSeal tampered = SesSeal.decode(der);

    ESealException e = assertThrows(ESealException.class, tampered::verify);

    assertEquals(ErrorCode.INVALID_SEAL, e.code());
    assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
  }

  @Test
  void decode_truncated_isInvalidSeal() {
    byte[] der = seal().encoded();

    ESealException e =
        assertThrows(
            ESealException.class, () -> SesSeal.decode(Arrays.copyOf(der, der.length - 10)));

    assertEquals(ErrorCode.INVALID_SEAL, e.code());
  }

  @Test
  void decode_trailingBytes_isInvalidSeal() {
    byte[] der = seal().encoded();

    ESealException e =
        assertThrows(
            ESealException.class, () -> SesSeal.decode(Arrays.copyOf(der, der.length + 1)));

    assertEquals(ErrorCode.INVALID_SEAL, e.code());
  }

  @Test
  void decode_wrongHeader_namesTheField() {
    byte[] der = seal().encoded();
    int at = indexOf(der, new byte[] {0x16, 0x02, 'E', 'S'});
    der[at + 2] = 'X';

    ESealException e = assertThrows(ESealException.class, () -> SesSeal.decode(der));

    assertEquals(ErrorCode.INVALID_SEAL, e.code());
    assertTrue(e.getMessage().contains("header.ID"), e.getMessage());
  }

  @Test
  void decode_notASequence_isInvalidSeal() {
    ESealException e =
        assertThrows(ESealException.class, () -> SesSeal.decode(new byte[] {0x02, 0x01, 0x05}));

    assertEquals(ErrorCode.INVALID_SEAL, e.code());
    assertTrue(e.getMessage().contains("SES_Seal: expected a SEQUENCE"), e.getMessage());
  }

  @Test
  void typeOf_personalKinds_areType2() {
    assertEquals(SesSeal.PERSONAL_SEAL_TYPE, SesSeal.typeOf(SealKind.PERSONAL_SIGNATURE));
    assertEquals(SesSeal.PERSONAL_SEAL_TYPE, SesSeal.typeOf(SealKind.LEGAL_REPRESENTATIVE));
    assertEquals(SesSeal.ORGANIZATION_SEAL_TYPE, SesSeal.typeOf(SealKind.OFFICIAL));
  }

  @Test
  void sign_missingField_isIllegalState() {
    SesSeal.Builder builder = SesSeal.builder().esId("1").name("n");
    SoftwareSigner maker = signer(SignatureAlgorithm.ECDSA_P256_SHA256, "maker");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.sign(maker));

    assertTrue(e.getMessage().contains("kind"), e.getMessage());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}

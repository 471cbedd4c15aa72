package org.eseal.core.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class NoteTest {
  private static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "signed-note-example.note",
        "checkpoint-example.note",
        "cosignature-example.note",
        "witness-example.note",
        "go-note-example.note"
      })
  void parse_specExample_reserializesByteIdentically(String file) {
    byte[] bytes = TestData.bytes(file);
    Note note = Note.parse(bytes);
    assertArrayEquals(bytes, note.toBytes());
    assertEquals(note, Note.parse(note.format()));
  }

  @Test
  void parse_signedNoteExample_splitsAtLastBlankLine() {
    Note note = Note.parse(TestData.bytes("signed-note-example.note"));
    assertTrue(note.text().endsWith("\n\ned è subito sera.\n"));
    assertEquals(1, note.signatures().size());
    assertEquals("quasimodo.example/salvatore", note.signatures().get(0).keyName());
  }

  @Test
  void verify_goExample_acceptsWithItsVerifierKey() {
    VerifierKey key = VerifierKey.parse(TestData.text("go-note-example.vkey"));
    assertEquals("PeterNeumann", key.name());
    assertEquals(0xc74f20a3, key.keyId());
    assertEquals(KeyType.ED25519, key.type());
    Note note = Note.parse(TestData.bytes("go-note-example.note"));
    VerifiedNote verified = note.verify(List.of(key));
    assertEquals(GO_TEXT, verified.text());
    assertTrue(verified.signedBy(key));
  }

  @Test
  void sign_goExampleSignerKey_reproducesTheExampleNote() {
    SignerKey signer = SignerKey.parse(TestData.text("go-note-example.skey"));
    assertEquals(TestData.text("go-note-example.vkey"), signer.verifierKey().encoded());
    assertEquals(TestData.text("go-note-example.skey"), signer.encodedPrivateKey());
    assertEquals(TestData.text("go-note-example.note"), Note.sign(GO_TEXT, signer).format());
    assertFalse(signer.toString().contains("PRIVATE"));
  }

  @Test
  void parse_cosignatureExample_carriesTheSpecTimestamp() {
    Note note = Note.parse(TestData.bytes("cosignature-example.note"));
    NoteSignature cosignature = note.signatures().get(1);
    byte[] raw = Base64.getDecoder().decode(cosignature.base64());
    assertEquals(4 + 8 + 64, raw.length);
    long time = 0;
    for (int i = 4; i < 12; i++) {
      time = (time << 8) | (raw[i] & 0xff);
    }
    assertEquals(1679315147L, time);
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    assertEquals("example.com/behind-the-sofa", checkpoint.origin());
    assertEquals(20852163L, checkpoint.size());
    assertEquals("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", checkpoint.rootHash().base64());
    assertEquals(note.text(), checkpoint.text());
  }

  @Test
  void verify_unknownSigner_isIgnored() {
    SignerKey a = SignerKey.generate(KeyType.ED25519, "a.example");
    SignerKey b = SignerKey.generate(KeyType.ED25519, "b.example");
    Note note = Note.sign("hello\n", a, b);
    VerifiedNote verified = note.verify(List.of(a.verifierKey()));
    assertEquals(1, verified.signatures().size());
    assertFalse(verified.signedBy(b.verifierKey()));
  }

  @Test
  void verify_sameNameOtherKey_isIgnoredAndUntrusted() {
    SignerKey a = SignerKey.generate(KeyType.ED25519, "a.example");
    SignerKey impostor = SignerKey.generate(KeyType.ED25519, "a.example");
    Note note = Note.sign("hello\n", impostor);
    assertCode(ErrorCode.UNTRUSTED_NOTE, () -> note.verify(List.of(a.verifierKey())));
  }

  @Test
  void verify_knownSignerBadSignature_rejectsWholeNote() {
    SignerKey a = SignerKey.generate(KeyType.ED25519, "a.example");
    SignerKey b = SignerKey.generate(KeyType.ED25519, "b.example");
    NoteSignature forged = a.sign("other text\n");
    Note note = new Note("hello\n", List.of(b.sign("hello\n"), forged));
    assertCode(
        ErrorCode.INVALID_NOTE_SIGNATURE,
        () -> note.verify(List.of(a.verifierKey(), b.verifierKey())));
  }

  @Test
  void verify_cosignature_reportsItsTime() {
    SignerKey witness = SignerKey.generate(KeyType.COSIGNATURE_V1, "w.example");
    Instant time = Instant.ofEpochSecond(1_700_000_000L);
    Note note =
        new Note(
            "log\n1\n" + Hash.of(new byte[32]).base64() + "\n",
            List.of(witness.sign("log\n1\n" + Hash.of(new byte[32]).base64() + "\n", time)));
    VerifiedNote verified = note.verify(List.of(witness.verifierKey()));
    assertEquals(time, verified.signatures().get(0).timestamp().orElseThrow());
  }

  @Test
  void verifierKey_roundTripsAllTypes() {
    for (KeyType type : KeyType.values()) {
      SignerKey signer = SignerKey.generate(type, "k.example/" + type);
      VerifierKey parsed = VerifierKey.parse(signer.verifierKey().encoded());
      assertEquals(signer.verifierKey(), parsed);
      SignerKey reparsed = SignerKey.parse(signer.encodedPrivateKey());
      assertEquals(signer.verifierKey(), reparsed.verifierKey());
    }
  }

  @Test
  void verifierKey_wrongKeyId_isMalformed() {
    String vkey = TestData.text("go-note-example.vkey").replace("c74f20a3", "c74f20a4");
    assertCode(ErrorCode.MALFORMED_NOTE, () -> VerifierKey.parse(vkey));
    assertCode(ErrorCode.MALFORMED_NOTE, () -> VerifierKey.parse("PeterNeumann+c74f20a3"));
    assertCode(ErrorCode.MALFORMED_NOTE, () -> SignerKey.parse("PRIVATE+KEY+x+00000000+AA=="));
  }

  @Test
  void parse_malformedNotes_areRejected() {
    String sig = Note.parse(TestData.bytes("go-note-example.note")).signatures().get(0).base64();
    List<String> bad = new ArrayList<>();
    bad.add(GO_TEXT + "— PeterNeumann " + sig + "\n");
    bad.add(GO_TEXT + "\n— PeterNeumann " + sig);
    bad.add(GO_TEXT + "\n- PeterNeumann " + sig + "\n");
    bad.add(GO_TEXT + "\n—  PeterNeumann " + sig + "\n");
    bad.add(GO_TEXT + "\n— Peter+Neumann " + sig + "\n");
    bad.add(GO_TEXT + "\n— PeterNeumann " + sig.replace("=", "") + "\n");
    bad.add(GO_TEXT + "\n— PeterNeumann AAAA\n");
    bad.add(GO_TEXT + "\n— PeterNeumann " + sig + "\n\n");
    bad.add("tab\there\n\n— PeterNeumann " + sig + "\n");
    bad.add("cr\r\n\n— PeterNeumann " + sig + "\n");
    bad.add(GO_TEXT + "\n");
    bad.add("\n— PeterNeumann " + sig + "\n");
    bad.add(GO_TEXT + "\n" + ("— PeterNeumann " + sig + "\n").repeat(Note.MAX_SIGNATURES + 1));
    for (String note : bad) {
      assertCode(ErrorCode.MALFORMED_NOTE, () -> Note.parse(note));
    }
    byte[] notUtf8 = TestData.bytes("go-note-example.note");
    notUtf8[3] = (byte) 0xff;
    assertCode(ErrorCode.MALFORMED_NOTE, () -> Note.parse(notUtf8));
    assertCode(ErrorCode.MALFORMED_NOTE, () -> Note.parse(new byte[Note.MAX_SIZE + 1]));
  }

  @Test
  void parse_sixteenSignatures_isAccepted() {
    List<SignerKey> keys = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      keys.add(SignerKey.generate(KeyType.ED25519, "k" + i));
    }
    Note note = Note.sign("many\n", keys.toArray(SignerKey[]::new));
    Note parsed = Note.parse(note.format().getBytes(StandardCharsets.UTF_8));
    assertEquals(
        16, parsed.verify(keys.stream().map(SignerKey::verifierKey).toList()).signatures().size());
  }

  @Test
  void sm2Note_signsAndVerifies() {
    SignerKey sm2 = SignerKey.generate(KeyType.SM2_SM3, "sm2.example/log");
    byte[] keyData = Base64.getDecoder().decode(sm2.verifierKey().encoded().split("\\+", 3)[2]);
    assertEquals((byte) 0xff, keyData[0]);
    assertEquals("eseal.org/sm2-sm3\n", new String(keyData, 1, 18, StandardCharsets.US_ASCII));
    assertEquals(1 + 18 + 65, keyData.length);
    Note note = Note.sign("sm2 note\n", sm2);
    assertEquals(4 + 64, Base64.getDecoder().decode(note.signatures().get(0).base64()).length);
    VerifierKey parsed = VerifierKey.parse(sm2.verifierKey().encoded());
    assertTrue(Note.parse(note.format()).verify(List.of(parsed)).signedBy(parsed));
    Note tampered = new Note("sm2 note!\n", note.signatures());
    assertCode(ErrorCode.INVALID_NOTE_SIGNATURE, () -> tampered.verify(List.of(parsed)));
  }

  @Test
  void verifierKey_ofJdkEd25519Key_verifiesItsSignatures() throws Exception {
    java.security.KeyPair pair =
        java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    VerifierKey key = VerifierKey.of(KeyType.ED25519, "jdk.example", pair.getPublic());
    java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update("jdk\n".getBytes(StandardCharsets.UTF_8));
    NoteSignature line = NoteSignature.of(key.name(), key.keyId(), signer.sign());
    assertTrue(new Note("jdk\n", List.of(line)).verify(List.of(key)).signedBy(key));
    assertThrows(
        IllegalArgumentException.class,
        () -> VerifierKey.of(KeyType.SM2_SM3, "jdk.example", pair.getPublic()));
  }

  static void assertCode(ErrorCode code, Runnable action) {
    ESealException e = assertThrows(ESealException.class, action::run);
    assertEquals(code, e.code(), e.getMessage());
  }
}

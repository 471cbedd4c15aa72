package org.eseal.core.tlog;

import static org.eseal.core.tlog.NoteTest.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;

final class WitnessPolicyTest {
  private static final Instant TIME = Instant.ofEpochSecond(1_767_225_600L);
  private static final String ORIGIN = "ledger.eseal.example/log";

  private final SignerKey log = SignerKey.generate(KeyType.ED25519, ORIGIN);
  private final List<SignerKey> witnesses =
      List.of(
          SignerKey.generate(KeyType.COSIGNATURE_V1, "w1.example"),
          SignerKey.generate(KeyType.COSIGNATURE_V1, "w2.example"),
          SignerKey.generate(KeyType.COSIGNATURE_V1, "w3.example"));

  private WitnessPolicy twoOfThree() {
    return WitnessPolicy.parse(
        "# test policy\n"
            + "log "
            + log.verifierKey().encoded()
            + " https://ledger.eseal.example/\n"
            + "\n"
            + "witness w1 "
            + witnesses.get(0).verifierKey().encoded()
            + "\n"
            + "  witness\tw2 "
            + witnesses.get(1).verifierKey().encoded()
            + "  \n"
            + "witness w3 "
            + witnesses.get(2).verifierKey().encoded()
            + "\n"
            + "group three 2 w1 w2 w3\n"
            + "quorum three\n");
  }

  private Note checkpoint(int... cosigners) {
    Hash root = HashAlgorithm.SHA_256.leafHash("x".getBytes(StandardCharsets.UTF_8));
    Note note = Checkpoint.of(ORIGIN, 1, root).sign(log);
    for (int i : cosigners) {
      note = note.cosign(witnesses.get(i), TIME);
    }
    return note;
  }

  @Test
  void verify_twoOfThreeCosigned_passes() {
    VerifiedCheckpoint verified = twoOfThree().verify(checkpoint(0, 2));
    assertEquals(Set.of("w1", "w3"), verified.witnesses());
    assertEquals(log.verifierKey(), verified.logKey());
    assertEquals(1, verified.checkpoint().size());
  }

  @Test
  void verify_oneCosignature_failsQuorum() {
    assertCode(ErrorCode.QUORUM_NOT_MET, () -> twoOfThree().verify(checkpoint(1)));
  }

  @Test
  void verify_unknownWitnessCosignature_doesNotCount() {
    SignerKey stranger = SignerKey.generate(KeyType.COSIGNATURE_V1, "w4.example");
    Note note = checkpoint(0).cosign(stranger, TIME);
    assertCode(ErrorCode.QUORUM_NOT_MET, () -> twoOfThree().verify(note));
  }

  @Test
  void verify_anyFlippedBitOfTheNote_fails() {
    Note note = checkpoint(0, 1);
    byte[] bytes = note.toBytes();
    WitnessPolicy policy = twoOfThree();
    Set<ErrorCode> allowed =
        Set.of(
            ErrorCode.MALFORMED_NOTE,
            ErrorCode.MALFORMED_CHECKPOINT,
            ErrorCode.INVALID_NOTE_SIGNATURE,
            ErrorCode.UNTRUSTED_NOTE,
            ErrorCode.QUORUM_NOT_MET);
    int textEnd = note.text().getBytes(StandardCharsets.UTF_8).length;
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = bytes.clone();
        flipped[i] ^= (byte) (1 << bit);
        ESealException e =
            assertThrows(ESealException.class, () -> policy.verify(Note.parse(flipped)));
        assertTrue(allowed.contains(e.code()), "byte " + i + " bit " + bit + ": " + e);
        if (i < textEnd - 1 && e.code() == ErrorCode.UNTRUSTED_NOTE) {
          assertFalse(i >= ORIGIN.length(), "a changed body must fail its signature: " + e);
        }
      }
    }
  }

  @Test
  void verify_anyFlippedBitOfACosignature_failsWithSpecificError() {
    Note note = checkpoint(0, 1);
    NoteSignature cosignature = note.signatures().get(2);
    byte[] raw = Base64.getDecoder().decode(cosignature.base64());
    WitnessPolicy policy = twoOfThree();
    for (int i = 0; i < raw.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = raw.clone();
        flipped[i] ^= (byte) (1 << bit);
        List<NoteSignature> lines = new ArrayList<>(note.signatures().subList(0, 2));
        lines.add(
            new NoteSignature(cosignature.keyName(), Base64.getEncoder().encodeToString(flipped)));
        Note tampered = new Note(note.text(), lines);
        // A changed key ID makes the line unknown, so the quorum falls short; a changed
        // timestamp or signature makes a known witness's cosignature fail.
        ErrorCode expected = i < 4 ? ErrorCode.QUORUM_NOT_MET : ErrorCode.INVALID_NOTE_SIGNATURE;
        assertCode(expected, () -> policy.verify(tampered));
      }
    }
  }

  @Test
  void verify_otherOrigin_isUntrusted() {
    SignerKey other = SignerKey.generate(KeyType.ED25519, "other.example/log");
    Note note =
        Checkpoint.of("other.example/log", 0, HashAlgorithm.SHA_256.emptyRoot()).sign(other);
    assertCode(ErrorCode.UNTRUSTED_NOTE, () -> twoOfThree().verify(note));
  }

  @Test
  void isSatisfiedBy_nestedGroups_followSpecExample() {
    StringBuilder text = new StringBuilder("log " + log.verifierKey().encoded() + "\n");
    for (String name : List.of("X1", "X2", "X3", "Y1", "Y2", "Y3")) {
      SignerKey key = SignerKey.generate(KeyType.COSIGNATURE_V1, name + ".example");
      text.append("witness ").append(name).append(' ').append(key.verifierKey().encoded());
      text.append('\n');
    }
    text.append("group X-witnesses 2 X1 X2 X3\n")
        .append("group Y-witnesses any Y1 Y2 Y3\n")
        .append("group X-and-Y all X-witnesses Y-witnesses\n")
        .append("quorum X-and-Y\n");
    WitnessPolicy policy = WitnessPolicy.parse(text.toString());
    assertTrue(policy.isSatisfiedBy(Set.of("X1", "X3", "Y2")));
    assertFalse(policy.isSatisfiedBy(Set.of("X1", "Y1", "Y2", "Y3")));
    assertFalse(policy.isSatisfiedBy(Set.of("X1", "X2", "X3")));
    assertFalse(policy.isSatisfiedBy(Set.of("X-witnesses", "Y-witnesses")));
  }

  @Test
  void parse_quorumNone_needsNoCosignature() {
    WitnessPolicy policy =
        WitnessPolicy.parse("log " + log.verifierKey().encoded() + "\nquorum none\n");
    assertTrue(policy.isSatisfiedBy(Set.of()));
    assertEquals(Set.of(), policy.verify(checkpoint()).witnesses());
  }

  @Test
  void parse_brokenPolicies_areRejected() {
    String w1 = "witness w1 " + witnesses.get(0).verifierKey().encoded() + "\n";
    String w2 = "witness w2 " + witnesses.get(1).verifierKey().encoded() + "\n";
    List<String> bad =
        List.of(
            w1,
            w1 + "quorum w2\n",
            w1 + w1.replace("w1 ", "w9 ") + "quorum w1\n",
            w1 + w2 + "group g 3 w1 w2\nquorum g\n",
            w1 + w2 + "group g 0 w1 w2\nquorum g\n",
            w1 + w2 + "group g 1 w1 w1\nquorum g\n",
            w1 + "group g any none\nquorum g\n",
            w1 + "group g any w1\nquorum g\nquorum w1\n",
            "quorum g\n" + w1 + "group g any w1\n",
            w1 + "witnesses w2 x\nquorum w1\n",
            "witness none " + witnesses.get(0).verifierKey().encoded() + "\nquorum none\n",
            "log " + witnesses.get(0).verifierKey().encoded() + "\nquorum none\n",
            "witness w " + log.verifierKey().encoded() + "\nquorum w\n",
            w1 + "quorum w1\u0001\n");
    for (String policy : bad) {
      assertCode(ErrorCode.MALFORMED_POLICY, () -> WitnessPolicy.parse(policy));
    }
  }
}

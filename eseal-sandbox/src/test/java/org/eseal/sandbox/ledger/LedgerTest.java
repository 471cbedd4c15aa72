package org.eseal.sandbox.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.ledger.CheckpointMonitor;
import org.eseal.core.ledger.LedgerEvent;
import org.eseal.core.ledger.LedgerEventType;
import org.eseal.core.tlog.Checkpoint;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.KeyType;
import org.eseal.core.tlog.Note;
import org.eseal.core.tlog.NoteSignature;
import org.eseal.core.tlog.SignerKey;
import org.eseal.core.tlog.TlogProof;
import org.eseal.core.tlog.WitnessPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  private static final String ORIGIN = "sandbox.eseal.example/log";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

  private final SignerKey logKey = SignerKey.generate(KeyType.ED25519, ORIGIN);
  private final List<SignerKey> witnessKeys =
      List.of(
          SignerKey.generate(KeyType.COSIGNATURE_V1, "w1.sandbox.eseal.example"),
          SignerKey.generate(KeyType.COSIGNATURE_V1, "w2.sandbox.eseal.example"),
          SignerKey.generate(KeyType.COSIGNATURE_V1, "w3.sandbox.eseal.example"));
  private final WitnessPolicy policy = policy("group all 2 w1 w2 w3\nquorum all\n");
  private final List<Witness> witnesses = witnessKeys.stream().map(this::witness).toList();

  @TempDir Path dir;

  @Test
  void append_sameEntryTwice_returnsSameIndex() {
    Ledger ledger = ledger(witnesses, 0);
    long first = ledger.append("a".getBytes(UTF_8));
    long second = ledger.append("b".getBytes(UTF_8));
    assertEquals(0, first);
    assertEquals(1, second);
    assertEquals(0, ledger.append("a".getBytes(UTF_8)));
    ledger.integrate();
    assertEquals(1, ledger.append("b".getBytes(UTF_8)));
    assertEquals(2, ledger.size());
    assertArrayEquals("b".getBytes(UTF_8), ledger.entry(1));
  }

  @Test
  void proof_200SignedEvents_allVerifyOfflineAgainstTwoOfThree() throws Exception {
    KeyPair actor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Ledger ledger = ledger(witnesses, 64);
    List<LedgerEvent> events = new ArrayList<>();
    Optional<Hash> prev = Optional.empty();
    for (int i = 0; i < 200; i++) {
      LedgerEvent event =
          LedgerEvent.create(
                  i == 0 ? LedgerEventType.FLOW_CREATED : LedgerEventType.SEAL_APPLIED,
                  "vendor-1",
                  CLOCK.instant().plusSeconds(i),
                  Optional.of("flow-1"),
                  prev,
                  Map.of("seal", "seal-" + i))
              .sign(actor.getPrivate());
      prev = Optional.of(event.leafHash(HashAlgorithm.SHA_256));
      events.add(event);
      assertEquals(i, ledger.append(event.canonicalBytes()));
    }
    assertEquals(192, size(ledger.latestCheckpoint().orElseThrow()));
    ledger.integrate();
    assertEquals(200, size(ledger.latestCheckpoint().orElseThrow()));
    for (int i = 0; i < 200; i++) {
      TlogProof proof = TlogProof.parse(ledger.proof(i).format());
      LedgerEvent stored = LedgerEvent.parse(ledger.entry(i));
      stored.verifySignature(actor.getPublic());
      proof.verify(policy, HashAlgorithm.SHA_256, stored.leafHash(HashAlgorithm.SHA_256));
      assertEquals(
          events.get(i).leafHash(HashAlgorithm.SHA_256), stored.leafHash(HashAlgorithm.SHA_256));
    }
    LedgerEvent.verifyChain(events, HashAlgorithm.SHA_256);
  }

  @Test
  void proof_ecSignedSealEvent_verifies() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair actor = generator.generateKeyPair();
    Ledger ledger = ledger(witnesses, 0);
    LedgerEvent event =
        LedgerEvent.create(
                LedgerEventType.SEAL_APPLIED,
                "vendor-2",
                CLOCK.instant(),
                Optional.of("flow-2"),
                Optional.of(HashAlgorithm.SHA_256.leafHash(new byte[] {1})),
                Map.of())
            .sign(actor.getPrivate());
    long index = ledger.append(event.canonicalBytes());
    ledger.integrate();
    ledger
        .proof(index)
        .verify(policy, HashAlgorithm.SHA_256, event.leafHash(HashAlgorithm.SHA_256));
  }

  @Test
  void proof_sm3Tree_verifies() {
    List<Witness> sm3Witnesses =
        witnessKeys.stream()
            .map(k -> Witness.inMemory(k, HashAlgorithm.SM3, List.of(logKey.verifierKey()), CLOCK))
            .toList();
    Ledger.Builder builder = Ledger.builder(logKey, policy).algorithm(HashAlgorithm.SM3);
    for (int i = 0; i < sm3Witnesses.size(); i++) {
      builder.witness("w" + (i + 1), sm3Witnesses.get(i));
    }
    Ledger ledger = builder.build();
    for (int i = 0; i < 9; i++) {
      ledger.append(("entry " + i).getBytes(UTF_8));
    }
    ledger.integrate();
    ledger.append("entry 9".getBytes(UTF_8));
    ledger.integrate();
    Hash leaf = HashAlgorithm.SM3.leafHash("entry 7".getBytes(UTF_8));
    ledger.proof(7).verify(policy, HashAlgorithm.SM3, leaf);
    assertCode(
        ErrorCode.INVALID_MERKLE_PROOF,
        () -> ledger.proof(7).verify(policy, HashAlgorithm.SHA_256, leaf));
  }

  @Test
  void append_batchWithWitnessesDown_keepsEntriesPending() {
    boolean[] up = {true, false, false};
    Ledger ledger = ledger(switchable(up), 2);
    assertEquals(0, ledger.append("a".getBytes(UTF_8)));
    assertEquals(1, ledger.append("b".getBytes(UTF_8)));
    assertTrue(ledger.latestCheckpoint().isEmpty());
    up[2] = true;
    ledger.append("c".getBytes(UTF_8));
    assertEquals(3, size(ledger.latestCheckpoint().orElseThrow()));
  }

  @Test
  void integrate_oneWitnessReachable_publishesNothing() {
    WitnessEndpoint down =
        (oldSize, proof, checkpoint) -> {
          throw new ESealException(ErrorCode.IO_ERROR, "witness unreachable");
        };
    Ledger ledger = ledger(List.of(witnesses.get(0), down, down), 0);
    ledger.append("a".getBytes(UTF_8));
    ESealException e = assertThrows(ESealException.class, ledger::integrate);
    assertEquals(ErrorCode.QUORUM_NOT_MET, e.code());
    assertEquals(2, e.getSuppressed().length);
    assertTrue(ledger.latestCheckpoint().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> ledger.proof(0));
  }

  @Test
  void integrate_witnessesGoDown_previousCheckpointStaysPublished() {
    boolean[] up = {true, true, true};
    Ledger ledger = ledger(switchable(up), 0);
    ledger.append("a".getBytes(UTF_8));
    Note published = ledger.integrate();
    up[1] = false;
    up[2] = false;
    ledger.append("b".getBytes(UTF_8));
    ESealException e = assertThrows(ESealException.class, ledger::integrate);
    assertEquals(ErrorCode.QUORUM_NOT_MET, e.code());
    assertEquals(2, e.getSuppressed().length);
    assertEquals(published, ledger.latestCheckpoint().orElseThrow());
    assertEquals(published, ledger.proof(0).checkpoint());
    assertThrows(IllegalArgumentException.class, () -> ledger.proof(1));
    up[1] = true;
    Note next = ledger.integrate();
    assertEquals(2, size(next));
    assertEquals(Set.of("w1", "w2"), policy.verify(next).witnesses());
  }

  @Test
  void integrate_witnessLagsBehind_retriesFromItsStoredSize() {
    boolean[] up = {true, true, false};
    Ledger ledger = ledger(switchable(up), 0);
    ledger.append("a".getBytes(UTF_8));
    ledger.append("b".getBytes(UTF_8));
    Note first = ledger.integrate();
    WitnessRejection rejection =
        assertThrows(
            WitnessRejection.class, () -> witnesses.get(2).addCheckpoint(2, List.of(), first));
    assertEquals(409, rejection.status());
    assertEquals(0, rejection.storedSize().orElseThrow());
    up[2] = true;
    ledger.append("c".getBytes(UTF_8));
    Note next = ledger.integrate();
    assertEquals(Set.of("w1", "w2", "w3"), policy.verify(next).witnesses());
    assertEquals(3, witnesses.get(2).latest(ORIGIN).orElseThrow().size());
  }

  @Test
  void integrate_forkMode_witnessesRejectInconsistentTree() {
    Ledger ledger = ledger(witnesses, 0);
    ledger.append("a".getBytes(UTF_8));
    ledger.append("b".getBytes(UTF_8));
    Note honest = ledger.integrate();
    ledger.misbehave(Ledger.Misbehaviour.FORK);
    ledger.append("c".getBytes(UTF_8));
    ESealException e = assertThrows(ESealException.class, ledger::integrate);
    assertEquals(ErrorCode.QUORUM_NOT_MET, e.code());
    assertEquals(3, e.getSuppressed().length);
    for (Throwable failure : e.getSuppressed()) {
      WitnessRejection rejection = (WitnessRejection) failure;
      assertEquals(422, rejection.status());
      assertEquals(ErrorCode.SPLIT_VIEW, rejection.code());
    }
    ledger.misbehave(Ledger.Misbehaviour.NONE);
    assertEquals(honest, ledger.latestCheckpoint().orElseThrow());
    ledger.misbehave(Ledger.Misbehaviour.FORK);
    Note fork = ledger.latestCheckpoint().orElseThrow();
    assertEquals(2, size(fork));
    WitnessRejection sameSize =
        assertThrows(
            WitnessRejection.class, () -> witnesses.get(0).addCheckpoint(2, List.of(), fork));
    assertEquals(409, sameSize.status());
    assertEquals(2, sameSize.storedSize().orElseThrow());
  }

  @Test
  void monitor_forkedCheckpoint_splitView() {
    Ledger ledger = ledger(witnesses, 0);
    ledger.append("a".getBytes(UTF_8));
    ledger.append("b".getBytes(UTF_8));
    ledger.integrate();
    WitnessPolicy logOnly = policy("quorum none\n");
    CheckpointMonitor monitor =
        new CheckpointMonitor(dir.resolve("monitor"), logOnly, HashAlgorithm.SHA_256);
    monitor.accept(ledger.latestCheckpoint().orElseThrow(), List.of());
    ledger.misbehave(Ledger.Misbehaviour.FORK);
    Note fork = ledger.latestCheckpoint().orElseThrow();
    ESealException e = assertThrows(ESealException.class, () -> monitor.accept(fork, List.of()));
    assertEquals(ErrorCode.SPLIT_VIEW, e.code());
    // The strict policy never trusts the fork: no witness cosigned it.
    assertEquals(
        ErrorCode.QUORUM_NOT_MET,
        assertThrows(ESealException.class, () -> policy.verify(fork)).code());
  }

  @Test
  void monitor_rollback_splitView() {
    Ledger ledger = ledger(witnesses, 0);
    ledger.append("a".getBytes(UTF_8));
    ledger.integrate();
    ledger.append("b".getBytes(UTF_8));
    ledger.append("c".getBytes(UTF_8));
    ledger.integrate();
    CheckpointMonitor monitor =
        new CheckpointMonitor(dir.resolve("monitor"), policy, HashAlgorithm.SHA_256);
    monitor.accept(ledger.latestCheckpoint().orElseThrow(), List.of());
    ledger.misbehave(Ledger.Misbehaviour.ROLLBACK);
    Note older = ledger.latestCheckpoint().orElseThrow();
    assertEquals(1, size(older));
    policy.verify(older);
    ESealException e = assertThrows(ESealException.class, () -> monitor.accept(older, List.of()));
    assertEquals(ErrorCode.SPLIT_VIEW, e.code());
    ledger.misbehave(Ledger.Misbehaviour.NONE);
    assertEquals(3, size(ledger.latestCheckpoint().orElseThrow()));
  }

  @Test
  void monitor_honestGrowth_acceptsWithConsistencyProof() {
    Ledger ledger = ledger(witnesses, 0);
    ledger.append("a".getBytes(UTF_8));
    ledger.append("b".getBytes(UTF_8));
    ledger.append("c".getBytes(UTF_8));
    ledger.integrate();
    CheckpointMonitor monitor =
        new CheckpointMonitor(dir.resolve("monitor"), policy, HashAlgorithm.SHA_256);
    monitor.accept(ledger.latestCheckpoint().orElseThrow(), List.of());
    for (int i = 0; i < 5; i++) {
      ledger.append(("d" + i).getBytes(UTF_8));
    }
    ledger.integrate();
    monitor.accept(ledger.latestCheckpoint().orElseThrow(), ledger.consistencyProof(3, 8));
    assertEquals(8, monitor.latest().orElseThrow().size());
  }

  @Test
  void verify_flippedBit_fails() {
    Ledger ledger = ledger(witnesses, 0);
    for (int i = 0; i < 10; i++) {
      ledger.append(("entry " + i).getBytes(UTF_8));
    }
    ledger.integrate();
    Hash leaf = HashAlgorithm.SHA_256.leafHash("entry 3".getBytes(UTF_8));
    TlogProof proof = ledger.proof(3);
    proof.verify(policy, HashAlgorithm.SHA_256, leaf);

    List<Hash> path = new ArrayList<>(proof.inclusionProof());
    path.set(1, flip(path.get(1)));
    TlogProof badPath = TlogProof.of(Optional.empty(), 3, path, proof.checkpoint());
    assertCode(
        ErrorCode.INVALID_MERKLE_PROOF, () -> badPath.verify(policy, HashAlgorithm.SHA_256, leaf));

    Note note = proof.checkpoint();
    Checkpoint body = Checkpoint.parse(note.text());
    Checkpoint flipped = Checkpoint.of(body.origin(), body.size(), flip(body.rootHash()));
    Note badCheckpoint = new Note(flipped.text(), note.signatures());
    TlogProof badRoot = TlogProof.of(Optional.empty(), 3, proof.inclusionProof(), badCheckpoint);
    assertCode(
        ErrorCode.INVALID_NOTE_SIGNATURE,
        () -> badRoot.verify(policy, HashAlgorithm.SHA_256, leaf));

    List<NoteSignature> signatures = new ArrayList<>(note.signatures());
    NoteSignature cosignature = signatures.get(2);
    byte[] raw = Base64.getDecoder().decode(cosignature.base64());
    raw[raw.length - 1] ^= 1;
    signatures.set(
        2, new NoteSignature(cosignature.keyName(), Base64.getEncoder().encodeToString(raw)));
    TlogProof badCosignature =
        TlogProof.of(
            Optional.empty(), 3, proof.inclusionProof(), new Note(note.text(), signatures));
    assertCode(
        ErrorCode.INVALID_NOTE_SIGNATURE,
        () -> badCosignature.verify(policy, HashAlgorithm.SHA_256, leaf));

    assertCode(
        ErrorCode.INVALID_MERKLE_PROOF,
        () -> proof.verify(policy, HashAlgorithm.SHA_256, flip(leaf)));
  }

  @Test
  void inclusionProof_beyondPublishedSize_rejected() {
    Ledger ledger = ledger(witnesses, 0);
    ledger.append("a".getBytes(UTF_8));
    ledger.append("b".getBytes(UTF_8));
    ledger.integrate();
    ledger.append("c".getBytes(UTF_8));
    assertEquals(1, ledger.inclusionProof(0, 2).size());
    assertThrows(IllegalArgumentException.class, () -> ledger.inclusionProof(2, 3));
    assertThrows(IllegalArgumentException.class, () -> ledger.consistencyProof(1, 3));
    assertThrows(IllegalArgumentException.class, () -> ledger.entry(3));
  }

  @Test
  void build_savedDirectory_restoresEntriesAndCheckpoint() throws Exception {
    Path saved = dir.resolve("ledger");
    Ledger ledger = persistent(saved);
    for (int i = 0; i < 5; i++) {
      ledger.append(("entry " + i).getBytes(UTF_8));
    }
    Note published = ledger.integrate();
    ledger.append("pending".getBytes(UTF_8));
    Files.write(saved.resolve("entries"), new byte[] {0, 0, 0, 9, 1, 2}, StandardOpenOption.APPEND);

    Ledger reopened = persistent(saved);
    assertEquals(6, reopened.size());
    assertEquals(published, reopened.latestCheckpoint().orElseThrow());
    assertEquals(2, reopened.append("entry 2".getBytes(UTF_8)));
    assertEquals(5, reopened.append("pending".getBytes(UTF_8)));
    reopened
        .proof(4)
        .verify(
            policy,
            HashAlgorithm.SHA_256,
            HashAlgorithm.SHA_256.leafHash("entry 4".getBytes(UTF_8)));
    assertEquals(6, size(reopened.integrate()));
    assertEquals(7, reopened.append("more".getBytes(UTF_8)) + 1);
    assertEquals(7, persistent(saved).size());
  }

  @Test
  void build_checkpointOverOtherEntries_splitView() throws Exception {
    Path saved = dir.resolve("ledger");
    Ledger ledger = persistent(saved);
    ledger.append("a".getBytes(UTF_8));
    ledger.append("b".getBytes(UTF_8));
    ledger.integrate();
    // The same two-entry size, but the second entry rewritten.
    Files.write(saved.resolve("entries"), new byte[] {0, 0, 0, 1, 'a', 0, 0, 0, 1, 'c'});
    assertEquals(
        ErrorCode.SPLIT_VIEW, assertThrows(ESealException.class, () -> persistent(saved)).code());
  }

  private Ledger persistent(Path saved) {
    Ledger.Builder builder = Ledger.builder(logKey, policy).directory(saved);
    for (int i = 0; i < witnesses.size(); i++) {
      builder.witness("w" + (i + 1), witnesses.get(i));
    }
    return builder.build();
  }

  private Ledger ledger(List<? extends WitnessEndpoint> endpoints, int batchSize) {
    Ledger.Builder builder = Ledger.builder(logKey, policy).batchSize(batchSize);
    for (int i = 0; i < endpoints.size(); i++) {
      builder.witness("w" + (i + 1), endpoints.get(i));
    }
    return builder.build();
  }

  private List<WitnessEndpoint> switchable(boolean[] up) {
    List<WitnessEndpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < up.length; i++) {
      int n = i;
      endpoints.add(
          (oldSize, proof, checkpoint) -> {
            if (!up[n]) {
              throw new ESealException(ErrorCode.IO_ERROR, "witness " + n + " unreachable");
            }
            return witnesses.get(n).addCheckpoint(oldSize, proof, checkpoint);
          });
    }
    return endpoints;
  }

  private Witness witness(SignerKey key) {
    return Witness.inMemory(key, HashAlgorithm.SHA_256, List.of(logKey.verifierKey()), CLOCK);
  }

  private WitnessPolicy policy(String rest) {
    StringBuilder text = new StringBuilder("log " + logKey.verifierKey().encoded() + "\n");
    for (int i = 0; i < witnessKeys.size(); i++) {
      text.append("witness w").append(i + 1).append(' ');
      text.append(witnessKeys.get(i).verifierKey().encoded()).append('\n');
    }
    return WitnessPolicy.parse(text + rest);
  }

  private static long size(Note checkpoint) {
    return Checkpoint.parse(checkpoint.text()).size();
  }

  private static Hash flip(Hash hash) {
    byte[] bytes = hash.bytes();
    bytes[0] ^= 1;
    return Hash.of(bytes);
  }

  private static void assertCode(ErrorCode code, Runnable action) {
    ESealException e = assertThrows(ESealException.class, action::run);
    assertEquals(code, e.code(), e.getMessage());
  }
}

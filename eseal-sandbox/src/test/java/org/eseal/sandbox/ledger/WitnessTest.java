package org.eseal.sandbox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eseal.core.ErrorCode;
import org.eseal.core.tlog.Checkpoint;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.HashSource;
import org.eseal.core.tlog.KeyType;
import org.eseal.core.tlog.MerkleTree;
import org.eseal.core.tlog.Note;
import org.eseal.core.tlog.SignerKey;
import org.eseal.core.tlog.VerifierKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessTest {
  private static final String ORIGIN = "sandbox.eseal.example/log";
  private static final HashAlgorithm SHA_256 = HashAlgorithm.SHA_256;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

  private final SignerKey logKey = SignerKey.generate(KeyType.ED25519, ORIGIN);
  private final SignerKey witnessKey =
      SignerKey.generate(KeyType.COSIGNATURE_V1, "w1.sandbox.eseal.example");
  private final List<Hash> leaves = new ArrayList<>();

  @TempDir Path dir;

  @Test
  void addCheckpoint_consistentGrowth_cosigns() {
    Witness witness = inMemory();
    Note first = checkpoint(3);
    Note cosigned = witness.addCheckpoint(0, List.of(), first);
    assertTrue(
        cosigned.verify(List.of(witnessKey.verifierKey())).signedBy(witnessKey.verifierKey()));
    Note second = checkpoint(7);
    witness.addCheckpoint(3, proof(3, 7), second);
    assertEquals(7, witness.latest(ORIGIN).orElseThrow().size());
    witness.addCheckpoint(7, List.of(), second);
  }

  @Test
  void addCheckpoint_unknownLog_403() {
    Witness witness = inMemory();
    SignerKey stranger = SignerKey.generate(KeyType.ED25519, ORIGIN);
    Note note = Checkpoint.of(ORIGIN, 1, root(1)).sign(stranger);
    assertEquals(403, reject(() -> witness.addCheckpoint(0, List.of(), note)).status());
    Note other = Checkpoint.of("other.example/log", 1, root(1)).sign(logKey);
    WitnessRejection e = reject(() -> witness.addCheckpoint(0, List.of(), other));
    assertEquals(403, e.status());
    assertEquals(ErrorCode.UNTRUSTED_NOTE, e.code());
  }

  @Test
  void addCheckpoint_wrongOldSize_409WithStoredSize() {
    Witness witness = inMemory();
    witness.addCheckpoint(0, List.of(), checkpoint(4));
    WitnessRejection e = reject(() -> witness.addCheckpoint(2, proof(2, 6), checkpoint(6)));
    assertEquals(409, e.status());
    assertEquals(4, e.storedSize().orElseThrow());
    assertEquals(ErrorCode.SPLIT_VIEW, e.code());
  }

  @Test
  void addCheckpoint_badProof_422() {
    Witness witness = inMemory();
    witness.addCheckpoint(0, List.of(), checkpoint(4));
    List<Hash> proof = new ArrayList<>(proof(4, 6));
    byte[] bytes = proof.get(0).bytes();
    bytes[5] ^= 0x10;
    proof.set(0, Hash.of(bytes));
    WitnessRejection e = reject(() -> witness.addCheckpoint(4, proof, checkpoint(6)));
    assertEquals(422, e.status());
    assertTrue(e.storedSize().isEmpty());
    assertEquals(4, witness.latest(ORIGIN).orElseThrow().size());
  }

  @Test
  void addCheckpoint_oldSizeAboveCheckpoint_400() {
    Witness witness = inMemory();
    assertEquals(400, reject(() -> witness.addCheckpoint(5, List.of(), checkpoint(2))).status());
  }

  @Test
  void open_reopened_keepsStoredCheckpoint() {
    Witness witness = persistent();
    witness.addCheckpoint(0, List.of(), checkpoint(5));
    Witness reopened = persistent();
    assertEquals(5, reopened.latest(ORIGIN).orElseThrow().size());
    assertEquals(409, reject(() -> reopened.addCheckpoint(0, List.of(), checkpoint(5))).status());
    reopened.addCheckpoint(5, proof(5, 9), checkpoint(9));
    assertEquals(9, persistent().latest(ORIGIN).orElseThrow().size());
  }

  @Test
  void inMemory_logKey_rejectedAsWitnessKey() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Witness.inMemory(logKey, SHA_256, List.of(logKey.verifierKey()), CLOCK));
  }

  private Witness inMemory() {
    return Witness.inMemory(witnessKey, SHA_256, logKeys(), CLOCK);
  }

  private Witness persistent() {
    return Witness.open(witnessKey, SHA_256, logKeys(), dir.resolve("witness"), CLOCK);
  }

  private List<VerifierKey> logKeys() {
    return List.of(logKey.verifierKey());
  }

  private Note checkpoint(int size) {
    return Checkpoint.of(ORIGIN, size, root(size)).sign(logKey);
  }

  private Hash root(int size) {
    return MerkleTree.root(source(size), size);
  }

  private List<Hash> proof(int first, int second) {
    return MerkleTree.consistencyProof(source(second), first, second);
  }

  private HashSource source(int size) {
    while (leaves.size() < size) {
      leaves.add(SHA_256.leafHash(new byte[] {(byte) leaves.size()}));
    }
    return HashSource.of(SHA_256, leaves.subList(0, size));
  }

  private static WitnessRejection reject(Runnable action) {
    return assertThrows(WitnessRejection.class, action::run);
  }
}

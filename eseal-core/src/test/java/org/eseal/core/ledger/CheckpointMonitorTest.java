package org.eseal.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.tlog.Checkpoint;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.HashSource;
import org.eseal.core.tlog.KeyType;
import org.eseal.core.tlog.MerkleTree;
import org.eseal.core.tlog.Note;
import org.eseal.core.tlog.SignerKey;
import org.eseal.core.tlog.WitnessPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckpointMonitorTest {
  private static final String ORIGIN = "ledger.eseal.example/log";

  private final SignerKey log = SignerKey.generate(KeyType.ED25519, ORIGIN);
  private final SignerKey witness = SignerKey.generate(KeyType.COSIGNATURE_V1, "w.example");
  private final WitnessPolicy policy =
      WitnessPolicy.parse(
          "log "
              + log.verifierKey().encoded()
              + "\nwitness w "
              + witness.verifierKey().encoded()
              + "\nquorum w\n");

  @TempDir Path dir;

  private static HashSource tree(String prefix, int size) {
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      byte[] entry = (prefix + i).getBytes(StandardCharsets.UTF_8);
      leaves.add(HashAlgorithm.SHA_256.leafHash(entry));
    }
    return HashSource.of(HashAlgorithm.SHA_256, leaves);
  }

  private Note checkpoint(HashSource source, long size) {
    return Checkpoint.of(ORIGIN, size, MerkleTree.root(source, size))
        .sign(log)
        .cosign(witness, Instant.ofEpochSecond(1_800_000_000L + size));
  }

  private static void assertSplitView(Runnable action) {
    ESealException e = assertThrows(ESealException.class, action::run);
    assertEquals(ErrorCode.SPLIT_VIEW, e.code(), e.getMessage());
  }

  @Test
  void accept_growingLog_remembersNewestAcrossRestarts() {
    HashSource source = tree("e", 20);
    Path file = dir.resolve("state/checkpoint");
    CheckpointMonitor monitor = new CheckpointMonitor(file, policy, HashAlgorithm.SHA_256);
    monitor.accept(checkpoint(source, 5), List.of());
    monitor.accept(checkpoint(source, 12), MerkleTree.consistencyProof(source, 5, 12));
    monitor.accept(checkpoint(source, 12), List.of());
    CheckpointMonitor reopened = new CheckpointMonitor(file, policy, HashAlgorithm.SHA_256);
    assertEquals(12, reopened.latest().orElseThrow().size());
    reopened.accept(checkpoint(source, 20), MerkleTree.consistencyProof(source, 12, 20));
    assertEquals(20, reopened.latest().orElseThrow().size());
  }

  @Test
  void accept_fork_isSplitView() {
    HashSource honest = tree("e", 10);
    HashSource forked = tree("f", 10);
    CheckpointMonitor monitor =
        new CheckpointMonitor(dir.resolve("cp"), policy, HashAlgorithm.SHA_256);
    monitor.accept(checkpoint(honest, 4), List.of());
    assertSplitView(
        () -> monitor.accept(checkpoint(forked, 9), MerkleTree.consistencyProof(forked, 4, 9)));
    assertSplitView(() -> monitor.accept(checkpoint(forked, 4), List.of()));
    assertEquals(4, monitor.latest().orElseThrow().size());
  }

  @Test
  void accept_rollback_isSplitView() {
    HashSource source = tree("e", 10);
    CheckpointMonitor monitor =
        new CheckpointMonitor(dir.resolve("cp"), policy, HashAlgorithm.SHA_256);
    monitor.accept(checkpoint(source, 8), List.of());
    assertSplitView(() -> monitor.accept(checkpoint(source, 7), List.of()));
  }

  @Test
  void accept_uncosignedCheckpoint_isRejectedBeforeComparing() {
    HashSource source = tree("e", 3);
    CheckpointMonitor monitor =
        new CheckpointMonitor(dir.resolve("cp"), policy, HashAlgorithm.SHA_256);
    Note unwitnessed = Checkpoint.of(ORIGIN, 3, MerkleTree.root(source, 3)).sign(log);
    ESealException e =
        assertThrows(ESealException.class, () -> monitor.accept(unwitnessed, List.of()));
    assertEquals(ErrorCode.QUORUM_NOT_MET, e.code());
    assertEquals(false, monitor.latest().isPresent());
  }
}

package org.eseal.core.tlog;

import static org.eseal.core.tlog.NoteTest.assertCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;

final class TlogProofTest {
  private static final String ORIGIN = "ledger.eseal.example/log";

  private final SignerKey log = SignerKey.generate(KeyType.ED25519, ORIGIN);
  private final SignerKey w1 = SignerKey.generate(KeyType.COSIGNATURE_V1, "w1.example");
  private final SignerKey w2 = SignerKey.generate(KeyType.COSIGNATURE_V1, "w2.example");
  private final List<byte[]> entries = new ArrayList<>();
  private final List<Hash> leaves = new ArrayList<>();

  private WitnessPolicy policy() {
    return WitnessPolicy.parse(
        "log "
            + log.verifierKey().encoded()
            + "\nwitness a "
            + w1.verifierKey().encoded()
            + "\nwitness b "
            + w2.verifierKey().encoded()
            + "\ngroup both all a b\nquorum both\n");
  }

  private TlogProof proofOf(int index, int size, Optional<byte[]> extra) {
    for (int i = leaves.size(); i < size; i++) {
      byte[] entry = ("event " + i).getBytes(StandardCharsets.UTF_8);
      entries.add(entry);
      leaves.add(HashAlgorithm.SHA_256.leafHash(entry));
    }
    HashSource source = HashSource.of(HashAlgorithm.SHA_256, leaves);
    Checkpoint checkpoint = Checkpoint.of(ORIGIN, size, MerkleTree.root(source, size));
    Note note =
        checkpoint
            .sign(log)
            .cosign(w1, Instant.ofEpochSecond(1_800_000_000L))
            .cosign(w2, Instant.ofEpochSecond(1_800_000_001L));
    return TlogProof.of(extra, index, MerkleTree.inclusionProof(source, index, size), note);
  }

  @Test
  void format_parse_roundTripsByteIdentically() {
    TlogProof proof = proofOf(7, 11, Optional.of(new byte[] {1, 2, 3}));
    String text = proof.format();
    assertTrue(text.startsWith("c2sp.org/tlog-proof@v1\nextra AQID\nindex 7\n"));
    TlogProof parsed = TlogProof.parse(text);
    assertEquals(text, parsed.format());
    assertArrayEquals(new byte[] {1, 2, 3}, parsed.extra().orElseThrow());
    assertEquals(7, parsed.index());
    assertEquals(proof.inclusionProof(), parsed.inclusionProof());
  }

  @Test
  void verify_includedEntry_passesPolicy() {
    TlogProof proof = TlogProof.parse(proofOf(3, 11, Optional.empty()).format());
    VerifiedCheckpoint verified =
        proof.verify(
            policy(), HashAlgorithm.SHA_256, HashAlgorithm.SHA_256.leafHash(entries.get(3)));
    assertEquals(Set.of("a", "b"), verified.witnesses());
    assertEquals(11, verified.checkpoint().size());
  }

  @Test
  void verify_otherEntry_failsInclusion() {
    TlogProof proof = proofOf(3, 11, Optional.empty());
    Hash other = HashAlgorithm.SHA_256.leafHash(entries.get(4));
    assertCode(
        ErrorCode.INVALID_MERKLE_PROOF, () -> proof.verify(policy(), HashAlgorithm.SHA_256, other));
  }

  @Test
  void verify_singleEntryTree_hasEmptyProof() {
    TlogProof proof = proofOf(0, 1, Optional.empty());
    assertEquals(0, proof.inclusionProof().size());
    TlogProof parsed = TlogProof.parse(proof.format());
    parsed.verify(policy(), HashAlgorithm.SHA_256, leaves.get(0));
  }

  @Test
  void parse_brokenProofs_areRejected() {
    String good = proofOf(2, 5, Optional.empty()).format();
    List<String> bad =
        List.of(
            good.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2"),
            good.replace("index 2", "index 02"),
            good.replace("index 2", "index -2"),
            good.replace("index 2\n", ""),
            good.replace("index 2\n", "index 2\nnot-a-hash\n"),
            good.replace("index 2\n", "extra ***\nindex 2\n"),
            good.substring(0, good.indexOf("\n\n")));
    for (String proof : bad) {
      assertCode(ErrorCode.MALFORMED_TLOG_PROOF, () -> TlogProof.parse(proof));
    }
  }
}

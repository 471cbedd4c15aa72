package org.eseal.core.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class MerkleTreeTest {

  private static List<Hash> leaves(HashAlgorithm algorithm, int n) {
    List<Hash> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(algorithm.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Test
  void root_emptyTree_isHashOfNothing() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        MerkleTree.root(HashAlgorithm.SHA_256, List.of()).hex());
  }

  @Test
  void root_rfc6962Leaves_matchesKnownRoots() {
    // The eight leaves and roots of the RFC 6962 reference tests (certificate-transparency).
    String[] data = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", ""};
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      leaves.add(HashAlgorithm.SHA_256.leafHash(java.util.HexFormat.of().parseHex(data[i])));
    }
    assertEquals(
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        MerkleTree.root(HashAlgorithm.SHA_256, leaves.subList(0, 1)).hex());
    assertEquals(
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        MerkleTree.root(HashAlgorithm.SHA_256, leaves).hex());
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void proofs_treesOfSize1To64_allVerify(HashAlgorithm algorithm) {
    List<Hash> all = leaves(algorithm, 64);
    HashSource source = HashSource.of(algorithm, all);
    for (int n = 1; n <= 64; n++) {
      Hash root = MerkleTree.root(source, n);
      assertEquals(root, MerkleTree.root(algorithm, all.subList(0, n)));
      for (int i = 0; i < n; i++) {
        checkInclusion(source, all.get(i), i, n, root);
      }
      for (int m = 1; m <= n; m++) {
        checkConsistency(source, m, n, root);
      }
    }
  }

  private static void checkInclusion(HashSource source, Hash leaf, long i, long n, Hash root) {
    HashAlgorithm algorithm = source.algorithm();
    List<Hash> proof = MerkleTree.inclusionProof(source, i, n);
    MerkleTree.verifyInclusion(algorithm, i, n, leaf, proof, root);
    assertRejectedWrongLengths(
        p -> MerkleTree.verifyInclusion(algorithm, i, n, leaf, p, root), proof, root);
  }

  private static void checkConsistency(HashSource source, long m, long n, Hash root) {
    HashAlgorithm algorithm = source.algorithm();
    Hash first = MerkleTree.root(source, m);
    List<Hash> proof = MerkleTree.consistencyProof(source, m, n);
    MerkleTree.verifyConsistency(algorithm, m, n, first, root, proof);
    assertRejectedWrongLengths(
        p -> MerkleTree.verifyConsistency(algorithm, m, n, first, root, p), proof, root);
  }

  private interface Check {
    void run(List<Hash> proof);
  }

  private static void assertRejectedWrongLengths(Check check, List<Hash> proof, Hash extra) {
    List<Hash> longer = new ArrayList<>(proof);
    longer.add(extra);
    assertInvalid(() -> check.run(longer));
    if (!proof.isEmpty()) {
      assertInvalid(() -> check.run(proof.subList(0, proof.size() - 1)));
      assertInvalid(() -> check.run(proof.subList(1, proof.size())));
    }
  }

  private static void assertInvalid(Runnable r) {
    ESealException e = assertThrows(ESealException.class, r::run);
    assertEquals(ErrorCode.INVALID_MERKLE_PROOF, e.code());
  }

  @Test
  void verifyInclusion_indexOutOfRange_isRejected() {
    List<Hash> all = leaves(HashAlgorithm.SHA_256, 5);
    Hash root = MerkleTree.root(HashAlgorithm.SHA_256, all);
    List<Hash> proof = MerkleTree.inclusionProof(HashSource.of(HashAlgorithm.SHA_256, all), 4, 5);
    assertInvalid(
        () -> MerkleTree.verifyInclusion(HashAlgorithm.SHA_256, 5, 5, all.get(4), proof, root));
    assertInvalid(
        () -> MerkleTree.verifyInclusion(HashAlgorithm.SHA_256, -1, 5, all.get(4), proof, root));
    assertInvalid(
        () -> MerkleTree.verifyInclusion(HashAlgorithm.SHA_256, 3, 5, all.get(4), proof, root));
  }

  @Test
  void verifyInclusion_otherAlgorithm_isRejected() {
    List<Hash> all = leaves(HashAlgorithm.SHA_256, 6);
    Hash root = MerkleTree.root(HashAlgorithm.SHA_256, all);
    List<Hash> proof = MerkleTree.inclusionProof(HashSource.of(HashAlgorithm.SHA_256, all), 2, 6);
    assertInvalid(
        () -> MerkleTree.verifyInclusion(HashAlgorithm.SM3, 2, 6, all.get(2), proof, root));
  }

  @Test
  void verifyConsistency_sizesOutOfOrder_areRejected() {
    Hash root = MerkleTree.root(HashAlgorithm.SHA_256, leaves(HashAlgorithm.SHA_256, 3));
    assertInvalid(
        () -> MerkleTree.verifyConsistency(HashAlgorithm.SHA_256, 3, 2, root, root, List.of()));
    assertInvalid(
        () -> MerkleTree.verifyConsistency(HashAlgorithm.SHA_256, 0, 3, root, root, List.of()));
  }

  @Test
  void inclusionProof_indexOutsideTree_isMisuse() {
    HashSource source = HashSource.of(HashAlgorithm.SHA_256, leaves(HashAlgorithm.SHA_256, 4));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(source, 4, 4));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(source, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.consistencyProof(source, 0, 4));
  }

  @Test
  void hash_wrongLength_isMisuse() {
    assertThrows(IllegalArgumentException.class, () -> Hash.of(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Hash.fromBase64("V3JvbmdSb290"));
  }
}

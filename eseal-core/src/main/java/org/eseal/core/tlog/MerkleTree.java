package org.eseal.core.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * Merkle tree hashes and proofs as RFC 9162 section 2.1 defines them: tree roots, inclusion and
 * consistency proof generation, and their verification.
 *
 * <p>Stateless and thread-safe. Generation visits each leaf of the proved range once through the
 * {@link HashSource} unless the source serves interior hashes itself; verification costs one hash
 * per proof element.
 */
public final class MerkleTree {
  private MerkleTree() {}

  /** The root of the tree over the given leaf hashes, in order (RFC 9162 2.1.1). */
  public static Hash root(HashAlgorithm algorithm, List<Hash> leafHashes) {
    return root(HashSource.of(algorithm, leafHashes), leafHashes.size());
  }

  /**
   * The root of the tree over the first {@code treeSize} leaves of {@code source} (RFC 9162 2.1.1);
   * the empty tree's root for size 0.
   *
   * @throws IllegalArgumentException if {@code treeSize} is negative or beyond the source
   */
  public static Hash root(HashSource source, long treeSize) {
    Objects.requireNonNull(source, "source");
    checkSize(source, treeSize);
    return treeSize == 0 ? source.algorithm().emptyRoot() : source.subtreeHash(0, treeSize);
  }

  /**
   * The inclusion proof (audit path) of leaf {@code index} in the tree of size {@code treeSize},
   * from the leaf's sibling up to a child of the root (RFC 9162 2.1.3.1).
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= source.size()}
   */
  public static List<Hash> inclusionProof(HashSource source, long index, long treeSize) {
    Objects.requireNonNull(source, "source");
    checkSize(source, treeSize);
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("index " + index + " outside tree of size " + treeSize);
    }
    List<Hash> proof = new ArrayList<>();
    path(source, index, 0, treeSize, proof);
    return List.copyOf(proof);
  }

  /**
   * The consistency proof from the tree of size {@code first} to the tree of size {@code second}
   * (RFC 9162 2.1.4.1); empty when the sizes are equal.
   *
   * @throws IllegalArgumentException unless {@code 0 < first <= second <= source.size()}
   */
  public static List<Hash> consistencyProof(HashSource source, long first, long second) {
    Objects.requireNonNull(source, "source");
    checkSize(source, second);
    if (first <= 0 || first > second) {
      throw new IllegalArgumentException(
          "consistency needs 0 < first <= second, got " + first + " and " + second);
    }
    List<Hash> proof = new ArrayList<>();
    subproof(source, first, 0, second, true, proof);
    return List.copyOf(proof);
  }

  /**
   * Checks that {@code leafHash} is leaf {@code index} of the tree of size {@code treeSize} whose
   * root is {@code root} (RFC 9162 2.1.3.2).
   *
   * @throws ESealException with {@link ErrorCode#INVALID_MERKLE_PROOF} if the index is outside the
   *     tree, the proof has the wrong length, or the computed root differs
   */
  public static void verifyInclusion(
      HashAlgorithm algorithm,
      long index,
      long treeSize,
      Hash leafHash,
      List<Hash> proof,
      Hash root) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(root, "root");
    List<Hash> path = List.copyOf(proof);
    // RFC 9162 2.1.3.2 step 1: the index must lie inside the tree.
    if (index < 0 || index >= treeSize) {
      throw invalid("leaf index " + index + " is outside the tree of size " + treeSize);
    }
    int expected = inclusionProofLength(index, treeSize);
    if (path.size() != expected) {
      throw invalid(
          "inclusion proof for leaf "
              + index
              + " of "
              + treeSize
              + " needs "
              + expected
              + " hashes, got "
              + path.size());
    }
    // Steps 2 and 3.
    long fn = index;
    long sn = treeSize - 1;
    Hash r = leafHash;
    // Step 4.
    for (Hash p : path) {
      if (sn == 0) {
        throw invalid("inclusion proof is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = algorithm.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = algorithm.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 5.
    if (sn != 0) {
      throw invalid("inclusion proof is too short");
    }
    if (!r.equals(root)) {
      throw invalid("inclusion proof leads to root " + r + ", expected " + root);
    }
  }

  /**
   * Checks that the tree of size {@code first} with root {@code firstRoot} is a prefix of the tree
   * of size {@code second} with root {@code secondRoot} (RFC 9162 2.1.4.2). Equal sizes need an
   * empty proof and equal roots; a first size of 0 is rejected, since such a proof proves nothing.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_MERKLE_PROOF} if the sizes are out of
   *     order, the proof has the wrong length, or a computed root differs
   */
  public static void verifyConsistency(
      HashAlgorithm algorithm,
      long first,
      long second,
      Hash firstRoot,
      Hash secondRoot,
      List<Hash> proof) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(firstRoot, "firstRoot");
    Objects.requireNonNull(secondRoot, "secondRoot");
    List<Hash> path = List.copyOf(proof);
    if (first <= 0 || first > second) {
      throw invalid("consistency needs 0 < first <= second, got " + first + " and " + second);
    }
    if (first == second) {
      if (!path.isEmpty()) {
        throw invalid("consistency proof between equal sizes must be empty");
      }
      if (!firstRoot.equals(secondRoot)) {
        throw invalid("trees of equal size " + first + " have different roots");
      }
      return;
    }
    // RFC 9162 2.1.4.2 step 1.
    if (path.isEmpty()) {
      throw invalid("consistency proof is empty");
    }
    List<Hash> c = new ArrayList<>(path.size() + 1);
    // Step 2: a first tree that is a complete subtree is the proof's seed.
    if (Long.bitCount(first) == 1) {
      c.add(firstRoot);
    }
    c.addAll(path);
    // Steps 3 and 4.
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 5.
    Hash fr = c.get(0);
    Hash sr = c.get(0);
    // Step 6.
    for (Hash h : c.subList(1, c.size())) {
      if (sn == 0) {
        throw invalid("consistency proof is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = algorithm.nodeHash(h, fr);
        sr = algorithm.nodeHash(h, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = algorithm.nodeHash(sr, h);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 7.
    if (sn != 0) {
      throw invalid("consistency proof is too short");
    }
    if (!fr.equals(firstRoot)) {
      throw invalid("consistency proof leads to first root " + fr + ", expected " + firstRoot);
    }
    if (!sr.equals(secondRoot)) {
      throw invalid("consistency proof leads to second root " + sr + ", expected " + secondRoot);
    }
  }

  /** The number of hashes in an inclusion proof of leaf {@code index} in a tree of {@code size}. */
  static int inclusionProofLength(long index, long size) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    int border = Long.bitCount(index >>> inner);
    return inner + border;
  }

  /** The largest power of two smaller than {@code n}, for {@code n > 1} (RFC 9162 2.1.1). */
  static long splitPoint(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** RFC 9162 2.1.3.1 PATH(m, D[start:end]), appending from the leaf upwards. */
  private static void path(HashSource source, long m, long start, long end, List<Hash> out) {
    if (end - start == 1) {
      return;
    }
    long k = splitPoint(end - start);
    if (m < k) {
      path(source, m, start, start + k, out);
      out.add(source.subtreeHash(start + k, end));
    } else {
      path(source, m - k, start + k, end, out);
      out.add(source.subtreeHash(start, start + k));
    }
  }

  /** RFC 9162 2.1.4.1 SUBPROOF(m, D[start:end], b), appending from the bottom upwards. */
  private static void subproof(
      HashSource source, long m, long start, long end, boolean complete, List<Hash> out) {
    long n = end - start;
    if (m == n) {
      if (!complete) {
        out.add(source.subtreeHash(start, end));
      }
      return;
    }
    long k = splitPoint(n);
    if (m <= k) {
      subproof(source, m, start, start + k, complete, out);
      out.add(source.subtreeHash(start + k, end));
    } else {
      subproof(source, m - k, start + k, end, false, out);
      out.add(source.subtreeHash(start, start + k));
    }
  }

  private static void checkSize(HashSource source, long treeSize) {
    if (treeSize < 0 || treeSize > source.size()) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " outside 0.." + source.size() + " available leaves");
    }
  }

  private static ESealException invalid(String message) {
    return new ESealException(ErrorCode.INVALID_MERKLE_PROOF, message);
  }
}

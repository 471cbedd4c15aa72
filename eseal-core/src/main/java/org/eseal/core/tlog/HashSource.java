package org.eseal.core.tlog;

import java.util.List;
import java.util.Objects;

/**
 * Where proof generation reads a tree's hashes: the leaf hashes of a log, in order. A log backed by
 * storage implements this over its store and may override {@link #subtreeHash(long, long)} to serve
 * stored interior hashes instead of recomputing them.
 *
 * <p>Implementations must return the same hash for the same index for as long as they are used: a
 * log only ever appends.
 */
public interface HashSource {

  /** The hash function of the tree. */
  HashAlgorithm algorithm();

  /** The number of leaves available. */
  long size();

  /**
   * The leaf hash at {@code index}, {@code 0 <= index < size()}.
   *
   * @throws IndexOutOfBoundsException if the index is outside the tree
   */
  Hash leafHash(long index);

  /**
   * The Merkle tree hash {@code MTH(D[start:end])} of the leaves {@code start} (inclusive) to
   * {@code end} (exclusive), {@code start < end <= size()} (RFC 9162 2.1.1). The default computes
   * it from the leaves, visiting {@code end - start} leaves.
   */
  default Hash subtreeHash(long start, long end) {
    if (start < 0 || start >= end || end > size()) {
      throw new IndexOutOfBoundsException("subtree [" + start + ", " + end + ") of " + size());
    }
    if (end - start == 1) {
      return leafHash(start);
    }
    // RFC 9162 2.1.1: split at k, the largest power of two smaller than n.
    long k = MerkleTree.splitPoint(end - start);
    return algorithm().nodeHash(subtreeHash(start, start + k), subtreeHash(start + k, end));
  }

  /** A source over leaf hashes held in memory; the list is copied. */
  static HashSource of(HashAlgorithm algorithm, List<Hash> leafHashes) {
    Objects.requireNonNull(algorithm, "algorithm");
    List<Hash> leaves = List.copyOf(leafHashes);
    return new HashSource() {
      @Override
      public HashAlgorithm algorithm() {
        return algorithm;
      }

      @Override
      public long size() {
        return leaves.size();
      }

      @Override
      public Hash leafHash(long index) {
        return leaves.get(Math.toIntExact(index));
      }
    };
  }
}

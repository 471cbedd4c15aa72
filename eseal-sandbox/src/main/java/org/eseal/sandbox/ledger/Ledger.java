package org.eseal.sandbox.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.tlog.Checkpoint;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.HashSource;
import org.eseal.core.tlog.MerkleTree;
import org.eseal.core.tlog.Note;
import org.eseal.core.tlog.NoteSignature;
import org.eseal.core.tlog.SignerKey;
import org.eseal.core.tlog.TlogProof;
import org.eseal.core.tlog.VerifierKey;
import org.eseal.core.tlog.WitnessPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verifiable append-only log (RFC 9162, C2SP tlog-checkpoint): entries are Merkle tree leaves,
 * integrated in batches into checkpoints the log signs and its witnesses cosign. A checkpoint is
 * published only when the cosignatures meet the {@link WitnessPolicy} quorum, so every published
 * checkpoint verifies offline against that policy.
 *
 * <p>Entries and leaf hashes are kept in memory, and optionally also in a directory. Thread-safe:
 * every method locks the ledger, and integration calls the witnesses while holding the lock.
 */
public final class Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

  /**
   * Deliberate misbehaviour, so that tests can check that witnesses and clients catch it. Never set
   * outside tests.
   */
  public enum Misbehaviour {
    /** An honest log. */
    NONE,
    /**
     * A split view: the log rewrites its first entry and signs that other history. Integration
     * offers the forked tree to the witnesses, and {@link #latestCheckpoint()} serves a checkpoint
     * of the published size with the forked root, signed by the log alone.
     */
    FORK,
    /**
     * {@link #latestCheckpoint()} serves the checkpoint published before the latest one, or the
     * latest if this ledger published only one.
     */
    ROLLBACK
  }

  private final SignerKey logKey;
  private final WitnessPolicy policy;
  private final HashAlgorithm algorithm;
  private final Map<String, WitnessEndpoint> witnesses;
  private final int batchSize;
  private final List<byte[]> entries = new ArrayList<>();
  private final List<Hash> leafHashes = new ArrayList<>();
  private final Map<Hash, Long> indexByLeaf = new HashMap<>();
  private final List<Note> published = new ArrayList<>();
  private final Optional<LedgerFiles> files;
  private long publishedSize;
  private Misbehaviour misbehaviour = Misbehaviour.NONE;

  private Ledger(Builder builder) {
    this.logKey = builder.logKey;
    this.policy = builder.policy;
    this.algorithm = builder.algorithm;
    this.witnesses = Collections.unmodifiableMap(new LinkedHashMap<>(builder.witnesses));
    this.batchSize = builder.batchSize;
    this.files = builder.directory.map(LedgerFiles::new);
    if (files.isPresent()) {
      files.get().readEntries(this::restoreEntry);
      Optional<Note> saved = files.get().readCheckpoint();
      if (saved.isPresent()) {
        restoreCheckpoint(saved.get());
      }
    }
  }

  private void restoreEntry(byte[] entry) {
    Hash leaf = algorithm.leafHash(entry);
    if (indexByLeaf.putIfAbsent(leaf, (long) leafHashes.size()) != null) {
      throw new ESealException(ErrorCode.IO_ERROR, "entries file repeats entry " + leaf);
    }
    entries.add(entry);
    leafHashes.add(leaf);
  }

  private void restoreCheckpoint(Note checkpoint) {
    Checkpoint body = policy.verify(checkpoint).checkpoint();
    if (!body.origin().equals(origin())
        || body.size() > leafHashes.size()
        || !MerkleTree.root(source(false), body.size()).equals(body.rootHash())) {
      throw new ESealException(
          ErrorCode.SPLIT_VIEW, "saved checkpoint does not match the saved entries");
    }
    published.add(checkpoint);
    publishedSize = body.size();
  }

  /**
   * Starts a ledger whose origin is the log key's name.
   *
   * @param logKey the log's checkpoint signing key
   * @param policy the policy a checkpoint must satisfy to be published; it must list the log key
   */
  public static Builder builder(SignerKey logKey, WitnessPolicy policy) {
    return new Builder(logKey, policy);
  }

  /** The log's origin line, the name of its key. */
  public String origin() {
    return logKey.name();
  }

  /** The tree hash function. */
  public HashAlgorithm algorithm() {
    return algorithm;
  }

  /** Sets the deliberate misbehaviour; {@link Misbehaviour#NONE} restores honesty. */
  public synchronized void misbehave(Misbehaviour misbehaviour) {
    this.misbehaviour = Objects.requireNonNull(misbehaviour, "misbehaviour");
  }

  /**
   * Appends an entry, or finds it: an entry whose leaf hash is already in the log keeps its index.
   * When a batch size is set and that many entries await integration, integrates them; a failure
   * there is logged and leaves them pending.
   *
   * @return the entry's zero-based leaf index
   */
  public synchronized long append(byte[] entry) {
    Objects.requireNonNull(entry, "entry");
    Hash leaf = algorithm.leafHash(entry);
    Long known = indexByLeaf.get(leaf);
    if (known != null) {
      return known;
    }
    long index = leafHashes.size();
    if (files.isPresent()) {
      files.get().appendEntry(entry);
    }
    entries.add(entry.clone());
    leafHashes.add(leaf);
    indexByLeaf.put(leaf, index);
    if (batchSize > 0 && leafHashes.size() - publishedSize() >= batchSize) {
      try {
        integrate();
      } catch (ESealException e) {
        LOG.warn("integration at size {} failed, entries stay pending: {}", size(), e.toString());
      }
    }
    return index;
  }

  /** The number of entries appended, integrated or not. */
  public synchronized long size() {
    return leafHashes.size();
  }

  /**
   * A copy of the entry at {@code index}.
   *
   * @throws IllegalArgumentException if no entry has that index
   */
  public synchronized byte[] entry(long index) {
    checkIndex(index, leafHashes.size());
    return entries.get((int) index).clone();
  }

  /**
   * Integrates every pending entry: signs a checkpoint of the whole tree, asks each witness to
   * cosign it (repeating once from the size a witness reports on a 409), and publishes it if the
   * cosignatures meet the quorum. Returns the published checkpoint at once if nothing is pending.
   *
   * @return the newly published signed, cosigned checkpoint note
   * @throws ESealException with {@link ErrorCode#QUORUM_NOT_MET} if too few witnesses cosigned; the
   *     previous checkpoint stays published, and each witness's failure is a suppressed exception
   */
  public synchronized Note integrate() {
    long size = leafHashes.size();
    Optional<Note> latest = latest();
    if (latest.isPresent() && publishedSize == size) {
      return latest.get();
    }
    HashSource source = source(misbehaviour == Misbehaviour.FORK);
    Note signed = Checkpoint.of(origin(), size, MerkleTree.root(source, size)).sign(logKey);
    long oldSize = publishedSize();
    List<Exception> failures = new ArrayList<>();
    Note cosigned = signed;
    for (Map.Entry<String, WitnessEndpoint> witness : witnesses.entrySet()) {
      try {
        NoteSignature cosignature =
            cosign(witness.getKey(), witness.getValue(), signed, source, oldSize);
        cosigned = cosigned.withSignature(cosignature);
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    try {
      policy.verify(cosigned);
    } catch (ESealException e) {
      ESealException failure =
          new ESealException(
              ErrorCode.QUORUM_NOT_MET,
              "checkpoint of size " + size + " not published: " + e.getMessage(),
              e);
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
    if (files.isPresent()) {
      files.get().writeCheckpoint(cosigned);
    }
    published.add(cosigned);
    publishedSize = size;
    return cosigned;
  }

  private NoteSignature cosign(
      String name, WitnessEndpoint endpoint, Note signed, HashSource source, long from) {
    VerifierKey key = policy.witnesses().get(name);
    Note answer;
    try {
      answer = endpoint.addCheckpoint(from, proofFrom(source, from), signed);
    } catch (WitnessRejection e) {
      long stored = e.storedSize().orElse(-1);
      if (e.status() != 409 || stored < 0 || stored > source.size() || stored == from) {
        throw e;
      }
      // tlog-witness, add-checkpoint: on 409 the log retries from the size the witness stored.
      answer = endpoint.addCheckpoint(stored, proofFrom(source, stored), signed);
    }
    if (!answer.text().equals(signed.text())) {
      throw new ESealException(
          ErrorCode.UNTRUSTED_NOTE, "witness " + name + " cosigned other text");
    }
    for (NoteSignature signature : answer.signatures()) {
      if (key.matches(signature)) {
        new Note(signed.text(), List.of(signature)).verify(List.of(key));
        return signature;
      }
    }
    throw new ESealException(ErrorCode.UNTRUSTED_NOTE, "witness " + name + " did not cosign");
  }

  private static List<Hash> proofFrom(HashSource source, long from) {
    return from == 0 || from == source.size()
        ? List.of()
        : MerkleTree.consistencyProof(source, from, source.size());
  }

  /**
   * The newest published checkpoint note, signed by the log and cosigned to the quorum; under a
   * {@link Misbehaviour} what that misbehaviour serves instead.
   */
  public synchronized Optional<Note> latestCheckpoint() {
    Optional<Note> latest = latest();
    switch (misbehaviour) {
      case ROLLBACK:
        return published.size() < 2 ? latest : Optional.of(published.get(published.size() - 2));
      case FORK:
        if (latest.isEmpty()) {
          return latest;
        }
        long size = publishedSize();
        HashSource forked = source(true);
        return Optional.of(
            Checkpoint.of(origin(), size, MerkleTree.root(forked, size)).sign(logKey));
      default:
        return latest;
    }
  }

  /**
   * The inclusion proof of entry {@code index} in the published tree of {@code size} (RFC 9162
   * 2.1.3.1).
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size <= } the published size
   */
  public synchronized List<Hash> inclusionProof(long index, long size) {
    checkSize(size);
    checkIndex(index, size);
    return MerkleTree.inclusionProof(source(false), index, size);
  }

  /**
   * The consistency proof from the tree of size {@code first} to the published tree of {@code
   * second} (RFC 9162 2.1.4.1).
   *
   * @throws IllegalArgumentException unless {@code 0 < first <= second <= } the published size
   */
  public synchronized List<Hash> consistencyProof(long first, long second) {
    checkSize(second);
    return MerkleTree.consistencyProof(source(false), first, second);
  }

  /**
   * A c2sp.org/tlog-proof@v1 proof of entry {@code index} against the newest published checkpoint.
   *
   * @throws IllegalArgumentException if the entry is not in the published tree
   */
  public synchronized TlogProof proof(long index) {
    Note latest =
        latest().orElseThrow(() -> new IllegalArgumentException("no checkpoint is published"));
    long size = publishedSize();
    checkIndex(index, size);
    return TlogProof.of(
        Optional.empty(), index, MerkleTree.inclusionProof(source(false), index, size), latest);
  }

  private Optional<Note> latest() {
    return published.isEmpty()
        ? Optional.empty()
        : Optional.of(published.get(published.size() - 1));
  }

  private long publishedSize() {
    return publishedSize;
  }

  /** A view of the first leaves as they are now; valid only while the lock is held. */
  private HashSource source(boolean forked) {
    long size = leafHashes.size();
    Hash forkLeaf = algorithm.leafHash(new byte[] {'f', 'o', 'r', 'k'});
    return new HashSource() {
      @Override
      public HashAlgorithm algorithm() {
        return algorithm;
      }

      @Override
      public long size() {
        return size;
      }

      @Override
      public Hash leafHash(long index) {
        return forked && index == 0 ? forkLeaf : leafHashes.get(Math.toIntExact(index));
      }
    };
  }

  private void checkSize(long size) {
    long limit = publishedSize();
    if (size < 0 || size > limit) {
      throw new IllegalArgumentException(
          "size " + size + " is outside the published size " + limit);
    }
  }

  private static void checkIndex(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index " + index + " is outside the size " + size);
    }
  }

  /** Options of a {@link Ledger}. Not thread-safe. */
  public static final class Builder {
    private final SignerKey logKey;
    private final WitnessPolicy policy;
    private HashAlgorithm algorithm = HashAlgorithm.SHA_256;
    private final Map<String, WitnessEndpoint> witnesses = new LinkedHashMap<>();
    private int batchSize;
    private Optional<Path> directory = Optional.empty();

    private Builder(SignerKey logKey, WitnessPolicy policy) {
      this.logKey = Objects.requireNonNull(logKey, "logKey");
      this.policy = Objects.requireNonNull(policy, "policy");
      if (!policy.logs().contains(logKey.verifierKey())) {
        throw new IllegalArgumentException("policy does not list the log key " + logKey.name());
      }
    }

    /** The tree hash function; SHA-256 unless set. */
    public Builder algorithm(HashAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Adds a witness to ask for cosignatures.
     *
     * @param name the witness's name in the policy
     * @throws IllegalArgumentException if the policy has no witness of that name
     */
    public Builder witness(String name, WitnessEndpoint endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (!policy.witnesses().containsKey(name)) {
        throw new IllegalArgumentException("policy has no witness " + name);
      }
      witnesses.put(name, endpoint);
      return this;
    }

    /**
     * Integrates automatically once this many entries are pending; 0, the default, integrates only
     * on {@link Ledger#integrate()}.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 0) {
        throw new IllegalArgumentException("batchSize must not be negative: " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Keeps the entries (an append-only file) and the newest published checkpoint in {@code
     * directory}, reading them back when the ledger is built; without it the ledger lives in memory
     * only. Two ledgers must not share a directory.
     */
    public Builder directory(Path directory) {
      this.directory = Optional.of(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    /**
     * The ledger: empty with nothing published, or as saved in its directory.
     *
     * @throws ESealException with {@link ErrorCode#IO_ERROR} if the files cannot be read or repeat
     *     an entry, {@link ErrorCode#SPLIT_VIEW} if the saved checkpoint is not over the saved
     *     entries, or as {@link WitnessPolicy#verify(Note)} does if it no longer verifies
     */
    public Ledger build() {
      return new Ledger(this);
    }
  }
}

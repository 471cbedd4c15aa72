package org.eseal.sandbox.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.internal.AtomicFiles;
import org.eseal.core.tlog.Checkpoint;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.KeyType;
import org.eseal.core.tlog.MerkleTree;
import org.eseal.core.tlog.Note;
import org.eseal.core.tlog.SignerKey;
import org.eseal.core.tlog.VerifierKey;

/**
 * A witness that cosigns the checkpoints of the logs it knows, but only those consistent with the
 * newest checkpoint it stored for that log (C2SP tlog-witness, add-checkpoint), so a log cannot get
 * two different histories cosigned.
 *
 * <p>The stored checkpoints live in memory or, one file per log, in a directory. Thread-safe within
 * one process; two processes must not share a directory.
 */
public final class Witness implements WitnessEndpoint {
  private final SignerKey key;
  private final HashAlgorithm algorithm;
  private final List<VerifierKey> logKeys;
  private final Optional<Path> directory;
  private final Clock clock;
  private final Map<String, Checkpoint> stored = new HashMap<>();

  private Witness(
      SignerKey key,
      HashAlgorithm algorithm,
      List<VerifierKey> logKeys,
      Optional<Path> directory,
      Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.logKeys = List.copyOf(logKeys);
    this.directory = directory;
    this.clock = Objects.requireNonNull(clock, "clock");
    if (key.type() != KeyType.COSIGNATURE_V1) {
      throw new IllegalArgumentException("key must be a cosignature/v1 key: " + key.type());
    }
  }

  /**
   * A witness that keeps its state in memory only.
   *
   * @param key the witness's cosignature/v1 key
   * @param algorithm the logs' tree hash
   * @param logKeys the keys of the logs it witnesses; a key's name is the log's origin
   * @throws IllegalArgumentException if the key is not a {@link KeyType#COSIGNATURE_V1} key
   */
  public static Witness inMemory(
      SignerKey key, HashAlgorithm algorithm, List<VerifierKey> logKeys, Clock clock) {
    return new Witness(key, algorithm, logKeys, Optional.empty(), clock);
  }

  /**
   * A witness that keeps the newest checkpoint of each log in a file under {@code directory},
   * reading the files there on first use of each log.
   *
   * @throws IllegalArgumentException if the key is not a {@link KeyType#COSIGNATURE_V1} key
   */
  public static Witness open(
      SignerKey key,
      HashAlgorithm algorithm,
      List<VerifierKey> logKeys,
      Path directory,
      Clock clock) {
    Objects.requireNonNull(directory, "directory");
    return new Witness(key, algorithm, logKeys, Optional.of(directory), clock);
  }

  /** The key clients use to check this witness's cosignatures. */
  public VerifierKey verifierKey() {
    return key.verifierKey();
  }

  /** The newest checkpoint this witness cosigned for the log, if any. */
  public synchronized Optional<Checkpoint> latest(String origin) {
    return Optional.ofNullable(load(origin));
  }

  /**
   * Cosigns a checkpoint following tlog-witness add-checkpoint: the log's signature, then the old
   * size against the stored size, then the consistency proof from the stored tree (RFC 9162
   * 2.1.4.2). The checkpoint is stored before the cosignature is returned.
   *
   * @throws WitnessRejection with status 400 if the checkpoint is malformed or smaller than {@code
   *     oldSize}, 403 if no known log key for its origin signed it, 409 (with the stored size) if
   *     {@code oldSize} is not the stored size or the sizes are equal and the roots differ, 422 if
   *     the consistency proof does not verify
   * @throws ESealException with {@link ErrorCode#IO_ERROR} if the state cannot be saved
   */
  @Override
  public synchronized Note addCheckpoint(
      long oldSize, List<Hash> consistencyProof, Note checkpoint) {
    Objects.requireNonNull(consistencyProof, "consistencyProof");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Checkpoint body;
    try {
      body = Checkpoint.parse(checkpoint.text());
    } catch (ESealException e) {
      throw WitnessRejection.badRequest("not a checkpoint: " + e.getMessage());
    }
    List<VerifierKey> keys = logKeys.stream().filter(k -> k.name().equals(body.origin())).toList();
    if (keys.isEmpty()) {
      throw WitnessRejection.unknownLog("unknown log " + body.origin());
    }
    try {
      checkpoint.verify(keys);
    } catch (ESealException e) {
      throw WitnessRejection.unknownLog(
          "checkpoint of " + body.origin() + " not signed by its log");
    }
    if (oldSize < 0 || oldSize > body.size()) {
      throw WitnessRejection.badRequest(
          "old size " + oldSize + " is outside the checkpoint size " + body.size());
    }
    Checkpoint known = load(body.origin());
    long knownSize = known == null ? 0 : known.size();
    if (oldSize != knownSize) {
      throw WitnessRejection.conflict(
          knownSize, "old size " + oldSize + " is not the stored size " + knownSize);
    }
    if (known != null && known.size() == body.size()) {
      if (!known.rootHash().equals(body.rootHash())) {
        throw WitnessRejection.conflict(knownSize, "another root for tree size " + body.size());
      }
    } else if (oldSize > 0) {
      try {
        MerkleTree.verifyConsistency(
            algorithm, oldSize, body.size(), known.rootHash(), body.rootHash(), consistencyProof);
      } catch (ESealException e) {
        throw WitnessRejection.inconsistent(
            "tree of size " + body.size() + " is not consistent with stored size " + oldSize);
      }
    } else if (!consistencyProof.isEmpty()) {
      throw WitnessRejection.inconsistent("a proof from the empty tree must be empty");
    }
    save(body.origin(), checkpoint, body);
    return checkpoint.cosign(key, clock.instant());
  }

  private Checkpoint load(String origin) {
    Checkpoint known = stored.get(origin);
    if (known != null || directory.isEmpty()) {
      return known;
    }
    Path file = file(origin);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      Note note = Note.parse(Files.readAllBytes(file));
      known = Checkpoint.parse(note.text());
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot read " + file, e);
    }
    stored.put(origin, known);
    return known;
  }

  private void save(String origin, Note note, Checkpoint body) {
    if (directory.isPresent()) {
      Path file = file(origin);
      try {
        Files.createDirectories(directory.get());
      } catch (IOException e) {
        throw new ESealException(ErrorCode.IO_ERROR, "cannot create " + directory.get(), e);
      }
      AtomicFiles.write(file, note.toBytes());
    }
    stored.put(origin, body);
  }

  private Path file(String origin) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
      return directory.orElseThrow().resolve(HexFormat.of().formatHex(digest) + ".checkpoint");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}

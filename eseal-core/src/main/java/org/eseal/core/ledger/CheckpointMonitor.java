package org.eseal.core.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.internal.AtomicFiles;
import org.eseal.core.tlog.Checkpoint;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.MerkleTree;
import org.eseal.core.tlog.Note;
import org.eseal.core.tlog.VerifiedCheckpoint;
import org.eseal.core.tlog.WitnessPolicy;

/**
 * Remembers the newest checkpoint of a ledger it has verified, in a file, and accepts a newer one
 * only with a consistency proof from it (RFC 9162 2.1.4.2), so that a ledger showing different
 * histories to different clients (a split view) or rolling back is detected.
 *
 * <p>Every checkpoint must also satisfy the {@link WitnessPolicy}. The file holds the signed
 * checkpoint note and is replaced atomically where the file system allows. Thread-safe within one
 * process; two processes must not share a file.
 */
public final class CheckpointMonitor {
  private final Path stateFile;
  private final WitnessPolicy policy;
  private final HashAlgorithm algorithm;
  private VerifiedCheckpoint latest;

  /**
   * Opens a monitor, reading and re-verifying the remembered checkpoint if the file exists.
   *
   * @throws ESealException with {@link ErrorCode#IO_ERROR} if the file cannot be read, or as {@link
   *     WitnessPolicy#verify(Note)} does if it no longer verifies
   */
  public CheckpointMonitor(Path stateFile, WitnessPolicy policy, HashAlgorithm algorithm) {
    this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    if (Files.exists(stateFile)) {
      try {
        latest = policy.verify(Note.parse(Files.readAllBytes(stateFile)));
      } catch (IOException e) {
        throw new ESealException(ErrorCode.IO_ERROR, "cannot read " + stateFile, e);
      }
    }
  }

  /** The newest verified checkpoint, if any was accepted. */
  public synchronized Optional<Checkpoint> latest() {
    return Optional.ofNullable(latest).map(VerifiedCheckpoint::checkpoint);
  }

  /**
   * Verifies a checkpoint and, if it is newer than the remembered one, checks the consistency proof
   * from the remembered size to its size and remembers it.
   *
   * @param checkpoint the signed, cosigned checkpoint
   * @param consistencyProof the proof from the remembered tree size to the new one; ignored for the
   *     first checkpoint and when the sizes are equal
   * @return the verified checkpoint
   * @throws ESealException with {@link ErrorCode#SPLIT_VIEW} if the checkpoint is smaller than the
   *     remembered one (rollback), has the same size and another root, or the proof does not show
   *     the remembered tree is its prefix (fork); as {@link WitnessPolicy#verify(Note)} does if the
   *     checkpoint is not trusted; with {@link ErrorCode#IO_ERROR} if it cannot be saved
   */
  public synchronized VerifiedCheckpoint accept(Note checkpoint, List<Hash> consistencyProof) {
    Objects.requireNonNull(consistencyProof, "consistencyProof");
    VerifiedCheckpoint next = policy.verify(checkpoint);
    Checkpoint body = next.checkpoint();
    if (latest == null) {
      save(next);
      return next;
    }
    Checkpoint known = latest.checkpoint();
    if (!known.origin().equals(body.origin())) {
      throw new ESealException(
          ErrorCode.UNTRUSTED_NOTE, "monitor follows " + known.origin() + ", not " + body.origin());
    }
    if (body.size() < known.size()) {
      throw splitView(
          "rollback: checkpoint size " + body.size() + " is below the known " + known.size(), null);
    }
    if (body.size() == known.size()) {
      if (!body.rootHash().equals(known.rootHash())) {
        throw splitView("fork: two roots for tree size " + body.size(), null);
      }
      return next;
    }
    if (known.size() > 0) {
      try {
        MerkleTree.verifyConsistency(
            algorithm,
            known.size(),
            body.size(),
            known.rootHash(),
            body.rootHash(),
            consistencyProof);
      } catch (ESealException e) {
        throw splitView(
            "fork: tree of size "
                + body.size()
                + " is not consistent with the known tree of size "
                + known.size(),
            e);
      }
    }
    save(next);
    return next;
  }

  private void save(VerifiedCheckpoint checkpoint) {
    try {
      Files.createDirectories(stateFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot create the folder of " + stateFile, e);
    }
    AtomicFiles.write(stateFile, checkpoint.note().toBytes());
    latest = checkpoint;
  }

  private static ESealException splitView(String message, Throwable cause) {
    return cause == null
        ? new ESealException(ErrorCode.SPLIT_VIEW, message)
        : new ESealException(ErrorCode.SPLIT_VIEW, message, cause);
  }
}

package org.eseal.core.tlog;

import java.util.Objects;
import java.util.Set;

/**
 * A checkpoint signed by a trusted log and cosigned by witnesses that satisfy a policy's quorum.
 *
 * @param checkpoint the parsed checkpoint body
 * @param note the signed note it came in
 * @param logKey the log key whose signature verified
 * @param witnesses the policy names of the witnesses whose cosignatures verified
 */
public record VerifiedCheckpoint(
    Checkpoint checkpoint, Note note, VerifierKey logKey, Set<String> witnesses) {
  /** Checks the fields and copies the set. */
  public VerifiedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(logKey, "logKey");
    witnesses = Set.copyOf(witnesses);
  }
}

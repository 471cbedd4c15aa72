package org.eseal.sandbox.ledger;

import java.util.List;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.Note;

/**
 * Where a ledger sends checkpoints to be cosigned: the tlog-witness add-checkpoint call. A {@link
 * Witness} in the same process is one; a remote witness reached over HTTP can be another.
 */
@FunctionalInterface
public interface WitnessEndpoint {
  /**
   * Asks the witness to cosign a checkpoint.
   *
   * @param oldSize the tree size the caller believes the witness last stored for this log
   * @param consistencyProof the proof from the tree of {@code oldSize} to the checkpoint's tree
   *     (RFC 9162 2.1.4.1); empty when {@code oldSize} is 0 or equals the checkpoint's size
   * @param checkpoint the checkpoint note signed by the log
   * @return the checkpoint note with the witness's cosignature added
   * @throws WitnessRejection if the witness refuses
   */
  Note addCheckpoint(long oldSize, List<Hash> consistencyProof, Note checkpoint);
}

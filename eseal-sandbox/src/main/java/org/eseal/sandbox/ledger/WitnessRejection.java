package org.eseal.sandbox.ledger;

import java.util.OptionalLong;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * A witness's refusal to cosign a checkpoint, with the HTTP status a tlog-witness server would
 * answer: 400 for a malformed request, 403 for a checkpoint not signed by a known log, 409 when the
 * old size is not the size the witness stored (which it then reports), 422 when the consistency
 * proof does not verify.
 */
public final class WitnessRejection extends ESealException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final long storedSize;

  private WitnessRejection(ErrorCode code, int status, long storedSize, String message) {
    super(code, message);
    this.status = status;
    this.storedSize = storedSize;
  }

  static WitnessRejection badRequest(String message) {
    return new WitnessRejection(ErrorCode.MALFORMED_CHECKPOINT, 400, -1, message);
  }

  static WitnessRejection unknownLog(String message) {
    return new WitnessRejection(ErrorCode.UNTRUSTED_NOTE, 403, -1, message);
  }

  static WitnessRejection conflict(long storedSize, String message) {
    return new WitnessRejection(ErrorCode.SPLIT_VIEW, 409, storedSize, message);
  }

  static WitnessRejection inconsistent(String message) {
    return new WitnessRejection(ErrorCode.SPLIT_VIEW, 422, -1, message);
  }

  /** The HTTP status the tlog-witness protocol gives this refusal: 400, 403, 409 or 422. */
  public int status() {
    return status;
  }

  /** The tree size the witness stored for the log, present exactly for status 409. */
  public OptionalLong storedSize() {
    return storedSize < 0 ? OptionalLong.empty() : OptionalLong.of(storedSize);
  }
}

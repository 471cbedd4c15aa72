package org.eseal.core.ledger;

import java.util.Objects;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.WitnessPolicy;

/**
 * What a verifier trusts of the ledger (DESIGN.md section 4): the log keys, the witness keys and
 * the quorum of {@code policy}, and the tree hash of the log.
 *
 * @param policy the trusted logs, witnesses and quorum
 * @param algorithm the log's tree hash
 */
public record LedgerTrustPolicy(WitnessPolicy policy, HashAlgorithm algorithm) {
  /** Checks the fields. */
  public LedgerTrustPolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(algorithm, "algorithm");
  }
}

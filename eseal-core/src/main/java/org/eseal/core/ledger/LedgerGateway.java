package org.eseal.core.ledger;

import java.time.Duration;
import java.util.Optional;

/**
 * The platform ledger as a signer needs it: append one signed event and get back its chain receipt
 * (DESIGN.md sections 2 and 4).
 *
 * <p>Implementations must be safe to call from several threads.
 */
public interface LedgerGateway {
  /**
   * Appends a signed event and waits for a checkpoint that includes it.
   *
   * @param event the signed event
   * @param maxWait how long to wait for the event to be integrated and cosigned
   * @return the receipt, or empty if no cosigned checkpoint covered the event in time; the event
   *     stays appended and its receipt can be fetched later
   * @throws org.eseal.core.ESealException if the ledger refuses the event or cannot be reached
   */
  Optional<ChainReceipt> appendAndProve(LedgerEvent event, Duration maxWait);
}

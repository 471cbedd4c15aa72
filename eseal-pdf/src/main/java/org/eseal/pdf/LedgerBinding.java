package org.eseal.pdf;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ledger.ChainReceipt;
import org.eseal.core.ledger.LedgerEvent;
import org.eseal.core.ledger.LedgerEventType;
import org.eseal.core.ledger.LedgerGateway;
import org.eseal.core.tlog.Hash;

/**
 * How a seal is logged: the ledger, the actor who signs the {@code SEAL_APPLIED} event, and the
 * flow the event continues (DESIGN.md section 3).
 */
record LedgerBinding(
    LedgerGateway gateway,
    PrivateKey actorKey,
    String actor,
    Duration maxWait,
    String flowId,
    Hash previous,
    Clock clock) {
  /** Data member: hex SHA-256 of the signed byte ranges. */
  static final String DOCUMENT_DIGEST = "documentDigest";

  /** Data member: hex SHA-256 of the SignerInfo's signature value. */
  static final String SIGNATURE_VALUE_DIGEST = "signatureValueDigest";

  /** Data member: the {@code SES_Seal} esId, when the signature carries a seal structure. */
  static final String SEAL_ID = "sealId";

  LedgerBinding {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(actorKey, "actorKey");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(clock, "clock");
  }

  /** Signs the event for this signature and asks the ledger for its receipt. */
  Optional<ChainReceipt> log(
      byte[] documentSha256, byte[] signatureValueSha256, Optional<String> sealId) {
    Map<String, String> data = new HashMap<>();
    data.put(DOCUMENT_DIGEST, HexFormat.of().formatHex(documentSha256));
    data.put(SIGNATURE_VALUE_DIGEST, HexFormat.of().formatHex(signatureValueSha256));
    sealId.ifPresent(id -> data.put(SEAL_ID, id));
    LedgerEvent event =
        LedgerEvent.create(
                LedgerEventType.SEAL_APPLIED,
                actor,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                Optional.of(flowId),
                Optional.of(previous),
                data)
            .sign(actorKey);
    return gateway.appendAndProve(event, maxWait);
  }
}

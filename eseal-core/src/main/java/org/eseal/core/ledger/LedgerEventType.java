package org.eseal.core.ledger;

/** What a ledger event records: a step of a signing flow, or a change around flows. */
public enum LedgerEventType {
  /** A signing flow starts; the first event of every flow. */
  FLOW_CREATED(true),
  /** An approval was requested under the seal's approval policy. */
  APPROVAL_REQUESTED(true),
  /** An approver approved. */
  APPROVAL_GRANTED(true),
  /** An approver rejected. */
  APPROVAL_REJECTED(true),
  /** The signer's identity was checked, bound to the flow, seal and document digest. */
  IDENTITY_VERIFIED(true),
  /** A seal was applied to the document (one event per seal, per signer). */
  SEAL_APPLIED(true),
  /** The flow ended with every seal applied. */
  FLOW_COMPLETED(true),
  /** The flow was cancelled. */
  FLOW_CANCELLED(true),
  /** The flow ran out of time. */
  FLOW_EXPIRED(true),
  /** The platform issued a seal. */
  SEAL_ISSUED(false),
  /** A seal was suspended. */
  SEAL_SUSPENDED(false),
  /** A seal was revoked. */
  SEAL_REVOKED(false),
  /** A seal owner authorized a vendor to use its seal. */
  AUTHORIZATION_GRANTED(false),
  /** An authorization was revoked. */
  AUTHORIZATION_REVOKED(false),
  /** A signing vendor registered with the platform. */
  VENDOR_REGISTERED(false);

  private final boolean flowStep;

  LedgerEventType(boolean flowStep) {
    this.flowStep = flowStep;
  }

  /** Whether events of this type belong to a flow and are hash-chained within it. */
  public boolean isFlowStep() {
    return flowStep;
  }

  /** Whether this type ends a flow: no event of the flow may follow it. */
  public boolean isTerminal() {
    return this == FLOW_COMPLETED || this == FLOW_CANCELLED || this == FLOW_EXPIRED;
  }
}

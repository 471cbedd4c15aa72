package org.eseal.core;

/** The life-cycle state of a seal on the platform. */
public enum SealStatus {
  /** The seal may be used. */
  ACTIVE,
  /** Use is paused; the seal may become active again. */
  SUSPENDED,
  /** The seal is withdrawn for good. */
  REVOKED
}

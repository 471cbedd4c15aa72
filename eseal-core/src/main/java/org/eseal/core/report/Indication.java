package org.eseal.core.report;

/** The main status of a validation, as defined by ETSI EN 319 102-1 section 5.1.3. */
public enum Indication {
  /** Every check that applies passed. */
  PASSED,
  /** A check failed in a way that no further information can repair (forged or broken). */
  FAILED,
  /** The checks that were possible passed, but the result cannot be confirmed either way. */
  INDETERMINATE
}

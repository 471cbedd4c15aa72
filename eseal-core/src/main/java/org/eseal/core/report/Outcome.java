package org.eseal.core.report;

/** The result of one {@link Check}. */
public enum Outcome {
  /** The check passed. */
  PASSED,
  /** The check failed. */
  FAILED,
  /** The check passed with a remark a person should read. */
  WARNING,
  /** The check does not apply to this signature. */
  NOT_APPLICABLE,
  /** The check could not be completed. */
  INDETERMINATE
}

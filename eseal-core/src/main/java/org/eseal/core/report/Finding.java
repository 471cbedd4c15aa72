package org.eseal.core.report;

import java.util.Objects;

/**
 * Something the verifier noticed that is not tied to one check: a change made after a signature, a
 * structure problem, trailing data.
 *
 * @param severity how much it matters
 * @param code a stable identifier, such as {@code "change.disallowed"}
 * @param message a sentence for a person, naming the revision and object involved
 */
public record Finding(Severity severity, String code, String message) {
  /** How much a finding matters. */
  public enum Severity {
    /** For information; changes nothing in the result. */
    INFO,
    /** Worth a person's attention; does not fail the document on its own. */
    WARNING,
    /** Fails the document. */
    ERROR
  }

  /** Validates the fields. */
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}

package org.eseal.core.report;

import java.util.Objects;

/**
 * One check made during verification.
 *
 * @param id a stable dotted identifier, such as {@code "byte-range.structure"}
 * @param outcome what the check found
 * @param detail a sentence for a person, naming the values involved
 */
public record Check(String id, Outcome outcome, String detail) {
  /** Validates the fields. */
  public Check {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }
}

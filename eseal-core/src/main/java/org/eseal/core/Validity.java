package org.eseal.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open validity period {@code [notBefore, notAfter)}.
 *
 * @param notBefore first instant of validity
 * @param notAfter first instant after validity
 */
public record Validity(Instant notBefore, Instant notAfter) {

  /** Checks that the period is not empty. */
  public Validity {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter " + notAfter + " must be after notBefore " + notBefore);
    }
  }

  /** Whether {@code instant} lies within the period. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(notBefore) && instant.isBefore(notAfter);
  }
}

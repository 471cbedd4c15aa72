package org.eseal.core.tlog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A note signature that verified against a trusted key.
 *
 * @param key the trusted key that made it
 * @param timestamp the cosignature time for {@link KeyType#COSIGNATURE_V1} keys, empty otherwise
 */
public record VerifiedSignature(VerifierKey key, Optional<Instant> timestamp) {
  /** Checks both fields are present. */
  public VerifiedSignature {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}

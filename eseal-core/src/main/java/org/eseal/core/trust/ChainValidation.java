package org.eseal.core.trust;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking a certificate chain against {@link TrustAnchors}.
 *
 * @param trusted whether the chain leads to a trust anchor under RFC 5280 path validation
 * @param problem why it does not, when {@code trusted} is false
 * @param path the validated path from the end-entity certificate to the anchor, inclusive; empty
 *     when the chain is not trusted
 */
public record ChainValidation(
    boolean trusted, Optional<String> problem, List<X509Certificate> path) {

  /** Checks that a trusted result has no problem and an untrusted one has one. */
  public ChainValidation {
    Objects.requireNonNull(problem, "problem");
    path = List.copyOf(path);
    if (trusted == problem.isPresent()) {
      throw new IllegalArgumentException("a result has a problem exactly when it is not trusted");
    }
  }

  static ChainValidation trusted(List<X509Certificate> path) {
    return new ChainValidation(true, Optional.empty(), path);
  }

  static ChainValidation untrusted(String problem) {
    return new ChainValidation(false, Optional.of(problem), List.of());
  }
}

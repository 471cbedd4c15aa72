package org.eseal.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verification result of one signature in a PDF.
 *
 * <p>Fields that come from the signature dictionary ({@code signerName}, {@code reason}, {@code
 * location}, {@code claimedSigningTime}) are read from the revision the signature covers, never
 * from a later revision, so that a redefined dictionary cannot change what is shown.
 *
 * @param fieldName the fully qualified name of the signature field
 * @param revision the 1-based revision of the document the signature covers
 * @param coversWholeDocument whether the byte range ends at the end of the file
 * @param signerName the subject of the signing certificate, or the dictionary's {@code /Name}
 * @param claimedSigningTime the {@code /M} entry or the CMS signing-time attribute
 * @param reason the {@code /Reason} entry
 * @param location the {@code /Location} entry
 * @param platformSeal whether the signature carries a platform seal structure (GB/T 38540)
 * @param sealId the seal id of that structure
 * @param checks every check made, in order
 * @param findings remarks about this signature that are not checks
 * @param indication the result (ETSI EN 319 102-1 section 5.1.3)
 * @param subIndication the reason, absent when the result is {@link Indication#PASSED}
 */
public record SignatureReport(
    String fieldName,
    int revision,
    boolean coversWholeDocument,
    Optional<String> signerName,
    Optional<Instant> claimedSigningTime,
    Optional<String> reason,
    Optional<String> location,
    boolean platformSeal,
    Optional<String> sealId,
    List<Check> checks,
    List<Finding> findings,
    Indication indication,
    Optional<SubIndication> subIndication) {

  /** Validates the fields and copies the lists. */
  public SignatureReport {
    Objects.requireNonNull(fieldName, "fieldName");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1: " + revision);
    }
    Objects.requireNonNull(signerName, "signerName");
    Objects.requireNonNull(claimedSigningTime, "claimedSigningTime");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(sealId, "sealId");
    checks = List.copyOf(checks);
    findings = List.copyOf(findings);
    Objects.requireNonNull(indication, "indication");
    Objects.requireNonNull(subIndication, "subIndication");
    if (indication == Indication.PASSED && subIndication.isPresent()) {
      throw new IllegalArgumentException("subIndication must be absent when PASSED");
    }
  }

  /** The check with the given id, if it was made. */
  public Optional<Check> check(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}

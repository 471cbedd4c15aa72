package org.eseal.core.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * The verification result of a whole PDF: one {@link SignatureReport} per signature, findings about
 * the document itself, and an overall indication.
 *
 * <p>The overall indication is {@link Indication#FAILED} when a signature failed or a change after
 * a signature is not allowed, {@link Indication#INDETERMINATE} when a signature could not be
 * confirmed or there is no signature, and {@link Indication#PASSED} otherwise.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param file the file name or a label for the input
 * @param sha256 the lower-case hex SHA-256 of the whole file
 * @param revisions the number of revisions (incremental updates plus the original)
 * @param signatures the signatures, in the order of their revisions
 * @param documentFindings findings about the document: changes after signing, structure
 * @param indication the overall result
 * @param subIndication the reason, absent when the result is {@link Indication#PASSED}
 */
public record DocumentReport(
    String file,
    String sha256,
    int revisions,
    List<SignatureReport> signatures,
    List<Finding> documentFindings,
    Indication indication,
    Optional<SubIndication> subIndication) {

  /** Validates the fields and copies the lists. */
  public DocumentReport {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    if (revisions < 0) {
      throw new IllegalArgumentException("revisions must not be negative: " + revisions);
    }
    signatures = List.copyOf(signatures);
    documentFindings = List.copyOf(documentFindings);
    Objects.requireNonNull(indication, "indication");
    Objects.requireNonNull(subIndication, "subIndication");
    if (indication == Indication.PASSED && subIndication.isPresent()) {
      throw new IllegalArgumentException("subIndication must be absent when PASSED");
    }
  }

  /** Whether the overall result is {@link Indication#PASSED}. */
  public boolean passed() {
    return indication == Indication.PASSED;
  }

  /**
   * Returns normally when the overall result is {@link Indication#PASSED}.
   *
   * @throws ESealException with {@link ErrorCode#VERIFICATION_FAILED} otherwise; the message names
   *     the indication, the sub-indication and the first failing check or finding
   */
  public void requirePassed() {
    if (passed()) {
      return;
    }
    throw new ESealException(
        ErrorCode.VERIFICATION_FAILED,
        file + ": " + indication + subIndication.map(s -> " " + s).orElse("") + firstProblem());
  }

  private String firstProblem() {
    for (Finding f : documentFindings) {
      if (f.severity() == Finding.Severity.ERROR) {
        return ": " + f.message();
      }
    }
    for (SignatureReport s : signatures) {
      for (Check c : s.checks()) {
        if (c.outcome() == Outcome.FAILED || c.outcome() == Outcome.INDETERMINATE) {
          return ": " + s.fieldName() + " " + c.id() + ": " + c.detail();
        }
      }
    }
    return documentFindings.isEmpty() ? "" : ": " + documentFindings.get(0).message();
  }

  /** The report as JSON, in the form described by {@code report.schema.json}. */
  public String toJson() {
    return ReportJson.write(this);
  }

  /** The report as plain text for a terminal: a document block, then one block per signature. */
  public String toText() {
    return ReportText.render(this);
  }
}

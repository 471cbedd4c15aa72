package org.eseal.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eseal.core.report.Check;
import org.eseal.core.report.Indication;
import org.eseal.core.report.Outcome;
import org.eseal.core.report.SubIndication;

/**
 * Collects the checks of one signature and derives its indication: FAILED wins over INDETERMINATE,
 * which wins over PASSED; the first sub-indication recorded at the winning level is kept (ETSI EN
 * 319 102-1 5.1.3).
 */
final class Verdict {
  private final List<Check> checks = new ArrayList<>();
  private SubIndication failed;
  private SubIndication indeterminate;

  void pass(String id, String detail) {
    checks.add(new Check(id, Outcome.PASSED, detail));
  }

  void warn(String id, String detail) {
    checks.add(new Check(id, Outcome.WARNING, detail));
  }

  void notApplicable(String id, String detail) {
    checks.add(new Check(id, Outcome.NOT_APPLICABLE, detail));
  }

  void fail(String id, SubIndication sub, String detail) {
    checks.add(new Check(id, Outcome.FAILED, detail));
    if (failed == null) {
      failed = sub;
    }
  }

  void indeterminate(String id, SubIndication sub, String detail) {
    checks.add(new Check(id, Outcome.INDETERMINATE, detail));
    if (indeterminate == null) {
      indeterminate = sub;
    }
  }

  boolean hasFailed() {
    return failed != null;
  }

  List<Check> checks() {
    return List.copyOf(checks);
  }

  Indication indication() {
    if (failed != null) {
      return Indication.FAILED;
    }
    return indeterminate != null ? Indication.INDETERMINATE : Indication.PASSED;
  }

  Optional<SubIndication> subIndication() {
    return Optional.ofNullable(failed != null ? failed : indeterminate);
  }
}

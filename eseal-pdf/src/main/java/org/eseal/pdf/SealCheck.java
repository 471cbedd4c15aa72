package org.eseal.pdf;

import java.util.Optional;
import org.eseal.core.report.SubIndication;

/** Checks the platform facts of a seal signature (DESIGN.md section 6, GB/T 38540). */
final class SealCheck {
  static final String PLATFORM = "seal.platform";
  static final String STRUCTURE = "seal.structure";

  private SealCheck() {}

  static Optional<String> check(
      CmsCheck.Result cms,
      boolean platform,
      RevisionCache cache,
      int revision,
      String field,
      Verdict v) {
    if (!platform) {
      v.notApplicable(PLATFORM, "non-platform signature: verified as plain PAdES");
      return Optional.empty();
    }
    v.indeterminate(
        STRUCTURE,
        SubIndication.SIG_CONSTRAINTS_FAILURE,
        "the seal structure cannot be decoded by this version");
    return Optional.empty();
  }
}

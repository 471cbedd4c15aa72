package org.eseal.core.report;

import java.util.List;
import java.util.Optional;

/** Renders a report as plain text for a person reading it in a terminal. */
final class ReportText {
  private ReportText() {}

  static String render(DocumentReport r) {
    StringBuilder b = new StringBuilder();
    b.append("Document   ").append(r.file()).append('\n');
    b.append("SHA-256    ").append(r.sha256()).append('\n');
    b.append("Revisions  ").append(r.revisions()).append('\n');
    b.append("Signatures ").append(r.signatures().size()).append('\n');
    b.append("Result     ").append(result(r.indication(), r.subIndication().map(Enum::name)));
    b.append('\n');
    findings(b, r.documentFindings(), "");
    for (SignatureReport s : r.signatures()) {
      b.append('\n');
      b.append("Signature \"").append(s.fieldName()).append("\" (revision ");
      b.append(s.revision()).append(s.coversWholeDocument() ? ", covers the whole document)" : ")");
      b.append('\n');
      line(b, "Result", result(s.indication(), s.subIndication().map(Enum::name)));
      s.signerName().ifPresent(v -> line(b, "Signer", v));
      s.claimedSigningTime().ifPresent(v -> line(b, "Signed at", v + " (claimed)"));
      s.reason().ifPresent(v -> line(b, "Reason", v));
      s.location().ifPresent(v -> line(b, "Location", v));
      line(b, "Seal", s.platformSeal() ? "platform seal " + s.sealId().orElse("?") : "none");
      for (Check c : s.checks()) {
        b.append(String.format("  %-17s%-30s%s%n", mark(c.outcome()), c.id(), c.detail()));
      }
      findings(b, s.findings(), "  ");
    }
    return b.toString();
  }

  private static String result(Indication i, Optional<String> sub) {
    return i + sub.map(s -> " / " + s).orElse("");
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(String.format("  %-11s%s%n", label, value));
  }

  private static String mark(Outcome o) {
    return "[" + o + "]";
  }

  private static void findings(StringBuilder b, List<Finding> findings, String indent) {
    for (Finding f : findings) {
      b.append(indent).append(f.severity()).append(": ").append(f.message());
      b.append(" [").append(f.code()).append("]\n");
    }
  }
}

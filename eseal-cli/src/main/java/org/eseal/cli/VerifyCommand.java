package org.eseal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eseal.core.report.DocumentReport;
import org.eseal.core.report.Indication;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.WitnessPolicy;
import org.eseal.core.trust.TrustAnchors;
import org.eseal.pdf.PdfVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eseal verify}: verifies every signature of a PDF. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify every signature and seal of a PDF and print a report.",
      "Exit code 0: PASSED; 1: FAILED or INDETERMINATE; 2: the file could not be read."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--trust",
      paramLabel = "FILE.pem",
      description = "Trust anchors (PEM certificates). Without it no chain is trusted.")
  Path trust;

  @Option(
      names = "--ledger-policy",
      paramLabel = "FILE",
      description =
          "Ledger witness policy (tlog-policy text, SHA-256 tree) to check chain receipts."
              + " Without it a receipt's proof is not checked.")
  Path ledgerPolicy;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Parameters(index = "0", paramLabel = "FILE.pdf")
  Path input;

  @Override
  public Integer call() {
    Inputs.requireFile(input, "PDF");
    PdfVerifier.Builder builder = PdfVerifier.builder();
    if (trust != null) {
      builder.trustAnchors(TrustAnchors.readPem(Inputs.requireFile(trust, "trust anchor file")));
    }
    if (ledgerPolicy != null) {
      byte[] text = Inputs.read(ledgerPolicy, "ledger policy file");
      builder.ledgerPolicy(
          WitnessPolicy.parse(new String(text, StandardCharsets.UTF_8)), HashAlgorithm.SHA_256);
    }
    DocumentReport report = builder.build().verify(input);
    spec.commandLine().getOut().println(json ? report.toJson() : report.toText());
    return report.indication() == Indication.PASSED ? Main.EXIT_OK : Main.EXIT_INVALID;
  }
}

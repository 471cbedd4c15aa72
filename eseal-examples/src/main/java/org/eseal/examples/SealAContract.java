package org.eseal.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import org.eseal.core.report.DocumentReport;
import org.eseal.pdf.PdfSealer;
import org.eseal.pdf.PdfVerifier;
import org.eseal.pdf.SampleContract;
import org.eseal.pdf.SealPlacement;
import org.eseal.sandbox.IssuedSeal;
import org.eseal.sandbox.Registration;
import org.eseal.sandbox.Sandbox;

/**
 * Registers a company on the sandbox platform, seals a contract on its party A line and verifies
 * the result.
 *
 * <p>Run: {@code java org.eseal.examples.SealAContract DIR}; the sealed contract lands in DIR.
 */
public final class SealAContract {
  private SealAContract() {}

  /** Seals a generated contract in {@code directory} and returns the verification report. */
  public static DocumentReport run(Path directory) {
    try (Sandbox sandbox = Sandbox.start()) {
      // The platform issues the e-licence and the official seal together at registration.
      String name = "杭州示例科技有限公司";
      Registration registration = sandbox.registerCompany(name, "91330106MA2B3C4D5D");
      IssuedSeal official = registration.officialSeal();

      Path contract = directory.resolve("contract.pdf");
      SampleContract.write(
          contract, registration.organization(), "上海样例贸易有限公司", LocalDate.of(2026, 1, 15));

      Path sealed = directory.resolve("contract-sealed.pdf");
      PdfSealer sealer =
          PdfSealer.builder().signer(official.signer()).seal(official.seal()).build();
      sealer.seal(
          contract,
          sealed,
          SealPlacement.keyword(SampleContract.PARTY_A_ANCHOR, SealPlacement.Occurrence.FIRST));

      return PdfVerifier.builder().trustAnchors(sandbox.trustAnchors()).build().verify(sealed);
    }
  }

  /** Entry point. */
  public static void main(String[] args) {
    Path directory = Path.of(args.length > 0 ? args[0] : ".");
    System.out.println(run(directory).toText());
  }
}

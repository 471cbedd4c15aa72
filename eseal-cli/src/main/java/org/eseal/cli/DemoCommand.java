package org.eseal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.Seal;
import org.eseal.core.image.SealImages;
import org.eseal.core.internal.AtomicFiles;
import org.eseal.core.ledger.LedgerEvent;
import org.eseal.core.ledger.LedgerEventType;
import org.eseal.core.ledger.LedgerTrustPolicy;
import org.eseal.core.report.DocumentReport;
import org.eseal.core.report.Indication;
import org.eseal.pdf.PdfSealer;
import org.eseal.pdf.PdfVerifier;
import org.eseal.pdf.SampleContract;
import org.eseal.pdf.SealPlacement;
import org.eseal.pdf.SealResult;
import org.eseal.sandbox.Registration;
import org.eseal.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eseal demo}: the whole job on the embedded sandbox, from company registration to a
 * verified sealed contract.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start the sandbox platform in-process, register a sample company (its e-licence and"
          + " official seal are issued together), seal a contract and verify it.",
      "Without FILE.pdf a two-page bilingual purchase contract is generated."
    })
final class DemoCommand implements Callable<Integer> {
  static final String COMPANY_NAME = "杭州示例科技有限公司";
  static final String COMPANY_CODE = "91330106MA2B3C4D5D";
  static final String SELLER_NAME = "上海样例贸易有限公司";
  static final String VENDOR = "demo-vendor";
  static final String LEDGER_POLICY_FILE = "ledger-policy.txt";
  private static final Duration LEDGER_WAIT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "eseal-demo",
      paramLabel = "DIR",
      description = "Where the results go (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.pdf", description = "PDF to seal.")
  Path input;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (input != null) {
      Inputs.requireFile(input, "input PDF");
    }
    Files.createDirectories(outDir);

    // The sandbox keeps its CA under the demo folder, so a second run issues from the same root
    // and what the first run sealed still verifies against trust.pem.
    Path sandboxData = outDir.resolve("sandbox");
    try (Sandbox sandbox = Sandbox.builder().dataDirectory(sandboxData).build()) {
      out.println("1. Sandbox platform started in-process (state in " + sandboxData + ").");

      Registration registration = sandbox.registerCompany(COMPANY_NAME, COMPANY_CODE);
      Seal seal = registration.officialSeal().seal();
      out.printf(
          "2. Registered %s (unified social credit code %s, checked).%n",
          registration.organization().name(), registration.organization().creditCode());
      out.printf(
          "   E-licence %s and official seal %s issued together.%n",
          registration.licence().licenceNumber(), seal.id());

      Path document = input;
      if (document == null) {
        document = outDir.resolve("contract.pdf");
        SampleContract.write(
            document, registration.organization(), SELLER_NAME, LocalDate.now(ZoneId.of("+8")));
        out.println("3. Generated a two-page bilingual purchase contract: " + document);
      } else {
        out.println("3. Using " + document);
      }

      // The vendor signs its ledger events with its own key; the flow starts on the ledger, and
      // the seal's SEAL_APPLIED event continues it.
      KeyPair vendorKey = newVendorKey();
      String flowId = "flow-" + HexFormat.of().formatHex(randomBytes(8));
      LedgerTrustPolicy ledgerTrust = sandbox.ledgerTrustPolicy();
      LedgerEvent created =
          LedgerEvent.create(
                  LedgerEventType.FLOW_CREATED,
                  VENDOR,
                  Instant.now().truncatedTo(ChronoUnit.SECONDS),
                  Optional.of(flowId),
                  Optional.empty(),
                  Map.of())
              .sign(vendorKey.getPrivate());
      sandbox.ledgerGateway().appendAndProve(created, LEDGER_WAIT);

      Path sealed = outDir.resolve(sealedName(document));
      PdfSealer sealer =
          PdfSealer.builder()
              .signer(registration.officialSeal().signer())
              .seal(seal)
              .reason("合同签署 Contract signing")
              .location("杭州 Hangzhou")
              .ledger(sandbox.ledgerGateway(), vendorKey.getPrivate(), VENDOR, LEDGER_WAIT)
              .flow(flowId, created.leafHash(ledgerTrust.algorithm()))
              .build();
      SealResult result = sealWhereItBelongs(sealer, document, sealed);
      out.printf("4. Sealed page %d: %s%n", result.page(), sealed);
      out.printf(
          "   SEAL_APPLIED logged in flow %s; its chain receipt is inside the signature.%n",
          flowId);
      result.warnings().forEach(w -> out.println("   warning: " + w));

      exportSeal(registration, sandbox);
      writeAtomically(outDir.resolve(LEDGER_POLICY_FILE), sandbox.ledgerPolicyText());
      DocumentReport report =
          PdfVerifier.builder()
              .trustAnchors(sandbox.trustAnchors())
              .ledgerPolicy(ledgerTrust)
              .build()
              .verify(sealed);
      writeAtomically(outDir.resolve("report.json"), report.toJson());
      out.println("5. Verified against the sandbox trust anchors and ledger policy:");
      out.println();
      out.println(report.toText());
      out.println();
      out.println("Results in " + outDir.toAbsolutePath() + ":");
      out.println(
          "  "
              + sealed.getFileName()
              + ", seal.png, report.json, seal.p12 (+ .pass),"
              + " seal.ses, trust.pem, "
              + LEDGER_POLICY_FILE);
      out.println("Go on with any PDF:");
      out.printf(
          "  eseal seal --key %s --page 1 --x 120 --y 200 in.pdf out.pdf%n",
          outDir.resolve("seal.p12"));
      out.printf(
          "  eseal verify --trust %s --ledger-policy %s out.pdf%n",
          outDir.resolve("trust.pem"), outDir.resolve(LEDGER_POLICY_FILE));
      return report.indication() == Indication.PASSED ? Main.EXIT_OK : Main.EXIT_INVALID;
    }
  }

  /** The generated contract has an anchor; any other PDF gets the seal on its first page. */
  private static SealResult sealWhereItBelongs(PdfSealer sealer, Path document, Path sealed) {
    try {
      return sealer.seal(
          document,
          sealed,
          SealPlacement.keyword(SampleContract.PARTY_A_ANCHOR, SealPlacement.Occurrence.FIRST));
    } catch (ESealException e) {
      if (e.code() != ErrorCode.KEYWORD_NOT_FOUND) {
        throw e;
      }
      return sealer.seal(document, sealed, SealPlacement.at(1, 40, 40));
    }
  }

  private void exportSeal(Registration registration, Sandbox sandbox) throws IOException {
    Seal seal = registration.officialSeal().seal();
    SealImages.writePng(seal.image(), outDir.resolve("seal.png"));
    char[] password = newPassword();
    AtomicFiles.writeSecret(
        outDir.resolve("seal.p12"), registration.officialSeal().toPkcs12(password));
    AtomicFiles.writeSecret(
        outDir.resolve("seal.p12.pass"),
        (new String(password) + "\n").getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(outDir.resolve("seal.ses"), seal.structure().encoded());
    sandbox.trustAnchors().writePem(outDir.resolve("trust.pem"));
  }

  private static String sealedName(Path document) {
    return SealCommand.siblingWithSuffix(document.getFileName(), "-sealed.pdf").toString();
  }

  private static char[] newPassword() {
    return HexFormat.of().formatHex(randomBytes(12)).toCharArray();
  }

  private static byte[] randomBytes(int n) {
    byte[] random = new byte[n];
    new SecureRandom().nextBytes(random);
    return random;
  }

  private static KeyPair newVendorKey() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new ESealException(ErrorCode.KEY_ERROR, "Ed25519 is not available", e);
    }
  }

  private static void writeAtomically(Path file, String text) {
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}

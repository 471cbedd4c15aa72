package org.eseal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eseal.core.ses.SesSeal;
import org.eseal.core.sign.SoftwareSigner;
import org.eseal.pdf.PdfSealer;
import org.eseal.pdf.SealPlacement;
import org.eseal.pdf.SealResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eseal seal}: applies a seal to a PDF. */
@Command(
    name = "seal",
    mixinStandardHelpOptions = true,
    description = {
      "Seal a PDF with a PAdES signature whose widget shows the seal image.",
      "The seal structure (GB/T 38540) is read from --seal, or from the .ses file next to the"
          + " key store."
    })
final class SealCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "FILE.p12", description = "PKCS#12.")
  Path keyStore;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "File holding the key store password (default: KEY.p12.pass).")
  Path passwordFile;

  @Option(
      names = "--seal",
      paramLabel = "FILE.ses",
      description = "GB/T 38540 seal structure (default: the key store's name with .ses).")
  Path sealFile;

  @Option(
      names = "--owner-password",
      arity = "0..1",
      interactive = true,
      description = "Owner password of a PDF whose permissions forbid signing.")
  char[] ownerPassword;

  @Option(names = "--reason", description = "Reason shown in the signature.")
  String reason;

  @Option(names = "--location", description = "Location shown in the signature.")
  String location;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  static final class Where {
    @ArgGroup(exclusive = false)
    Position position;

    @Option(
        names = "--keyword",
        paramLabel = "TEXT",
        description = "Centre the seal on the first occurrence of TEXT, e.g. 甲方（盖章）.")
    String keyword;
  }

  static final class Position {
    @Option(names = "--page", required = true, description = "Page number, from 1.")
    int page;

    @Option(names = "--x", required = true, description = "Seal centre, mm from the left edge.")
    double xMm;

    @Option(names = "--y", required = true, description = "Seal centre, mm from the top edge.")
    double yMm;
  }

  @Parameters(index = "0", paramLabel = "IN.pdf")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT.pdf")
  Path output;

  @Option(
      names = "--field",
      paramLabel = "NAME",
      description = "Sign this existing empty signature field (or create a field of that name).")
  String fieldName;

  @Override
  public Integer call() {
    Inputs.requireFile(input, "input PDF");
    Inputs.requireOutput(input, output);
    Inputs.requireFile(keyStore, "key store");
    SoftwareSigner signer = SoftwareSigner.fromPkcs12(keyStore, readPassword());
    SesSeal seal = SesSeal.decode(Inputs.read(sealFile(), "seal structure (.ses) file"));
    PdfSealer.Builder builder =
        PdfSealer.builder().signer(signer).sealImage(seal.picture()).sealStructure(seal.encoded());
    if (reason != null) {
      builder.reason(reason);
    }
    if (location != null) {
      builder.location(location);
    }
    if (ownerPassword != null) {
      builder.ownerPassword(ownerPassword);
    }
    if (fieldName != null) {
      builder.fieldName(fieldName);
    }
    SealPlacement placement =
        where.keyword != null
            ? SealPlacement.keyword(where.keyword, SealPlacement.Occurrence.FIRST)
            : SealPlacement.at(where.position.page, where.position.xMm, where.position.yMm);

    SealResult result = builder.build().seal(input, output, placement);
    var out = spec.commandLine().getOut();
    out.printf(
        "sealed %s -> %s (page %d, field %s)%n", input, output, result.page(), result.fieldName());
    result.warnings().forEach(w -> out.println("warning: " + w));
    return Main.EXIT_OK;
  }

  private Path sealFile() {
    if (sealFile != null) {
      return sealFile;
    }
    return siblingWithSuffix(keyStore, ".ses");
  }

  private char[] readPassword() {
    Path file =
        passwordFile != null
            ? passwordFile
            : keyStore.resolveSibling(keyStore.getFileName() + ".pass");
    return new String(Inputs.read(file, "key store password file"), StandardCharsets.UTF_8)
        .strip()
        .toCharArray();
  }

  static Path siblingWithSuffix(Path file, String suffix) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
  }
}

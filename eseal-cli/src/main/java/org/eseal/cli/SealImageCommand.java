package org.eseal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.eseal.core.image.SealImages;
import org.eseal.core.image.SealRenderer;
import org.eseal.core.image.SealSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eseal seal-image}: renders a seal picture to PNG. */
@Command(
    name = "seal-image",
    mixinStandardHelpOptions = true,
    description = "Render a seal image (round, oval or square, by kind) to a PNG file.")
final class SealImageCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--name", required = true, description = "Holder name, e.g. the company name.")
  String name;

  @Option(
      names = "--kind",
      defaultValue = "OFFICIAL",
      description =
          "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). Official and contract"
              + " seals are round, finance and invoice seals oval (40 x 30 mm at 42), name and"
              + " signature seals square (half the size).")
  SealKind kind;

  @Option(names = "--code", defaultValue = "", description = "Seal code along the lower arc.")
  String code;

  @Option(
      names = "--size",
      defaultValue = "42",
      description = "Diameter of a round seal in mm; 40 and 42 are the standard sizes (20 to 60).")
  double sizeMm;

  @Parameters(index = "0", paramLabel = "OUT.png", description = "Where to write the PNG.")
  Path output;

  @Override
  public Integer call() {
    Inputs.requireOutputFile(output);
    SealRenderer renderer = SealRenderer.builder().sizeMm(sizeMm).build();
    SealImage image = renderer.render(new SealSpec(name, kind, code));
    SealImages.writePng(image, output);
    spec.commandLine()
        .getOut()
        .printf("wrote %s (%.0f x %.0f mm)%n", output, image.widthMm(), image.heightMm());
    return Main.EXIT_OK;
  }
}

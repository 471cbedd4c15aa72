package org.eseal.cli;

import java.io.PrintWriter;
import org.eseal.core.ESealException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code eseal} command.
 *
 * <p>Exit codes: 0 the work succeeded (for {@code verify}: the document is valid), 1 the document
 * is not valid, 2 bad usage or unusable input.
 */
@Command(
    name = "eseal",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Seal PDFs with platform electronic seals and verify sealed PDFs.",
    subcommands = {
      DemoCommand.class,
      SealCommand.class,
      VerifyCommand.class,
      SealImageCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  static final int EXIT_OK = 0;
  static final int EXIT_INVALID = 1;
  static final int EXIT_USAGE = 2;

  private Main() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command with the given streams and returns the exit code; for tests. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    System.setProperty("java.awt.headless", "true");
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ESealException failure) {
            commandLine
                .getErr()
                .println("eseal: " + failure.getMessage() + " [" + failure.code() + "]");
            return EXIT_USAGE;
          }
          if (e instanceof IllegalArgumentException misuse) {
            // Values picocli cannot judge (a page of 0, a name the seal font cannot draw) are
            // refused by the SDK; to the user they are bad usage, not a crash.
            commandLine.getErr().println("eseal: " + misuse.getMessage());
            return EXIT_USAGE;
          }
          throw e;
        });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"eseal " + (version == null ? "(development build)" : version)};
    }
  }
}

package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** The external checkers the tests use: qpdf and poppler's pdfsig, and the shared corpus. */
final class Tools {
  private Tools() {}

  /**
   * Output and exit code of a finished process.
   *
   * @param exit exit code
   * @param output standard output and error
   */
  record Run(int exit, String output) {}

  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** The corpus directory, or skips (fails under CI) when it is missing. */
  static Path corpus(String sub) {
    String shared = System.getProperty("eseal.shared", "../../shared");
    Path dir = Path.of(shared, "corpus", sub);
    if (!Files.isDirectory(dir)) {
      if (ci()) {
        fail("corpus missing under CI: " + dir.toAbsolutePath());
      }
      Assumptions.abort("corpus not found at " + dir.toAbsolutePath());
    }
    return dir;
  }

  /** Requires an installed tool, skipping (failing under CI) when it is missing. */
  static void require(String tool) {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        found = true;
      }
    }
    if (!found) {
      if (ci()) {
        fail(tool + " is not installed (apt-get install -y poppler-utils qpdf)");
      }
      Assumptions.abort(tool + " is not installed");
    }
  }

  static Run run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("timed out: " + String.join(" ", command));
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Run qpdfCheck(Path pdf) {
    require("qpdf");
    return run("qpdf", "--check", pdf.toString());
  }

  /** The per-signature validation lines of pdfsig, in file order. */
  static List<String> signatureStates(Path pdf) {
    require("pdfsig");
    Run run = run("pdfsig", "-nocert", pdf.toString());
    List<String> states = new ArrayList<>();
    Matcher m = Pattern.compile("Signature Validation: (.*)").matcher(run.output());
    while (m.find()) {
      states.add(m.group(1).trim());
    }
    return states;
  }

  static String pdfsig(Path pdf) {
    require("pdfsig");
    return run("pdfsig", "-nocert", pdf.toString()).output();
  }
}

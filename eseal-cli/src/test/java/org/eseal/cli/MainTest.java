package org.eseal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void demo_noArguments_passesAndLeavesResults() {
    Path demo = dir.resolve("eseal-demo");

    int exit = run("demo", "--out", demo.toString());

    assertEquals(0, exit, out + "\n" + err);
    assertTrue(out.toString().contains("PASSED"), out.toString());
    for (String name :
        List.of(
            "contract-sealed.pdf",
            "seal.png",
            "report.json",
            "seal.p12",
            "seal.p12.pass",
            "seal.ses",
            "trust.pem")) {
      assertTrue(Files.isRegularFile(demo.resolve(name)), name + " missing");
    }
  }

  @Test
  void sealThenVerify_withDemoSeal_exitCodes() throws Exception {
    Path demo = dir.resolve("eseal-demo");
    assertEquals(0, run("demo", "--out", demo.toString()), err.toString());
    Path in = demo.resolve("contract.pdf");
    Path sealed = dir.resolve("out.pdf");

    int sealExit =
        run(
            "seal",
            "--key",
            demo.resolve("seal.p12").toString(),
            "--page",
            "1",
            "--x",
            "120",
            "--y",
            "200",
            in.toString(),
            sealed.toString());
    int verifyExit =
        run("verify", "--trust", demo.resolve("trust.pem").toString(), sealed.toString());
    int untrustedExit = run("verify", sealed.toString());

    assertEquals(0, sealExit, err.toString());
    assertEquals(0, verifyExit, out.toString());
    assertEquals(1, untrustedExit, "no trust anchors: the chain cannot be trusted");
  }

  @Test
  void verify_ledgerPolicyFromDemo_checksReceiptProof() {
    Path demo = dir.resolve("eseal-demo");
    assertEquals(0, run("demo", "--out", demo.toString()), err.toString());
    Path policy = demo.resolve("ledger-policy.txt");
    assertTrue(Files.isRegularFile(policy));

    int exit =
        run(
            "verify",
            "--json",
            "--trust",
            demo.resolve("trust.pem").toString(),
            "--ledger-policy",
            policy.toString(),
            demo.resolve("contract-sealed.pdf").toString());

    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().contains("receipt.proof"), out.toString());
    assertTrue(out.toString().contains("cosigned by"), out.toString());
  }

  @Test
  void verify_tamperedFile_exitsOne() throws Exception {
    Path demo = dir.resolve("eseal-demo");
    assertEquals(0, run("demo", "--out", demo.toString()), err.toString());
    Path sealed = demo.resolve("contract-sealed.pdf");
    byte[] bytes = Files.readAllBytes(sealed);
    bytes[200] ^= 0x01;
    Path tampered = dir.resolve("tampered.pdf");
    Files.write(tampered, bytes);

    int exit =
        run(
            "verify",
            "--json",
            "--trust",
            demo.resolve("trust.pem").toString(),
            tampered.toString());

    assertEquals(1, exit);
    assertTrue(out.toString().contains("FAILED"), out.toString());
  }

  @Test
  void seal_notAPdf_exitsTwoAndWritesNothing() throws Exception {
    Path demo = dir.resolve("eseal-demo");
    assertEquals(0, run("demo", "--out", demo.toString()), err.toString());
    Path bogus = dir.resolve("bogus.pdf");
    Files.write(bogus, "hello, not a pdf".getBytes(StandardCharsets.UTF_8));
    Path target = dir.resolve("never.pdf");

    int exit =
        run(
            "seal",
            "--key",
            demo.resolve("seal.p12").toString(),
            "--page",
            "1",
            "--x",
            "50",
            "--y",
            "50",
            bogus.toString(),
            target.toString());

    assertEquals(2, exit);
    assertTrue(err.toString().contains("NOT_A_PDF"), err.toString());
    assertFalse(Files.exists(target));
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void demo_runTwice_earlierSealStillVerifies() {
    Path demo = dir.resolve("eseal-demo");
    assertEquals(0, run("demo", "--out", demo.toString()), err.toString());
    Path first = dir.resolve("first.pdf");
    assertEquals(
        0,
        run(
            "seal",
            "--key",
            demo.resolve("seal.p12").toString(),
            "--keyword",
            "乙方（盖章）",
            demo.resolve("contract.pdf").toString(),
            first.toString()),
        err.toString());

    assertEquals(0, run("demo", "--out", demo.toString()), err.toString());

    assertEquals(
        0, run("verify", "--trust", demo.resolve("trust.pem").toString(), first.toString()));
  }

  @Test
  void seal_badValues_usageErrorsWithoutStackTrace() throws Exception {
    Path demo = dir.resolve("eseal-demo");
    assertEquals(0, run("demo", "--out", demo.toString()), err.toString());
    String key = demo.resolve("seal.p12").toString();
    String in = demo.resolve("contract.pdf").toString();
    String target = dir.resolve("out.pdf").toString();

    assertEquals(2, run("seal", "--key", key, "--page", "0", "--x", "1", "--y", "1", in, target));
    assertEquals(2, run("seal", "--key", key, "--keyword", "", in, target));
    assertEquals(2, run("seal", "--key", key, "--keyword", "甲方", in, in));
    assertEquals(2, run("seal", "--key", "missing.p12", "--keyword", "甲方", in, target));
    assertEquals(2, run("seal-image", "--name", "Café", dir.resolve("x.png").toString()));

    String errors = err.toString();
    assertFalse(errors.contains("\tat "), errors);
    assertTrue(errors.contains("is the input file"), errors);
    assertTrue(errors.contains("key store missing.p12 does not exist"), errors);
    assertFalse(Files.exists(dir.resolve("out.pdf")));
  }

  @Test
  void seal_missingPosition_isUsageError() {
    assertEquals(2, run("seal", "--key", "x.p12", "in.pdf", "out.pdf"));
  }

  @Test
  void sealImage_writesPng() throws Exception {
    Path png = dir.resolve("seal.png");
    String name = "杭州示例科技有限公司";

    int exit = run("seal-image", "--name", name, "--kind", "CONTRACT", png.toString());

    assertEquals(0, exit, err.toString());
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
    assertEquals((byte) 0x89, head[0]);
    assertEquals('P', head[1]);
  }
}

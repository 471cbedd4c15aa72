package org.eseal.bench;

import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import org.eseal.core.Seal;
import org.eseal.core.sign.SoftwareSigner;
import org.eseal.pdf.PdfSealer;
import org.eseal.pdf.SealPlacement;
import org.eseal.sandbox.Registration;
import org.eseal.sandbox.Sandbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seals one PDF three ways on the same file and key: with eseal, with a bare iText {@code
 * PdfSigner.signDetached} using iText's defaults, and the floor (read the file, JDK SHA-256 over
 * it, one signature, write it). The ratios of the first two to the floor are what matter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class SealingBenchmark {
  @Param({"1", "20"})
  public int megabytes;

  private Path workDir;
  private Path input;
  private Path output;
  private byte[] inputBytes;
  private SoftwareSigner signer;
  private PdfSealer sealer;
  private PrivateKey privateKey;
  private Certificate[] chain;

  /** Generates the input PDF and issues a seal on the sandbox, once per trial. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, GeneralSecurityException {
    workDir = Files.createTempDirectory("eseal-bench-");
    input = workDir.resolve("in-" + megabytes + "mb.pdf");
    output = workDir.resolve("out.pdf");
    BenchDocuments.write(input, megabytes * 1024L * 1024L);
    inputBytes = Files.readAllBytes(input);

    try (Sandbox sandbox = Sandbox.start()) {
      String name = "杭州示例科技有限公司";
      Registration registration = sandbox.registerCompany(name, "91330106MA2B3C4D5D");
      Seal seal = registration.officialSeal().seal();
      signer = registration.officialSeal().signer();
      sealer = PdfSealer.builder().signer(signer).seal(seal).build();
      char[] password = "bench".toCharArray();
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(
          new ByteArrayInputStream(registration.officialSeal().toPkcs12(password)), password);
      String alias = keyStore.aliases().nextElement();
      privateKey = (PrivateKey) keyStore.getKey(alias, password);
      chain = seal.certificateChain().toArray(new Certificate[0]);
    }
  }

  /** Removes the generated files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var files = Files.list(workDir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(workDir);
  }

  /** eseal: visible seal, PAdES B, seal structure attribute. */
  @Benchmark
  public void eseal() {
    sealer.seal(input, output, SealPlacement.at(1, 60, 60));
  }

  /** eseal on bytes in memory: the same work without the file system (no fsync, no rename). */
  @Benchmark
  public byte[] esealInMemory() {
    return sealer.seal(inputBytes, SealPlacement.at(1, 60, 60)).pdf();
  }

  /** Bare iText with its defaults: BouncyCastleDigest, invisible signature. */
  @Benchmark
  public void bareItext() throws IOException, GeneralSecurityException {
    try (OutputStream out = Files.newOutputStream(output)) {
      PdfSigner pdfSigner =
          new PdfSigner(
              new PdfReader(input.toFile()), out, new StampingProperties().useAppendMode());
      PrivateKeySignature signature = new PrivateKeySignature(privateKey, "SHA-256", null);
      pdfSigner.signDetached(
          new BouncyCastleDigest(),
          signature,
          chain,
          null,
          null,
          null,
          0,
          PdfSigner.CryptoStandard.CADES);
    }
  }

  /** The floor: read, JDK SHA-256, one signature, write. */
  @Benchmark
  public byte[] floor() throws IOException, GeneralSecurityException {
    byte[] bytes = Files.readAllBytes(input);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
    byte[] signature = signer.sign(digest);
    Files.write(output, bytes);
    return signature;
  }
}

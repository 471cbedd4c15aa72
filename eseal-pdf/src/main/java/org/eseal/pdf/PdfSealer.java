package org.eseal.pdf;

import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.io.source.RandomAccessSourceFactory;
import com.itextpdf.kernel.exceptions.PdfException;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.ReaderProperties;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.layout.element.Div;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.Seal;
import org.eseal.core.SealImage;
import org.eseal.core.internal.AtomicFiles;
import org.eseal.core.ledger.LedgerGateway;
import org.eseal.core.sign.Signer;
import org.eseal.core.tlog.Hash;
import org.eseal.pdf.SealResult.Rect;

/**
 * Applies a visible electronic seal to a PDF: a PAdES baseline B signature ({@code
 * ETSI.CAdES.detached}, ETSI EN 319 142-1) in an incremental update whose widget shows the seal
 * picture at its printed size.
 *
 * <p>The original bytes are kept unchanged at the start of the output, so earlier signatures stay
 * valid. Inputs that cannot be sealed safely are refused with an {@link ESealException} and leave
 * no output file: non-PDFs, truncated files, broken files that already hold signatures,
 * certifications that forbid changes, encryption whose permissions forbid signing, and XFA forms.
 *
 * <p>Instances are immutable and safe for use from several threads; each call reads the whole input
 * into memory.
 */
public final class PdfSealer {
  private final Signer signer;
  private final SealImage image;
  private final byte[] sealStructure;
  private final String reason;
  private final String location;
  private final char[] ownerPassword;
  private final String fieldName;
  private final Duration parseTimeout;
  private final SealAppearance appearance;
  private final Optional<LedgerBinding> ledger;

  private PdfSealer(Builder b) {
    this.signer = Objects.requireNonNull(b.signer, "signer");
    this.image = Objects.requireNonNull(b.image, "sealImage");
    this.sealStructure = b.sealStructure;
    this.reason = b.reason;
    this.location = b.location;
    this.ownerPassword = b.ownerPassword;
    this.fieldName = b.fieldName;
    this.parseTimeout = b.parseTimeout;
    this.appearance = SealAppearance.fromPng(image.png());
    if (b.gateway != null && b.flowId == null) {
      throw new IllegalStateException("ledger is set but flow is not: SEAL_APPLIED is a flow step");
    }
    this.ledger =
        b.gateway == null
            ? Optional.empty()
            : Optional.of(
                new LedgerBinding(
                    b.gateway,
                    b.actorKey,
                    b.actor,
                    b.maxWait,
                    b.flowId,
                    b.previous,
                    Clock.systemUTC()));
  }

  /** Starts a builder; {@link Builder#signer} and {@link Builder#sealImage} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Seals {@code input} into {@code output}. The output appears complete or not at all: it is
   * written to a temporary file beside it, flushed to disk and moved into place.
   *
   * @throws ESealException with the reason the input cannot be sealed, or {@link
   *     ErrorCode#IO_ERROR} when a file cannot be read or written
   */
  public SealResult seal(Path input, Path output, SealPlacement placement) {
    Objects.requireNonNull(output, "output");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(input);
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "reading " + input + " failed", e);
    }
    SealResult[] result = new SealResult[1];
    AtomicFiles.write(output, out -> result[0] = seal(bytes, out, placement));
    return result[0];
  }

  /**
   * Seals a PDF held in memory and returns the sealed bytes with the result.
   *
   * @throws ESealException with the reason the input cannot be sealed
   */
  public Sealed seal(byte[] input, SealPlacement placement) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 64 * 1024);
    SealResult result = seal(input, out, placement);
    return new Sealed(out.toByteArray(), result);
  }

  /**
   * Seals a PDF held in memory, writing the sealed PDF to {@code output}, which is closed.
   *
   * @throws ESealException with the reason the input cannot be sealed
   */
  public SealResult seal(byte[] input, OutputStream output, SealPlacement placement) {
    Objects.requireNonNull(placement, "placement");
    InputChecks.requireHeader(input);
    boolean tailIntact = InputChecks.tailIntact(input);
    Inspection.Plan plan =
        bounded(
            tailIntact,
            () ->
                Inspection.inspect(
                    reader(input),
                    XrefCheck.classicTablesSound(input),
                    tailIntact,
                    placement,
                    fieldName,
                    ownerPassword != null));
    byte[] source = plan.repair() ? rewrite(input) : input;
    try {
      return sign(source, output, plan);
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "writing the sealed PDF failed", e);
    } catch (GeneralSecurityException e) {
      throw new ESealException(ErrorCode.SIGNING_FAILED, "signing failed: " + e.getMessage(), e);
    } catch (PdfException e) {
      throw new ESealException(
          ErrorCode.SIGNING_FAILED, "the PDF could not be sealed: " + e.getMessage(), e);
    }
  }

  private SealResult sign(byte[] source, OutputStream output, Inspection.Plan plan)
      throws IOException, GeneralSecurityException {
    PdfReader reader = reader(source);
    reader.setUnethicalReading(plan.restricted());
    double width = image.widthMm() * PageGeometry.POINTS_PER_MM;
    double height = image.heightMm() * PageGeometry.POINTS_PER_MM;
    List<String> warnings = new ArrayList<>(plan.warnings());
    PageGeometry.Placed[] placed = new PageGeometry.Placed[1];
    SealingPdfSigner.WidgetPainter painter =
        widget -> {
          PdfDocument document = widget.getPage().getDocument();
          PdfPage page = document.getPage(plan.page());
          PageGeometry geometry = Inspection.geometry(page);
          PageGeometry.Placed p = geometry.place(plan.centreX(), plan.centreY(), width, height);
          placed[0] = p;
          Rect r = p.rect();
          widget.setRectangle(
              new com.itextpdf.kernel.pdf.PdfArray(
                  new Rectangle(
                      (float) r.llx(), (float) r.lly(), (float) r.width(), (float) r.height())));
          return appearance.create(
              document, p.width(), p.height(), geometry.rotation(), plan.pdfA());
        };
    SealingPdfSigner pdfSigner =
        new SealingPdfSigner(reader, output, new StampingProperties().useAppendMode(), painter);
    SignerProperties properties = new SignerProperties().setPageNumber(plan.page());
    String name = plan.existingField() != null ? plan.existingField() : plan.newFieldName();
    properties.setFieldName(name);
    if (plan.existingField() == null) {
      PageGeometry geometry = Inspection.geometry(pdfSigner.getDocument().getPage(plan.page()));
      Rect r = geometry.place(plan.centreX(), plan.centreY(), width, height).rect();
      properties.setPageRect(
          new Rectangle((float) r.llx(), (float) r.lly(), (float) r.width(), (float) r.height()));
    }
    SignatureFieldAppearance fieldAppearance =
        new SignatureFieldAppearance(SignerProperties.IGNORED_ID).setContent(new Div());
    properties.setSignatureAppearance(fieldAppearance);
    properties.setSignatureCreator("eseal");
    if (reason != null) {
      properties.setReason(reason);
    }
    if (location != null) {
      properties.setLocation(location);
    }
    pdfSigner.setSignerProperties(properties);
    CadesContainer container = new CadesContainer(signer, sealStructure, ledger);
    pdfSigner.signExternalContainer(container, container.estimatedSize());
    if (container.receiptPending()) {
      warnings.add(
          "receipt pending: the ledger gave no chain receipt in time; the seal carries none");
    }
    if (placed[0] == null) {
      throw new ESealException(ErrorCode.SIGNING_FAILED, "the seal widget was not drawn");
    }
    warnings.addAll(placed[0].warnings());
    return new SealResult(name, plan.page(), placed[0].rect(), plan.repair(), warnings);
  }

  private PdfReader reader(byte[] bytes) throws IOException {
    ReaderProperties properties = new ReaderProperties();
    if (ownerPassword != null) {
      properties.setPassword(new String(ownerPassword).getBytes(StandardCharsets.UTF_8));
    }
    return new PdfReader(new RandomAccessSourceFactory().createSource(bytes), properties);
  }

  /** Rewrites a file whose cross-reference data was rebuilt, so that it can be appended to. */
  private byte[] rewrite(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
    try (PdfDocument document = new PdfDocument(reader(input), new PdfWriter(out))) {
      document.getNumberOfPages();
    } catch (IOException | RuntimeException e) {
      throw new ESealException(ErrorCode.BROKEN_XREF, "repairing the broken PDF failed", e);
    }
    return out.toByteArray();
  }

  /**
   * Runs the read-only inspection on a worker thread with a time bound, since malformed files can
   * send a parser into a loop (reference cycles in the revision chain or field tree).
   */
  private <T> T bounded(boolean tailIntact, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread worker = new Thread(task, "eseal-pdf-inspect");
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(parseTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new ESealException(
          ErrorCode.BROKEN_XREF,
          "the PDF's structure could not be read within "
              + parseTimeout.toSeconds()
              + " s; it likely contains a reference loop",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      task.cancel(true);
      throw new ESealException(ErrorCode.IO_ERROR, "interrupted while reading the PDF", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ESealException ese) {
        throw ese;
      }
      if (cause instanceof StackOverflowError) {
        throw new ESealException(
            ErrorCode.BROKEN_XREF, "the PDF's structure is nested without end", cause);
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw Inspection.unreadable(tailIntact, (Exception) cause);
    }
  }

  /**
   * A sealed PDF in memory.
   *
   * @param pdf the sealed document
   * @param result what was done
   */
  public record Sealed(byte[] pdf, SealResult result) {
    /** Copies the bytes. */
    public Sealed {
      pdf = pdf.clone();
      Objects.requireNonNull(result, "result");
    }

    /** A copy of the sealed document. */
    @Override
    public byte[] pdf() {
      return pdf.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sealed s && Arrays.equals(pdf, s.pdf) && result.equals(s.result);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(pdf) * 31 + result.hashCode();
    }

    @Override
    public String toString() {
      return "Sealed[" + pdf.length + " bytes, " + result + "]";
    }
  }

  /** Options of a {@link PdfSealer}. Not thread-safe. */
  public static final class Builder {
    private Signer signer;
    private SealImage image;
    private byte[] sealStructure;
    private String reason;
    private String location;
    private char[] ownerPassword;
    private String fieldName;
    private Duration parseTimeout = Duration.ofSeconds(20);
    private LedgerGateway gateway;
    private PrivateKey actorKey;
    private String actor;
    private Duration maxWait;
    private String flowId;
    private Hash previous;

    private Builder() {}

    /**
     * Logs each seal on the platform ledger: after the signature value is computed, a {@code
     * SEAL_APPLIED} event signed by {@code actorKey} records the document digest, the signature
     * value digest and the seal id, and its chain receipt goes into the unsigned attribute {@link
     * org.eseal.core.ses.SealAttributes#CHAIN_RECEIPT}. If no receipt comes within {@code maxWait}
     * the PDF is sealed without one and {@link SealResult#warnings()} says "receipt pending".
     * Requires {@link #flow}. Optional.
     *
     * @throws IllegalArgumentException if {@code actor} is empty or {@code maxWait} is negative
     */
    public Builder ledger(
        LedgerGateway gateway, PrivateKey actorKey, String actor, Duration maxWait) {
      Objects.requireNonNull(gateway, "gateway");
      Objects.requireNonNull(actorKey, "actorKey");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(maxWait, "maxWait");
      if (actor.isEmpty()) {
        throw new IllegalArgumentException("actor must not be empty");
      }
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
      }
      this.gateway = gateway;
      this.actorKey = actorKey;
      this.actor = actor;
      this.maxWait = maxWait;
      return this;
    }

    /**
     * The signing flow the {@code SEAL_APPLIED} event belongs to, and the leaf hash of the flow's
     * previous event (DESIGN.md section 3). Required with {@link #ledger}.
     */
    public Builder flow(String flowId, Hash previousEvent) {
      this.flowId = Objects.requireNonNull(flowId, "flowId");
      this.previous = Objects.requireNonNull(previousEvent, "previousEvent");
      return this;
    }

    /** The key that signs. Required. */
    public Builder signer(Signer signer) {
      this.signer = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /** The picture shown, at its printed size. Required. */
    public Builder sealImage(SealImage image) {
      this.image = Objects.requireNonNull(image, "sealImage");
      return this;
    }

    /**
     * The DER GB/T 38540 {@code SES_Seal} of the seal, carried in a signed attribute ({@link
     * org.eseal.core.ses.SealAttributes#SEAL_STRUCTURE}). Optional.
     */
    public Builder sealStructure(byte[] sesSealDer) {
      this.sealStructure = sesSealDer == null ? null : sesSealDer.clone();
      return this;
    }

    /**
     * Sets the picture and the seal structure from a platform seal. The signer must hold the seal's
     * key.
     */
    public Builder seal(Seal seal) {
      sealImage(seal.image());
      return sealStructure(seal.structure().encoded());
    }

    /** The signature dictionary's {@code /Reason}. Optional. */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** The signature dictionary's {@code /Location}. Optional. */
    public Builder location(String location) {
      this.location = location;
      return this;
    }

    /**
     * The owner password of an encrypted PDF whose permissions forbid signing. The output keeps the
     * encryption. Optional; the array is copied.
     */
    public Builder ownerPassword(char[] password) {
      this.ownerPassword = password == null ? null : password.clone();
      return this;
    }

    /**
     * The name of the signature field: an existing empty signature field is filled, otherwise a new
     * field of that name is made. By default a new field {@code SealN} is made, or, in a certified
     * document, its first empty signature field is filled.
     */
    public Builder fieldName(String name) {
      if (name != null && name.isBlank()) {
        throw new IllegalArgumentException("fieldName must not be blank");
      }
      this.fieldName = name;
      return this;
    }

    /** How long reading a document's structure may take before it is refused; 20 s default. */
    public Builder parseTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("parseTimeout must be positive, got " + timeout);
      }
      this.parseTimeout = timeout;
      return this;
    }

    /**
     * Builds the sealer.
     *
     * @throws NullPointerException if the signer or the seal image is missing
     * @throws IllegalStateException if {@link #ledger} is set without {@link #flow}
     * @throws ESealException with {@link ErrorCode#INVALID_SEAL} if the seal PNG cannot be decoded
     */
    public PdfSealer build() {
      return new PdfSealer(this);
    }
  }
}

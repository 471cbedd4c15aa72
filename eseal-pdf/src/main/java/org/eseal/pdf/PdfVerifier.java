package org.eseal.pdf;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.ledger.LedgerTrustPolicy;
import org.eseal.core.report.DocumentReport;
import org.eseal.core.report.Finding;
import org.eseal.core.report.Indication;
import org.eseal.core.report.SignatureReport;
import org.eseal.core.report.SubIndication;
import org.eseal.core.ses.SealAttributes;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.WitnessPolicy;
import org.eseal.core.trust.TrustAnchors;

/**
 * Verifies the signatures and seals of a PDF and reports every check in the ETSI EN 319 102-1
 * vocabulary.
 *
 * <p>For each signature it checks the byte range against the raw file, the CMS digest and signature
 * value, the signing certificate and its chain to the configured trust anchors at the claimed
 * signing time, and for platform seals the GB/T 38540 seal structure and that the visible image is
 * the seal's own. For the document it lists what each later revision changed and whether that
 * change is allowed after a signature. Revocation is not checked yet; the report says so.
 *
 * <p>Instances are immutable and safe to use from several threads. Verification reads the whole
 * file into memory, parses each revision from the first signed one at most once, and never writes.
 * Each call runs on its own worker thread and is abandoned after {@link Builder#timeout(Duration)};
 * an abandoned worker stops when the parser returns.
 *
 * <pre>{@code
 * PdfVerifier verifier = PdfVerifier.builder().trustAnchors(List.of(root)).build();
 * DocumentReport report = verifier.verify(Path.of("contract.pdf"));
 * report.requirePassed();
 * }</pre>
 */
public final class PdfVerifier {
  private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final long WORKER_STACK_BYTES = 16L << 20;

  private final Optional<TrustAnchors> trustAnchors;
  private final Clock clock;
  private final Duration timeout;
  private final Optional<LedgerTrustPolicy> ledgerTrust;

  private PdfVerifier(Builder b) {
    this.trustAnchors =
        b.trustAnchors.isEmpty() ? Optional.empty() : Optional.of(TrustAnchors.of(b.trustAnchors));
    this.clock = b.clock;
    this.timeout = b.timeout;
    this.ledgerTrust = Optional.ofNullable(b.ledgerTrust);
  }

  /** Starts the configuration of a verifier. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies the PDF at {@code pdf}.
   *
   * @throws ESealException with {@link ErrorCode#IO_ERROR} if the file cannot be read, or with
   *     {@link ErrorCode#NOT_A_PDF} if it is not a PDF, or with {@link
   *     ErrorCode#VERIFICATION_ERROR} if its structure cannot be processed in time
   */
  public DocumentReport verify(Path pdf) {
    Objects.requireNonNull(pdf, "pdf");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(pdf);
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot read " + pdf, e);
    }
    Path name = pdf.getFileName();
    return verify(bytes, name == null ? pdf.toString() : name.toString());
  }

  /**
   * Verifies a PDF held in memory; the array is not modified or kept.
   *
   * @param label a name for the input, used in the report
   * @throws ESealException with {@link ErrorCode#NOT_A_PDF} if the bytes are not a PDF, or with
   *     {@link ErrorCode#VERIFICATION_ERROR} if the structure cannot be processed in time
   */
  public DocumentReport verify(byte[] pdf, String label) {
    Objects.requireNonNull(pdf, "pdf");
    Objects.requireNonNull(label, "label");
    int header = Revisions.indexOf(pdf, HEADER, 0);
    if (header < 0 || header > 1024) {
      throw new ESealException(ErrorCode.NOT_A_PDF, label + " has no %PDF- header");
    }
    Run run = new Run(pdf.clone(), label, trustAnchors, ledgerTrust, clock.instant());
    FutureTask<DocumentReport> task = new FutureTask<>(run::report);
    Thread worker = new Thread(null, task, "eseal-pdf-verify", WORKER_STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      throw new ESealException(
          ErrorCode.VERIFICATION_ERROR,
          label + ": verification did not finish within " + timeout.toSeconds() + " s",
          e);
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new ESealException(ErrorCode.VERIFICATION_ERROR, label + ": interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ESealException) {
        throw (ESealException) cause;
      }
      throw new ESealException(
          ErrorCode.VERIFICATION_ERROR, label + ": the PDF structure cannot be processed", cause);
    }
  }

  /** Verifies a PDF held in memory, labelled {@code "<memory>"} in the report. */
  public DocumentReport verify(byte[] pdf) {
    return verify(pdf, "<memory>");
  }

  /** Options of a {@link PdfVerifier}. Not thread-safe; build once and share the verifier. */
  public static final class Builder {
    private final List<X509Certificate> trustAnchors = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Duration timeout = Duration.ofSeconds(60);
    private LedgerTrustPolicy ledgerTrust;

    private Builder() {}

    /**
     * Checks the chain receipts of seals against this ledger policy: the log key, the witness keys
     * and quorum, and the tree hash (DESIGN.md section 4). Without it a receipt's event is still
     * matched to its signature, but its proof is only reported as present.
     */
    public Builder ledgerPolicy(WitnessPolicy policy, HashAlgorithm algorithm) {
      return ledgerPolicy(new LedgerTrustPolicy(policy, algorithm));
    }

    /** As {@link #ledgerPolicy(WitnessPolicy, HashAlgorithm)}. */
    public Builder ledgerPolicy(LedgerTrustPolicy trust) {
      this.ledgerTrust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /**
     * How long one verification may take before it is abandoned with {@link
     * ErrorCode#VERIFICATION_ERROR}; 60 s by default. A guard against documents built to make
     * parsers loop.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Trusts the certificates of {@code anchors}, in addition to any given before. Without any
     * anchor, every signature stays {@link Indication#INDETERMINATE} with {@link
     * SubIndication#NO_CERTIFICATE_CHAIN_FOUND}.
     */
    public Builder trustAnchors(TrustAnchors anchors) {
      return trustAnchors(anchors.certificates());
    }

    /** Trusts {@code anchors}, in addition to any given before. */
    public Builder trustAnchors(List<X509Certificate> anchors) {
      for (X509Certificate c : anchors) {
        trustAnchors.add(Objects.requireNonNull(c, "anchors contains null"));
      }
      return this;
    }

    /** The clock for "now", used when a signature claims no signing time. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Creates the verifier. */
    public PdfVerifier build() {
      return new PdfVerifier(this);
    }
  }

  /** One verification: the state shared by the checks of one document. */
  private static final class Run {
    private final byte[] pdf;
    private final String label;
    private final Optional<TrustAnchors> anchors;
    private final Optional<LedgerTrustPolicy> ledgerTrust;
    private final Instant now;
    private final Revisions revisions;
    private final RevisionCache cache;
    private final List<Finding> documentFindings = new ArrayList<>();

    Run(
        byte[] pdf,
        String label,
        Optional<TrustAnchors> anchors,
        Optional<LedgerTrustPolicy> ledgerTrust,
        Instant now) {
      this.pdf = pdf;
      this.label = label;
      this.anchors = anchors;
      this.ledgerTrust = ledgerTrust;
      this.now = now;
      this.revisions = Revisions.scan(pdf);
      this.cache = new RevisionCache(pdf, revisions);
    }

    DocumentReport report() {
      try (cache) {
        return reportUnclosed();
      }
    }

    private DocumentReport reportUnclosed() {
      for (String p : revisions.problems()) {
        error("structure.xref-chain", p);
      }
      PdfDocument doc;
      try {
        doc = cache.whole();
      } catch (RuntimeException e) {
        error("structure.unreadable", "the PDF structure cannot be read: " + e.getMessage());
        return document(List.of());
      }
      if (cache.rebuiltXref()) {
        // The parser also rebuilds a sound chain it cannot follow, such as a cross-reference
        // stream whose /Prev names a classic table (hybrid files); the independent walk of the
        // chain tells that apart from broken data.
        if (revisions.problems().isEmpty() && XrefCheck.classicTablesSound(pdf).orElse(false)) {
          documentFindings.add(
              new Finding(
                  Finding.Severity.INFO,
                  "parser.xref-rebuilt",
                  "the cross-reference chain is sound, but the parser could not follow it"
                      + " and located the objects by a rebuild"));
        } else {
          error("structure.xref-broken", "the cross-reference data is broken and was rebuilt");
        }
      }
      List<SignatureReport> signatures = new ArrayList<>();
      List<Integer> signedRevisions = new ArrayList<>();
      String loop = FieldTree.findLoop(doc);
      if (loop != null) {
        error("structure.field-tree", loop);
        return document(List.of());
      }
      SignatureUtil util;
      List<String> names;
      try {
        util = new SignatureUtil(doc);
        names = util.getSignatureNames();
      } catch (RuntimeException | StackOverflowError e) {
        error("structure.fields", "the signature fields cannot be read: " + e);
        return document(List.of());
      }
      Map<Integer, String> dictionaries = new HashMap<>();
      List<Integer> docMdp = new ArrayList<>();
      for (String name : names) {
        SignatureOutcome o = verifySignature(util, name, dictionaries, signatures.size() + 1);
        signatures.add(o.report());
        signedRevisions.add(o.revision());
        docMdp.add(o.docMdp());
      }
      certificationRules(signatures, docMdp);
      if (signatures.isEmpty()) {
        documentFindings.add(
            new Finding(Finding.Severity.WARNING, "signature.none", "no signature"));
      }
      List<SignatureReport> withChanges = changes(signatures, signedRevisions, docMdp);
      trailingBytes();
      return document(withChanges);
    }

    /** A signature's report, its 0-based revision, and its DocMDP level (0 for approval). */
    private record SignatureOutcome(SignatureReport report, int revision, int docMdp) {}

    /** ISO 32000-1 12.8.2.2: at most one certification signature, and it comes first. */
    private void certificationRules(List<SignatureReport> sigs, List<Integer> docMdp) {
      int count = 0;
      for (int i = 0; i < sigs.size(); i++) {
        if (docMdp.get(i) == 0) {
          continue;
        }
        count++;
        if (count > 1) {
          error(
              "signature.certification",
              sigs.get(i).fieldName()
                  + " is a second certification signature; only one is allowed");
        } else if (i > 0) {
          error(
              "signature.certification",
              sigs.get(i).fieldName() + " certifies the document but is not its first signature");
        }
      }
    }

    private static int docMdp(PdfDictionary sigDict) {
      PdfArray refs = sigDict.getAsArray(PdfName.Reference);
      for (int i = 0; refs != null && i < refs.size(); i++) {
        PdfDictionary ref = refs.getAsDictionary(i);
        if (ref != null && PdfName.DocMDP.equals(ref.getAsName(PdfName.TransformMethod))) {
          PdfDictionary params = ref.getAsDictionary(PdfName.TransformParams);
          PdfNumber p = params == null ? null : params.getAsNumber(PdfName.P);
          return p == null ? 2 : Math.max(1, Math.min(3, p.intValue()));
        }
      }
      return 0;
    }

    private SignatureOutcome verifySignature(
        SignatureUtil util, String name, Map<Integer, String> dictionaries, int number) {
      Verdict v = new Verdict();
      PdfSignature sig = util.getSignature(name);
      PdfDictionary dict = sig.getPdfObject();
      PdfIndirectReference ref = dict.getIndirectReference();
      if (ref != null) {
        String first = dictionaries.putIfAbsent(ref.getObjNumber(), name);
        if (first != null) {
          String msg = "the signature dictionary of field " + first + " is referenced again";
          v.fail("signature.unique-dictionary", SubIndication.FORMAT_FAILURE, msg);
          error("structure.shared-signature", name + ": " + msg);
        }
      }
      Optional<ByteRangeCheck.SignedRange> range =
          ByteRangeCheck.check(sig.getByteRange(), sig.getContents(), pdf, revisions, v);
      int revision = range.map(ByteRangeCheck.SignedRange::revision).orElse(-1);
      List<Finding> findings = new ArrayList<>();
      if (revision >= 0) {
        PdfDictionary signedDict = cache.signatureDictionary(revision, name, sig.getByteRange());
        if (signedDict == null) {
          findings.add(
              new Finding(
                  Finding.Severity.WARNING,
                  "signature.dictionary",
                  "the signature dictionary was not found in the revision it covers"));
        } else {
          PdfIndirectReference signedRef = signedDict.getIndirectReference();
          boolean sameObject =
              signedRef == null || ref == null || signedRef.getObjNumber() == ref.getObjNumber();
          if (!sameObject || !ChangeAnalyzer.same(signedDict, dict, 0)) {
            Finding f =
                new Finding(
                    Finding.Severity.ERROR,
                    "change.disallowed",
                    "disallowed change after signature "
                        + number
                        + " ("
                        + name
                        + "): the signature dictionary was redefined in a later revision"
                        + (ref == null ? "" : " (object " + ref.getObjNumber() + ")")
                        + "; the report shows the signed revision's values");
            findings.add(f);
            documentFindings.add(f);
          }
          dict = signedDict;
        }
      }
      PdfSignature shown = new PdfSignature(dict);
      Optional<Instant> claimed = Dates.parse(shown.getDate());
      Optional<String> signerName = Optional.ofNullable(shown.getName());
      boolean platform = false;
      Optional<String> sealId = Optional.empty();
      if (range.isPresent()) {
        byte[] signed = range.get().signedBytes(pdf);
        PdfName subFilter = shown.getSubFilter();
        String sf = subFilter == null ? "(none)" : subFilter.getValue();
        Optional<CmsCheck.Result> cms = CmsCheck.check(sf, range.get().contents(), signed, v);
        if (cms.isPresent()) {
          CmsCheck.Result r = cms.get();
          if (claimed.isEmpty()) {
            claimed = r.signingTime();
          }
          platform = r.signedAttribute(SealAttributes.SEAL_STRUCTURE).isPresent();
          if (r.signerCertificate().isPresent()) {
            X509Certificate cert = r.signerCertificate().get();
            signerName = Optional.of(CmsCheck.name(cert.getSubjectX500Principal()));
            Instant at = claimed.orElse(now);
            String source = claimed.isPresent() ? "claimed signing time" : "now";
            ChainCheck.check(cert, r.certificates(), anchors, at, source, v);
            SealCheck.Context ctx =
                new SealCheck.Context(cert, r.certificates(), anchors, at, widget(util, name));
            sealId = SealCheck.check(r, ctx, v);
          } else if (platform) {
            v.indeterminate(
                SealCheck.STRUCTURE,
                SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                "the seal cannot be checked without the signer's certificate");
          }
          ReceiptCheck.check(r, signed, ledgerTrust, v);
        }
      } else {
        v.notApplicable(CmsCheck.DECODE, "not checked: the byte range is invalid");
      }
      SignatureReport report =
          new SignatureReport(
              name,
              Math.max(1, revision + 1),
              range.map(ByteRangeCheck.SignedRange::coversWholeDocument).orElse(false),
              signerName,
              claimed,
              nonEmpty(shown.getReason()),
              nonEmpty(shown.getLocation()),
              platform,
              sealId,
              v.checks(),
              findings,
              v.indication(),
              v.subIndication());
      return new SignatureOutcome(report, revision, docMdp(dict));
    }

    private static PdfDictionary widget(SignatureUtil util, String name) {
      PdfDictionary field = util.getSignatureFormFieldDictionary(name);
      if (field == null || PdfName.Widget.equals(field.getAsName(PdfName.Subtype))) {
        return field;
      }
      PdfArray kids = field.getAsArray(PdfName.Kids);
      return kids == null || kids.isEmpty() ? null : kids.getAsDictionary(0);
    }

    /** Adds the disallowed changes after each signature to its findings and the document's. */
    private List<SignatureReport> changes(
        List<SignatureReport> sigs, List<Integer> revs, List<Integer> docMdp) {
      int first = revs.stream().filter(r -> r >= 0).min(Integer::compare).orElse(-1);
      if (first < 0) {
        return sigs;
      }
      List<ChangeAnalyzer.Change> all = new ArrayList<>();
      for (int k = first + 1; k < revisions.count(); k++) {
        try {
          all.addAll(ChangeAnalyzer.diff(cache.revision(k - 1), cache.revision(k), k));
        } catch (RuntimeException e) {
          error(
              "structure.revision",
              "revision " + (k + 1) + " cannot be compared with the one before: " + e.getMessage());
        }
      }
      for (ChangeAnalyzer.Change c : all) {
        if (c.allowed() && c.notable()) {
          documentFindings.add(
              new Finding(
                  Finding.Severity.WARNING,
                  "change.allowed",
                  "revision " + (c.revision() + 1) + ", object " + c.object() + ": " + c.what()));
        } else if (c.allowed()) {
          documentFindings.add(
              new Finding(
                  Finding.Severity.INFO,
                  "change.allowed",
                  "revision " + (c.revision() + 1) + ", object " + c.object() + ": " + c.what()));
        }
      }
      List<SignatureReport> out = new ArrayList<>();
      boolean[] reported = new boolean[all.size()];
      for (int i = 0; i < sigs.size(); i++) {
        SignatureReport s = sigs.get(i);
        List<Finding> findings = new ArrayList<>(s.findings());
        for (int j = 0; j < all.size(); j++) {
          ChangeAnalyzer.Change c = all.get(j);
          boolean locked =
              docMdp.get(i) == 1
                  && (c.notable() || c.what().equals(ChangeAnalyzer.SIGNATURE_ADDED));
          if (c.allowed() && !locked || revs.get(i) < 0 || c.revision() <= revs.get(i)) {
            continue;
          }
          Finding f =
              new Finding(
                  Finding.Severity.ERROR,
                  "change.disallowed",
                  "disallowed change after signature "
                      + (i + 1)
                      + " ("
                      + s.fieldName()
                      + "): "
                      + c.what()
                      + (c.allowed() ? ", which DocMDP P=1 forbids" : "")
                      + " (revision "
                      + (c.revision() + 1)
                      + ", object "
                      + c.object()
                      + ")");
          findings.add(f);
          if (!reported[j]) {
            reported[j] = true;
            documentFindings.add(f);
          }
        }
        out.add(withFindings(s, findings));
      }
      return out;
    }

    private static SignatureReport withFindings(SignatureReport s, List<Finding> findings) {
      return new SignatureReport(
          s.fieldName(),
          s.revision(),
          s.coversWholeDocument(),
          s.signerName(),
          s.claimedSigningTime(),
          s.reason(),
          s.location(),
          s.platformSeal(),
          s.sealId(),
          s.checks(),
          findings,
          s.indication(),
          s.subIndication());
    }

    private void trailingBytes() {
      if (revisions.count() == 0) {
        error("structure.no-eof", "no revision ends with startxref and %%EOF");
        return;
      }
      int end = revisions.endWithEol(revisions.count() - 1);
      for (int i = end; i < pdf.length; i++) {
        byte b = pdf[i];
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0) {
          error(
              "change.trailing-data",
              (pdf.length - end) + " bytes after the last %%EOF belong to no revision");
          return;
        }
      }
    }

    private void error(String code, String message) {
      documentFindings.add(new Finding(Finding.Severity.ERROR, code, message));
    }

    private DocumentReport document(List<SignatureReport> signatures) {
      Indication ind = Indication.PASSED;
      Optional<SubIndication> sub = Optional.empty();
      for (SignatureReport s : signatures) {
        if (s.indication() == Indication.FAILED && ind != Indication.FAILED) {
          ind = Indication.FAILED;
          sub = s.subIndication();
        } else if (s.indication() == Indication.INDETERMINATE && ind == Indication.PASSED) {
          ind = Indication.INDETERMINATE;
          sub = s.subIndication();
        }
      }
      boolean structureError =
          documentFindings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
      if (structureError && ind != Indication.FAILED) {
        ind = Indication.FAILED;
        boolean format = documentFindings.stream().anyMatch(f -> f.code().startsWith("structure"));
        sub =
            Optional.of(
                format ? SubIndication.FORMAT_FAILURE : SubIndication.SIG_CONSTRAINTS_FAILURE);
      }
      if (signatures.isEmpty() && ind == Indication.PASSED) {
        ind = Indication.INDETERMINATE;
        sub = Optional.of(SubIndication.SIGNED_DATA_NOT_FOUND);
      }
      return new DocumentReport(
          label, sha256(pdf), revisions.count(), signatures, documentFindings, ind, sub);
    }
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** PDF dates (ISO 32000-1 7.9.4). */
  private static final class Dates {
    static Optional<Instant> parse(PdfString s) {
      if (s == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(com.itextpdf.kernel.pdf.PdfDate.decode(s.toUnicodeString()).toInstant());
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  static PdfReader reader(byte[] bytes) throws IOException {
    PdfReader r = new PdfReader(new ByteArrayInputStream(bytes));
    r.setUnethicalReading(true);
    return r;
  }
}

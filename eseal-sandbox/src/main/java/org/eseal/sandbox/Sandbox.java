package org.eseal.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.Organization;
import org.eseal.core.Seal;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.eseal.core.SealStatus;
import org.eseal.core.Validity;
import org.eseal.core.image.SealRenderer;
import org.eseal.core.image.SealSpec;
import org.eseal.core.internal.AtomicFiles;
import org.eseal.core.ledger.LedgerGateway;
import org.eseal.core.ledger.LedgerTrustPolicy;
import org.eseal.core.ses.SesSeal;
import org.eseal.core.sign.Keys;
import org.eseal.core.sign.SignatureAlgorithm;
import org.eseal.core.sign.SoftwareSigner;
import org.eseal.core.trust.TrustAnchors;
import org.eseal.sandbox.ledger.Ledger;

/**
 * The platform's certificate authority and seal registry, running in-process for tests, examples
 * and demos.
 *
 * <p>It holds a root CA ("eseal Sandbox Root CA", EC P-256, ten years), an issuing CA for company
 * certificates, and the seal maker, whose certificate signs every GB/T 38540 seal structure and
 * e-licence. Registering a company issues its e-licence and its official seal; further seals can
 * then be issued for it. Each seal gets a fresh key, a two-year certificate from the issuing CA and
 * a 13-digit seal code: the six-digit division code of the company's credit code, then a
 * seven-digit sequence number.
 *
 * <p>{@link #start()} keeps everything in memory. With {@link Builder#dataDirectory(Path)} the CA
 * keys are kept in {@code ca.p12} (password {@value #CA_STORE_PASSWORD}: this is a test CA, not a
 * secret) and the sequence number in {@code sequence}, so a restart keeps the same root and never
 * reuses a seal code. The ledger's keys, entries and checkpoints are kept under {@code ledger}
 * there too. The company and seal registry itself is not persisted: after a restart companies must
 * register again.
 *
 * <p>Thread-safe. Not for production: keys live unprotected in memory and on disk.
 */
public final class Sandbox implements AutoCloseable {
  /** Password of the CA key store in the data directory. */
  public static final String CA_STORE_PASSWORD = "eseal-sandbox";

  private static final String CA_FILE = "ca.p12";
  private static final String SEQUENCE_FILE = "sequence";
  private static final String LEDGER_DIRECTORY = "ledger";

  private final Clock clock;
  private final Path dataDirectory;
  private final CertificateAuthority authority;
  private final SandboxLedger ledger;
  private final Map<String, Organization> companies = new HashMap<>();
  private final Map<String, Seal> seals = new HashMap<>();
  private long sequence;
  private boolean closed;

  private Sandbox(Clock clock, Path dataDirectory) {
    this.clock = clock;
    this.dataDirectory = dataDirectory;
    if (dataDirectory == null) {
      this.authority = CertificateAuthority.create(now());
      this.ledger = SandboxLedger.inMemory(clock);
    } else {
      this.ledger = SandboxLedger.open(dataDirectory.resolve(LEDGER_DIRECTORY), clock);
      this.authority = loadOrCreate(dataDirectory);
      this.sequence = readSequence(dataDirectory.resolve(SEQUENCE_FILE));
    }
  }

  /** A sandbox with fresh keys, kept in memory only, on the system clock. */
  public static Sandbox start() {
    return builder().build();
  }

  /** A builder for a sandbox with a data directory or another clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers a company: validates its credit code, then issues its e-licence and its official seal
   * (ECDSA P-256), whose round image the platform draws with the company name and the seal code.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_CREDIT_CODE} naming the bad character, or
   *     {@link ErrorCode#ALREADY_REGISTERED} if the code is already registered
   * @throws IllegalArgumentException if the name is blank, holds control characters or characters
   *     the seal font cannot draw
   */
  public Registration registerCompany(String name, String creditCode) {
    return register(name, creditCode, null);
  }

  /**
   * Registers a company: validates its credit code, then issues its e-licence and its official seal
   * (ECDSA P-256) with {@code officialSealImage}.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_CREDIT_CODE} naming the bad character, or
   *     {@link ErrorCode#ALREADY_REGISTERED} if the code is already registered
   * @throws IllegalArgumentException if the name is blank or holds control characters
   */
  public Registration registerCompany(String name, String creditCode, SealImage officialSealImage) {
    return register(
        name, creditCode, Objects.requireNonNull(officialSealImage, "officialSealImage"));
  }

  /** Registers; a null image means the platform draws the official seal itself. */
  private synchronized Registration register(
      String name, String creditCode, SealImage officialSealImage) {
    checkOpen();
    if (name != null && name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name must not hold control characters");
    }
    Organization organization = Organization.of(name, creditCode);
    String code = organization.creditCode().value();
    Organization existing = companies.get(code);
    if (existing != null) {
      throw new ESealException(
          ErrorCode.ALREADY_REGISTERED,
          "credit code " + code + " is already registered to " + existing.name());
    }
    Instant issuedAt = now();
    String licenceNumber = "L" + nextNumber(organization);
    SoftwareSigner platform = authority.maker();
    String text = ELicence.canonicalText(organization, licenceNumber, issuedAt);
    byte[] signature = platform.sign(text.getBytes(StandardCharsets.UTF_8));
    ELicence licence =
        new ELicence(
            organization,
            licenceNumber,
            issuedAt,
            platform.algorithm(),
            Base64.getEncoder().encodeToString(signature));
    companies.put(code, organization);
    IssuedSeal official =
        issue(
            organization,
            SealKind.OFFICIAL,
            officialSealImage,
            SignatureAlgorithm.ECDSA_P256_SHA256);
    return new Registration(organization, licence, official);
  }

  /**
   * Issues a seal with an ECDSA P-256 key for a registered company.
   *
   * @throws ESealException with {@link ErrorCode#NOT_REGISTERED} if the company is not registered
   *     under that name
   */
  public IssuedSeal issueSeal(Organization owner, SealKind kind, SealImage image) {
    return issueSeal(owner, kind, image, SignatureAlgorithm.ECDSA_P256_SHA256);
  }

  /**
   * Issues a seal with an ECDSA P-256 key for a registered company; the platform draws the image
   * for the kind (round, oval or square) with the owner's name and the new seal code.
   *
   * @throws ESealException with {@link ErrorCode#NOT_REGISTERED} if the company is not registered
   *     under that name
   */
  public IssuedSeal issueSeal(Organization owner, SealKind kind) {
    return issue(owner, kind, null, SignatureAlgorithm.ECDSA_P256_SHA256);
  }

  /**
   * Issues a seal with a fresh key of {@code algorithm} for a registered company: the key, its
   * certificate from the issuing CA, and the GB/T 38540 structure signed by the seal maker.
   *
   * @throws ESealException with {@link ErrorCode#NOT_REGISTERED} if the company is not registered
   *     under that name
   */
  public IssuedSeal issueSeal(
      Organization owner, SealKind kind, SealImage image, SignatureAlgorithm algorithm) {
    return issue(owner, kind, Objects.requireNonNull(image, "image"), algorithm);
  }

  /** Issues; a null image means the platform draws it once the seal code is known. */
  private synchronized IssuedSeal issue(
      Organization owner, SealKind kind, SealImage givenImage, SignatureAlgorithm algorithm) {
    checkOpen();
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(algorithm, "algorithm");
    Organization registered = companies.get(owner.creditCode().value());
    if (registered == null) {
      throw new ESealException(
          ErrorCode.NOT_REGISTERED,
          owner.name() + " (" + owner.creditCode() + ") is not registered; register it first");
    }
    if (!registered.equals(owner)) {
      throw new ESealException(
          ErrorCode.NOT_REGISTERED,
          "credit code "
              + owner.creditCode()
              + " is registered to "
              + registered.name()
              + ", not "
              + owner.name());
    }
    Instant issuedAt = now();
    KeyPair keys = Keys.generate(algorithm);
    List<X509Certificate> chain = authority.issue(owner, keys.getPublic(), issuedAt);
    SoftwareSigner signer = SoftwareSigner.of(keys.getPrivate(), chain);
    Validity validity =
        new Validity(issuedAt, issuedAt.plus(CertificateAuthority.END_ENTITY_LIFETIME));
    String sealId = nextNumber(owner);
    SealImage image =
        givenImage != null
            ? givenImage
            : SealRenderer.standard().render(new SealSpec(owner.name(), kind, sealId));
    SesSeal structure =
        SesSeal.builder()
            .esId(sealId)
            .name(owner.name() + kind.label())
            .kind(kind)
            .picture(image)
            .holderCertificates(List.of(chain.get(0)))
            .validity(validity)
            .createdAt(issuedAt)
            .sign(authority.maker());
    Seal seal = new Seal(sealId, owner, kind, image, validity, chain, SealStatus.ACTIVE, structure);
    seals.put(sealId, seal);
    return new IssuedSeal(seal, signer);
  }

  /** The sandbox root, the only anchor a verifier needs for sandbox seals. */
  public TrustAnchors trustAnchors() {
    return TrustAnchors.of(List.of(authority.rootCertificate()));
  }

  /**
   * The platform ledger: each appended event is integrated at once and cosigned by two of the three
   * in-process witnesses, so the receipt comes back without waiting.
   */
  public LedgerGateway ledgerGateway() {
    return ledger;
  }

  /** The ledger's log key, witness keys and quorum, and its tree hash: what a verifier trusts. */
  public LedgerTrustPolicy ledgerTrustPolicy() {
    return ledger.trustPolicy();
  }

  /** The ledger's witness policy in the tlog-policy text form, for files and other processes. */
  public String ledgerPolicyText() {
    return ledger.policyText();
  }

  /** The sandbox's ledger itself, to inspect its entries or make it misbehave in tests. */
  public Ledger ledger() {
    return ledger.ledger();
  }

  /** The seal maker's certificate, which signs seal structures and e-licences. */
  public X509Certificate sealMakerCertificate() {
    return authority.maker().certificateChain().get(0);
  }

  /** The seal maker's certificate, then the issuing CA and the root. */
  public List<X509Certificate> sealMakerChain() {
    return authority.maker().certificateChain();
  }

  /** The registered seal with this code, with its current status. */
  public synchronized Optional<Seal> findSeal(String sealId) {
    return Optional.ofNullable(seals.get(sealId));
  }

  /**
   * Suspends, reactivates or revokes a seal. A revoked seal stays revoked.
   *
   * @throws ESealException with {@link ErrorCode#UNKNOWN_SEAL} if no seal has this code
   * @throws IllegalStateException if the seal is revoked and {@code status} is not {@link
   *     SealStatus#REVOKED}
   */
  public synchronized void setStatus(String sealId, SealStatus status) {
    checkOpen();
    Objects.requireNonNull(status, "status");
    Seal seal = seals.get(sealId);
    if (seal == null) {
      throw new ESealException(ErrorCode.UNKNOWN_SEAL, "no seal with code " + sealId);
    }
    if (seal.status() == SealStatus.REVOKED && status != SealStatus.REVOKED) {
      throw new IllegalStateException("seal " + sealId + " is revoked and cannot become " + status);
    }
    seals.put(sealId, seal.withStatus(status));
  }

  /** Stops the sandbox; later calls that change state throw {@link IllegalStateException}. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the sandbox is closed");
    }
  }

  private String nextNumber(Organization owner) {
    sequence++;
    if (sequence > 9_999_999L) {
      throw new IllegalStateException("the sandbox has run out of seven-digit sequence numbers");
    }
    if (dataDirectory != null) {
      AtomicFiles.write(
          dataDirectory.resolve(SEQUENCE_FILE),
          Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
    }
    return owner.creditCode().divisionCode() + String.format("%07d", sequence);
  }

  private CertificateAuthority loadOrCreate(Path directory) {
    Path file = directory.resolve(CA_FILE);
    char[] password = CA_STORE_PASSWORD.toCharArray();
    try {
      Files.createDirectories(directory);
      if (Files.exists(file)) {
        return CertificateAuthority.fromPkcs12(Files.readAllBytes(file), password);
      }
    } catch (IOException e) {
      throw new ESealException(
          ErrorCode.IO_ERROR, "cannot use data directory " + directory + ": " + e.getMessage(), e);
    }
    CertificateAuthority created = CertificateAuthority.create(now());
    AtomicFiles.writeSecret(file, created.toPkcs12(password));
    return created;
  }

  private static long readSequence(Path file) {
    try {
      if (!Files.exists(file)) {
        return 0;
      }
      return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException | NumberFormatException e) {
      throw new ESealException(
          ErrorCode.IO_ERROR, "cannot read sequence file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Options for a {@link Sandbox}. Not thread-safe. */
  public static final class Builder {
    private Path dataDirectory;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Keeps the CA keys and sequence number in {@code directory}, created if missing. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The clock for certificate, seal and licence times; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts the sandbox, reading the CA from the data directory if one is there.
     *
     * @throws ESealException with {@link ErrorCode#IO_ERROR} or {@link ErrorCode#KEY_ERROR} if the
     *     data directory cannot be used
     */
    public Sandbox build() {
      return new Sandbox(clock, dataDirectory);
    }
  }
}

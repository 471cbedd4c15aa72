package org.eseal.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.internal.AtomicFiles;
import org.eseal.core.ledger.ChainReceipt;
import org.eseal.core.ledger.LedgerEvent;
import org.eseal.core.ledger.LedgerGateway;
import org.eseal.core.ledger.LedgerTrustPolicy;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.KeyType;
import org.eseal.core.tlog.SignerKey;
import org.eseal.core.tlog.WitnessPolicy;
import org.eseal.sandbox.ledger.Ledger;
import org.eseal.sandbox.ledger.Witness;

/**
 * The sandbox's platform ledger: a SHA-256 log with three in-process witnesses and a two-of-three
 * quorum. Each append is integrated at once, so a receipt is always ready without waiting.
 *
 * <p>With a directory, the log and witness keys are kept in {@code keys} (a test ledger: the file
 * is not a secret store), the entries and checkpoints beside it, so a restart continues the same
 * log. Thread-safe.
 */
final class SandboxLedger implements LedgerGateway {
  static final String ORIGIN = "sandbox.eseal.example/ledger";
  private static final String KEYS_FILE = "keys";
  private static final int WITNESSES = 3;
  private static final HashAlgorithm ALGORITHM = HashAlgorithm.SHA_256;

  private final Ledger ledger;
  private final String policyText;
  private final WitnessPolicy policy;

  private SandboxLedger(List<SignerKey> keys, Optional<Path> directory, Clock clock) {
    SignerKey logKey = keys.get(0);
    StringBuilder text = new StringBuilder("log " + logKey.verifierKey().encoded() + "\n");
    StringBuilder members = new StringBuilder();
    for (int i = 1; i <= WITNESSES; i++) {
      text.append("witness w").append(i).append(' ');
      text.append(keys.get(i).verifierKey().encoded()).append('\n');
      members.append(" w").append(i);
    }
    text.append("group all 2").append(members).append("\nquorum all\n");
    this.policyText = text.toString();
    this.policy = WitnessPolicy.parse(policyText);
    Ledger.Builder builder = Ledger.builder(logKey, policy).algorithm(ALGORITHM);
    for (int i = 1; i <= WITNESSES; i++) {
      List<org.eseal.core.tlog.VerifierKey> logs = List.of(logKey.verifierKey());
      Witness w =
          directory.isPresent()
              ? Witness.open(keys.get(i), ALGORITHM, logs, directory.get().resolve("w" + i), clock)
              : Witness.inMemory(keys.get(i), ALGORITHM, logs, clock);
      builder.witness("w" + i, w);
    }
    directory.ifPresent(d -> builder.directory(d.resolve("log")));
    this.ledger = builder.build();
  }

  /** A ledger with fresh keys, in memory only. */
  static SandboxLedger inMemory(Clock clock) {
    return new SandboxLedger(generateKeys(), Optional.empty(), clock);
  }

  /** The ledger kept in {@code directory}, created there on first use. */
  static SandboxLedger open(Path directory, Clock clock) {
    Path keysFile = directory.resolve(KEYS_FILE);
    List<SignerKey> keys;
    try {
      if (Files.exists(keysFile)) {
        keys = new ArrayList<>();
        for (String line : Files.readAllLines(keysFile, StandardCharsets.US_ASCII)) {
          if (!line.isBlank()) {
            keys.add(SignerKey.parse(line.strip()));
          }
        }
        if (keys.size() != WITNESSES + 1) {
          throw new ESealException(ErrorCode.IO_ERROR, keysFile + " does not hold four keys");
        }
      } else {
        keys = generateKeys();
        Files.createDirectories(directory);
        StringBuilder out = new StringBuilder();
        keys.forEach(k -> out.append(k.encodedPrivateKey()).append('\n'));
        AtomicFiles.writeSecret(keysFile, out.toString().getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot read or create " + keysFile, e);
    }
    return new SandboxLedger(keys, Optional.of(directory), clock);
  }

  private static List<SignerKey> generateKeys() {
    List<SignerKey> keys = new ArrayList<>();
    keys.add(SignerKey.generate(KeyType.ED25519, ORIGIN));
    for (int i = 1; i <= WITNESSES; i++) {
      keys.add(SignerKey.generate(KeyType.COSIGNATURE_V1, "w" + i + ".sandbox.eseal.example"));
    }
    return keys;
  }

  @Override
  public synchronized Optional<ChainReceipt> appendAndProve(LedgerEvent event, Duration maxWait) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(maxWait, "maxWait");
    long index = ledger.append(event.canonicalBytes());
    try {
      ledger.integrate();
    } catch (ESealException e) {
      if (e.code() == ErrorCode.QUORUM_NOT_MET) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(new ChainReceipt(event, ledger.proof(index)));
  }

  Ledger ledger() {
    return ledger;
  }

  String policyText() {
    return policyText;
  }

  LedgerTrustPolicy trustPolicy() {
    return new LedgerTrustPolicy(policy, ALGORITHM);
  }
}

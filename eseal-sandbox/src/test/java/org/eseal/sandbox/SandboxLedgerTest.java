package org.eseal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eseal.core.ledger.ChainReceipt;
import org.eseal.core.ledger.LedgerEvent;
import org.eseal.core.ledger.LedgerEventType;
import org.eseal.core.tlog.VerifiedCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxLedgerTest {
  private static LedgerEvent event(PrivateKey key) {
    return LedgerEvent.create(
            LedgerEventType.SEAL_ISSUED,
            "platform",
            Instant.parse("2026-01-01T00:00:00Z"),
            Optional.empty(),
            Optional.empty(),
            Map.of("sealId", "3301060000001"))
        .sign(key);
  }

  private static PrivateKey key() throws GeneralSecurityException {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
  }

  @Test
  void appendAndProve_receipt_verifiesWithTwoOfThreePolicyAndRoundTrips() throws Exception {
    try (Sandbox sandbox = Sandbox.start()) {
      ChainReceipt receipt =
          sandbox.ledgerGateway().appendAndProve(event(key()), Duration.ZERO).orElseThrow();

      ChainReceipt decoded = ChainReceipt.decode(receipt.encoded());
      VerifiedCheckpoint checkpoint = decoded.verify(sandbox.ledgerTrustPolicy());

      assertEquals(1, checkpoint.checkpoint().size());
      assertEquals(3, checkpoint.witnesses().size());
      assertEquals(receipt.proof().format(), decoded.proof().format());
    }
  }

  @Test
  void dataDirectory_restart_keepsLedgerKeysAndEntries(@TempDir Path dir) throws Exception {
    String policy;
    try (Sandbox first = Sandbox.builder().dataDirectory(dir).build()) {
      policy = first.ledgerPolicyText();
      first.ledgerGateway().appendAndProve(event(key()), Duration.ZERO).orElseThrow();
    }
    try (Sandbox second = Sandbox.builder().dataDirectory(dir).build()) {
      ChainReceipt receipt =
          second.ledgerGateway().appendAndProve(event(key()), Duration.ZERO).orElseThrow();

      assertEquals(policy, second.ledgerPolicyText());
      assertEquals(1, receipt.proof().index());
      receipt.verify(second.ledgerTrustPolicy());
    }
    try (Sandbox other = Sandbox.start()) {
      assertNotEquals(policy, other.ledgerPolicyText());
    }
  }
}

package org.eseal.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LedgerEventTest {
  private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

  private static KeyPair keys(String algorithm) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("EC")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    }
    return generator.generateKeyPair();
  }

  private static LedgerEvent created() {
    return LedgerEvent.create(
        LedgerEventType.FLOW_CREATED,
        "vendor.example",
        T0,
        Optional.of("flow-1"),
        Optional.empty(),
        Map.of("document", "sha256:00ff", "名称", "合同"));
  }

  private static void assertInvalid(Runnable action) {
    ESealException e = assertThrows(ESealException.class, action::run);
    assertEquals(ErrorCode.INVALID_LEDGER_EVENT, e.code(), e.getMessage());
  }

  @Test
  void signedBytes_areRfc8785Canonical() {
    String json = new String(created().signedBytes(), StandardCharsets.UTF_8);
    assertEquals(
        "{\"actor\":\"vendor.example\",\"data\":{\"document\":\"sha256:00ff\",\"名称\":\"合同\"},"
            + "\"flow\":\"flow-1\",\"time\":\"2026-01-01T08:00:00Z\",\"type\":\"FLOW_CREATED\","
            + "\"v\":1}",
        json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ed25519", "EC"})
  void sign_parse_verify_roundTrips(String algorithm) throws GeneralSecurityException {
    KeyPair actor = keys(algorithm);
    LedgerEvent event = created().sign(actor.getPrivate());
    byte[] leaf = event.canonicalBytes();
    LedgerEvent parsed = LedgerEvent.parse(leaf);
    assertArrayEquals(leaf, parsed.canonicalBytes());
    parsed.verifySignature(actor.getPublic());
    java.security.PublicKey stranger = keys(algorithm).getPublic();
    assertInvalid(() -> parsed.verifySignature(stranger));
  }

  @Test
  void parse_tamperedOrNonCanonical_isRejected() throws GeneralSecurityException {
    KeyPair actor = keys("Ed25519");
    String json = new String(created().sign(actor.getPrivate()).canonicalBytes(), UTF8);
    LedgerEvent tampered =
        LedgerEvent.parse(json.replace("sha256:00ff", "sha256:00fe").getBytes(UTF8));
    assertInvalid(() -> tampered.verifySignature(actor.getPublic()));
    assertInvalid(
        () -> LedgerEvent.parse(json.replace("{\"actor\"", "{ \"actor\"").getBytes(UTF8)));
    assertInvalid(() -> LedgerEvent.parse(json.replace("\"v\":1", "\"v\":2").getBytes(UTF8)));
    assertInvalid(
        () -> LedgerEvent.parse(json.replace("\"v\":1", "\"v\":1,\"x\":1").getBytes(UTF8)));
    assertInvalid(() -> LedgerEvent.parse(created().signedBytes()));
    assertInvalid(() -> LedgerEvent.parse("[]".getBytes(UTF8)));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static List<LedgerEvent> flow(KeyPair actor) {
    List<LedgerEvent> events = new ArrayList<>();
    events.add(created().sign(actor.getPrivate()));
    LedgerEventType[] steps = {
      LedgerEventType.IDENTITY_VERIFIED,
      LedgerEventType.SEAL_APPLIED,
      LedgerEventType.FLOW_COMPLETED
    };
    for (int i = 0; i < steps.length; i++) {
      Hash prev = events.get(i).leafHash(HashAlgorithm.SHA_256);
      events.add(
          LedgerEvent.create(
                  steps[i],
                  "vendor.example",
                  T0.plusSeconds(i + 1),
                  Optional.of("flow-1"),
                  Optional.of(prev),
                  Map.of())
              .sign(actor.getPrivate()));
    }
    return events;
  }

  @Test
  void verifyChain_inOrder_passes_missingOrReordered_fails() throws GeneralSecurityException {
    List<LedgerEvent> events = flow(keys("Ed25519"));
    LedgerEvent.verifyChain(events, HashAlgorithm.SHA_256);
    List<LedgerEvent> missing = new ArrayList<>(events);
    missing.remove(1);
    assertInvalid(() -> LedgerEvent.verifyChain(missing, HashAlgorithm.SHA_256));
    List<LedgerEvent> reordered = new ArrayList<>(events);
    reordered.set(1, events.get(2));
    reordered.set(2, events.get(1));
    assertInvalid(() -> LedgerEvent.verifyChain(reordered, HashAlgorithm.SHA_256));
    assertInvalid(() -> LedgerEvent.verifyChain(events.subList(1, 4), HashAlgorithm.SHA_256));
    assertInvalid(() -> LedgerEvent.verifyChain(events, HashAlgorithm.SM3));
  }

  @Test
  void create_flowFieldsNotFittingType_isMisuse() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LedgerEvent.create(
                LedgerEventType.SEAL_REVOKED,
                "platform",
                T0,
                Optional.of("flow-1"),
                Optional.empty(),
                Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LedgerEvent.create(
                LedgerEventType.SEAL_APPLIED,
                "vendor",
                T0,
                Optional.of("flow-1"),
                Optional.empty(),
                Map.of()));
  }
}

package org.eseal.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.erdtman.jcs.JsonCanonicalizer;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.tlog.Hash;
import org.eseal.core.tlog.HashAlgorithm;

/**
 * One ledger event, encoded as canonical JSON (RFC 8785) so that every implementation computes the
 * same bytes; those bytes, signature included, are the event's Merkle leaf.
 *
 * <pre>
 * {"actor":"vendor.example","data":{"seal":"..."},"flow":"f-1","prev":"&lt;base64&gt;",
 *  "sig":{"alg":"Ed25519","value":"&lt;base64&gt;"},"time":"2026-01-01T00:00:00Z",
 *  "type":"SEAL_APPLIED","v":1}
 * </pre>
 *
 * <p>{@code v} is the format version ({@value #FORMAT_VERSION}). Flow steps carry the flow id;
 * every step but {@code FLOW_CREATED} carries {@code prev}, the Merkle leaf hash (RFC 9162 2.1.1)
 * of the flow's previous event. The actor signs the canonical bytes of the event without its {@code
 * sig} member: {@code Ed25519} (RFC 8032) or {@code ES256} (ECDSA P-256 with SHA-256, signature as
 * {@code r || s}). Immutable and thread-safe.
 */
public final class LedgerEvent {
  /** The format version this library writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of("v", "type", "actor", "time", "flow", "prev", "data", "sig");

  private final LedgerEventType type;
  private final String actor;
  private final Instant time;
  private final String flowId;
  private final Hash prev;
  private final Map<String, String> data;
  private final String algorithm;
  private final byte[] signature;

  private LedgerEvent(
      LedgerEventType type,
      String actor,
      Instant time,
      String flowId,
      Hash prev,
      Map<String, String> data,
      String algorithm,
      byte[] signature) {
    this.type = type;
    this.actor = actor;
    this.time = time;
    this.flowId = flowId;
    this.prev = prev;
    this.data = data;
    this.algorithm = algorithm;
    this.signature = signature;
  }

  /**
   * An unsigned event.
   *
   * @param type what happened
   * @param actor who did it: the vendor, approver or platform service that signs the event
   * @param time when, at second precision or finer
   * @param flowId the flow, required for flow steps and absent otherwise
   * @param prev the leaf hash of the flow's previous event, absent only for {@code FLOW_CREATED}
   *     and events outside flows
   * @param data the event's facts as string members, copied
   * @throws IllegalArgumentException if the flow id or prev does not fit the type
   */
  public static LedgerEvent create(
      LedgerEventType type,
      String actor,
      Instant time,
      Optional<String> flowId,
      Optional<Hash> prev,
      Map<String, String> data) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(time, "time");
    if (actor.isEmpty()) {
      throw new IllegalArgumentException("actor must not be empty");
    }
    if (type.isFlowStep() != flowId.isPresent()) {
      throw new IllegalArgumentException("flowId must be present exactly for flow steps: " + type);
    }
    boolean needsPrev = type.isFlowStep() && type != LedgerEventType.FLOW_CREATED;
    if (needsPrev != prev.isPresent()) {
      throw new IllegalArgumentException("prev must be present exactly for chained steps: " + type);
    }
    Map<String, String> copy = new TreeMap<>(data);
    copy.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "data key");
          Objects.requireNonNull(v, "data value");
        });
    return new LedgerEvent(
        type, actor, time, flowId.orElse(null), prev.orElse(null), Map.copyOf(copy), null, null);
  }

  /** The event type. */
  public LedgerEventType type() {
    return type;
  }

  /** Who acted and signs. */
  public String actor() {
    return actor;
  }

  /** When it happened. */
  public Instant time() {
    return time;
  }

  /** The flow id, for flow steps. */
  public Optional<String> flowId() {
    return Optional.ofNullable(flowId);
  }

  /** The leaf hash of the flow's previous event, for chained steps. */
  public Optional<Hash> prev() {
    return Optional.ofNullable(prev);
  }

  /** The event's facts. */
  public Map<String, String> data() {
    return data;
  }

  /** The signature algorithm name ({@code Ed25519} or {@code ES256}), once signed. */
  public Optional<String> signatureAlgorithm() {
    return Optional.ofNullable(algorithm);
  }

  /**
   * This event signed by its actor over {@link #signedBytes()}.
   *
   * @param key an Ed25519 key, or an EC key on P-256
   * @throws ESealException with {@link ErrorCode#SIGNING_FAILED} if the key cannot sign
   */
  public LedgerEvent sign(PrivateKey key) {
    Objects.requireNonNull(key, "key");
    String alg = key.getAlgorithm().equals("EC") ? "ES256" : "Ed25519";
    try {
      Signature signer = Signature.getInstance(jcaName(alg));
      signer.initSign(key);
      signer.update(signedBytes());
      return new LedgerEvent(type, actor, time, flowId, prev, data, alg, signer.sign());
    } catch (GeneralSecurityException e) {
      throw new ESealException(ErrorCode.SIGNING_FAILED, "cannot sign ledger event", e);
    }
  }

  /**
   * Checks the actor's signature.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_LEDGER_EVENT} if the event is unsigned or
   *     the signature does not verify with {@code key}
   */
  public void verifySignature(PublicKey key) {
    Objects.requireNonNull(key, "key");
    if (signature == null) {
      throw invalid("ledger event is not signed");
    }
    boolean valid;
    try {
      Signature verifier = Signature.getInstance(jcaName(algorithm));
      verifier.initVerify(key);
      verifier.update(signedBytes());
      valid = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    if (!valid) {
      throw invalid("signature of " + type + " by " + actor + " does not verify");
    }
  }

  /** The RFC 8785 canonical bytes the actor signs: the event without {@code sig}. */
  public byte[] signedBytes() {
    return canonical(toJson(false));
  }

  /**
   * The RFC 8785 canonical bytes of the signed event: the ledger entry.
   *
   * @throws IllegalStateException if the event is not signed
   */
  public byte[] canonicalBytes() {
    if (signature == null) {
      throw new IllegalStateException("sign the event before logging it");
    }
    return canonical(toJson(true));
  }

  /** The event's Merkle leaf hash, which the next event of its flow carries as {@code prev}. */
  public Hash leafHash(HashAlgorithm algorithm) {
    return algorithm.leafHash(canonicalBytes());
  }

  /**
   * Reads a signed event from its canonical bytes.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_LEDGER_EVENT} if the bytes are not RFC
   *     8785 canonical JSON of a signed event of a known version
   */
  public static LedgerEvent parse(byte[] canonicalJson) {
    Objects.requireNonNull(canonicalJson, "canonicalJson");
    JsonNode node;
    try {
      node = JSON.readTree(canonicalJson);
    } catch (IOException e) {
      throw new ESealException(ErrorCode.INVALID_LEDGER_EVENT, "ledger event is not JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw invalid("ledger event is not a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw invalid("ledger event has unknown member " + name);
      }
    }
    if (!node.path("v").isInt() || node.get("v").intValue() != FORMAT_VERSION) {
      throw invalid("ledger event format version must be " + FORMAT_VERSION);
    }
    LedgerEvent event;
    try {
      LedgerEvent unsigned =
          create(
              LedgerEventType.valueOf(text(node, "type")),
              text(node, "actor"),
              Instant.parse(text(node, "time")),
              Optional.ofNullable(node.get("flow")).map(n -> textOf(n, "flow")),
              Optional.ofNullable(node.get("prev")).map(n -> Hash.fromBase64(textOf(n, "prev"))),
              data(node.get("data")));
      JsonNode sig = node.get("sig");
      if (sig == null || !sig.isObject() || sig.size() != 2) {
        throw invalid("ledger event has no signature object");
      }
      String alg = text(sig, "alg");
      if (!alg.equals("Ed25519") && !alg.equals("ES256")) {
        throw invalid("unknown signature algorithm " + alg);
      }
      byte[] value = Base64.getDecoder().decode(text(sig, "value"));
      event =
          new LedgerEvent(
              unsigned.type,
              unsigned.actor,
              unsigned.time,
              unsigned.flowId,
              unsigned.prev,
              unsigned.data,
              alg,
              value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ESealException(
          ErrorCode.INVALID_LEDGER_EVENT, "malformed ledger event: " + e.getMessage(), e);
    }
    if (!Arrays.equals(event.canonicalBytes(), canonicalJson)) {
      throw invalid("ledger event bytes are not in RFC 8785 canonical form");
    }
    return event;
  }

  /**
   * Checks that the events are one flow, hash-chained in order: the first is {@code FLOW_CREATED},
   * each next one's {@code prev} is the leaf hash of the one before, and nothing follows a terminal
   * event. Signatures are checked separately.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_LEDGER_EVENT} naming the first break
   */
  public static void verifyChain(List<LedgerEvent> events, HashAlgorithm algorithm) {
    List<LedgerEvent> flow = List.copyOf(events);
    if (flow.isEmpty() || flow.get(0).type != LedgerEventType.FLOW_CREATED) {
      throw invalid("a flow starts with FLOW_CREATED");
    }
    for (int i = 1; i < flow.size(); i++) {
      LedgerEvent before = flow.get(i - 1);
      LedgerEvent event = flow.get(i);
      if (!Objects.equals(event.flowId, before.flowId)) {
        throw invalid("event " + i + " belongs to another flow: " + event.flowId);
      }
      if (before.type.isTerminal()) {
        throw invalid("event " + i + " follows the terminal " + before.type);
      }
      if (event.type == LedgerEventType.FLOW_CREATED
          || !before.leafHash(algorithm).equals(event.prev)) {
        throw invalid("event " + i + " (" + event.type + ") does not chain to event " + (i - 1));
      }
    }
  }

  private ObjectNode toJson(boolean withSignature) {
    ObjectNode node = JSON.createObjectNode();
    node.put("v", FORMAT_VERSION);
    node.put("type", type.name());
    node.put("actor", actor);
    node.put("time", time.toString());
    if (flowId != null) {
      node.put("flow", flowId);
    }
    if (prev != null) {
      node.put("prev", prev.base64());
    }
    ObjectNode members = node.putObject("data");
    data.forEach(members::put);
    if (withSignature) {
      ObjectNode sig = node.putObject("sig");
      sig.put("alg", algorithm);
      sig.put("value", Base64.getEncoder().encodeToString(signature));
    }
    return node;
  }

  /** RFC 8785: canonical member order, number and string forms, UTF-8. */
  private static byte[] canonical(ObjectNode node) {
    try {
      return new JsonCanonicalizer(JSON.writeValueAsString(node))
          .getEncodedString()
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    } catch (IOException e) {
      throw new IllegalStateException("Jackson output is always valid JSON", e);
    }
  }

  private static String jcaName(String alg) {
    return alg.equals("ES256") ? "SHA256withECDSAinP1363Format" : "Ed25519";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw invalid("ledger event has no " + field);
    }
    return textOf(value, field);
  }

  private static String textOf(JsonNode value, String field) {
    if (!value.isTextual()) {
      throw invalid(field + " must be a string");
    }
    return value.textValue();
  }

  private static Map<String, String> data(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw invalid("ledger event has no data object");
    }
    Map<String, String> out = new TreeMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), textOf(e.getValue(), e.getKey())));
    return out;
  }

  private static ESealException invalid(String message) {
    return new ESealException(ErrorCode.INVALID_LEDGER_EVENT, message);
  }
}

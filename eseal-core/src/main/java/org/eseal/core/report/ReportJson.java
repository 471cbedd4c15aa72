package org.eseal.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * Writes and reads verification reports as JSON, in the form published as {@code
 * org/eseal/core/report/report.schema.json}. Absent optional values are written as absent members,
 * times as ISO-8601 instants, enums by name.
 *
 * <p>Thread-safe; the class holds no state besides a shared, immutable mapper.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private ReportJson() {}

  /** The report as indented JSON. */
  public static String write(DocumentReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("file", report.file());
      g.writeStringField("sha256", report.sha256());
      g.writeNumberField("revisions", report.revisions());
      g.writeStringField("indication", report.indication().name());
      optional(g, "subIndication", report.subIndication().map(Enum::name));
      g.writeArrayFieldStart("signatures");
      for (SignatureReport s : report.signatures()) {
        writeSignature(g, s);
      }
      g.writeEndArray();
      writeFindings(g, "documentFindings", report.documentFindings());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads a report written by {@link #write(DocumentReport)}.
   *
   * @throws ESealException with {@link ErrorCode#VERIFICATION_ERROR} if the text is not such a
   *     report
   */
  public static DocumentReport read(String json) {
    try {
      JsonNode n = MAPPER.readTree(json);
      List<SignatureReport> signatures = new ArrayList<>();
      for (JsonNode s : n.path("signatures")) {
        signatures.add(readSignature(s));
      }
      return new DocumentReport(
          required(n, "file").asText(),
          required(n, "sha256").asText(),
          required(n, "revisions").asInt(),
          signatures,
          readFindings(n.path("documentFindings")),
          Indication.valueOf(required(n, "indication").asText()),
          text(n, "subIndication").map(SubIndication::valueOf));
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      throw new ESealException(
          ErrorCode.VERIFICATION_ERROR, "not a verification report: " + e.getMessage(), e);
    }
  }

  private static void writeSignature(JsonGenerator g, SignatureReport s) throws IOException {
    g.writeStartObject();
    g.writeStringField("fieldName", s.fieldName());
    g.writeNumberField("revision", s.revision());
    g.writeBooleanField("coversWholeDocument", s.coversWholeDocument());
    optional(g, "signerName", s.signerName());
    optional(g, "claimedSigningTime", s.claimedSigningTime().map(Instant::toString));
    optional(g, "reason", s.reason());
    optional(g, "location", s.location());
    g.writeBooleanField("platformSeal", s.platformSeal());
    optional(g, "sealId", s.sealId());
    g.writeStringField("indication", s.indication().name());
    optional(g, "subIndication", s.subIndication().map(Enum::name));
    g.writeArrayFieldStart("checks");
    for (Check c : s.checks()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("outcome", c.outcome().name());
      g.writeStringField("detail", c.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    writeFindings(g, "findings", s.findings());
    g.writeEndObject();
  }

  private static void writeFindings(JsonGenerator g, String name, List<Finding> findings)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Finding f : findings) {
      g.writeStartObject();
      g.writeStringField("severity", f.severity().name());
      g.writeStringField("code", f.code());
      g.writeStringField("message", f.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void optional(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }

  private static SignatureReport readSignature(JsonNode s) throws IOException {
    List<Check> checks = new ArrayList<>();
    for (JsonNode c : s.path("checks")) {
      checks.add(
          new Check(
              required(c, "id").asText(),
              Outcome.valueOf(required(c, "outcome").asText()),
              required(c, "detail").asText()));
    }
    return new SignatureReport(
        required(s, "fieldName").asText(),
        required(s, "revision").asInt(),
        required(s, "coversWholeDocument").asBoolean(),
        text(s, "signerName"),
        text(s, "claimedSigningTime").map(Instant::parse),
        text(s, "reason"),
        text(s, "location"),
        required(s, "platformSeal").asBoolean(),
        text(s, "sealId"),
        checks,
        readFindings(s.path("findings")),
        Indication.valueOf(required(s, "indication").asText()),
        text(s, "subIndication").map(SubIndication::valueOf));
  }

  private static List<Finding> readFindings(JsonNode array) throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode f : array) {
      findings.add(
          new Finding(
              Finding.Severity.valueOf(required(f, "severity").asText()),
              required(f, "code").asText(),
              required(f, "message").asText()));
    }
    return findings;
  }

  private static JsonNode required(JsonNode n, String name) throws IOException {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new IOException("missing member " + name);
    }
    return v;
  }

  private static Optional<String> text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}

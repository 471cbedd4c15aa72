package org.eseal.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private static DocumentReport sample() {
    SignatureReport s =
        new SignatureReport(
            "Signature1",
            1,
            true,
            Optional.of("CN=Signer"),
            Optional.of(Instant.parse("2026-01-02T03:04:05Z")),
            Optional.of("approval"),
            Optional.empty(),
            false,
            Optional.empty(),
            List.of(new Check("cms.digest", Outcome.FAILED, "digest differs")),
            List.of(),
            Indication.FAILED,
            Optional.of(SubIndication.HASH_FAILURE));
    return new DocumentReport(
        "a.pdf",
        "00".repeat(32),
        1,
        List.of(s),
        List.of(new Finding(Finding.Severity.ERROR, "change.disallowed", "page changed")),
        Indication.FAILED,
        Optional.of(SubIndication.HASH_FAILURE));
  }

  @Test
  void write_thenRead_roundTrips() {
    DocumentReport r = sample();
    assertEquals(r, ReportJson.read(r.toJson()));
  }

  @Test
  void write_matchesPublishedSchemaMembers() throws IOException {
    JsonNode schema;
    try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
      schema = new ObjectMapper().readTree(in);
    }
    JsonNode json = new ObjectMapper().readTree(sample().toJson());

    assertMembers(schema, json);
    JsonNode defs = schema.get("$defs");
    assertMembers(defs.get("signature"), json.get("signatures").get(0));
    assertMembers(defs.get("check"), json.get("signatures").get(0).get("checks").get(0));
    assertMembers(defs.get("finding"), json.get("documentFindings").get(0));
  }

  private static void assertMembers(JsonNode schema, JsonNode value) {
    for (JsonNode required : schema.get("required")) {
      assertTrue(value.has(required.asText()), "missing " + required.asText());
    }
    value
        .fieldNames()
        .forEachRemaining(
            name -> assertTrue(schema.get("properties").has(name), "not in schema: " + name));
  }

  @Test
  void read_garbage_throwsVerificationError() {
    ESealException e = assertThrows(ESealException.class, () -> ReportJson.read("{}"));
    assertEquals(ErrorCode.VERIFICATION_ERROR, e.code());
  }

  @Test
  void requirePassed_failedReport_throwsWithCheck() {
    ESealException e = assertThrows(ESealException.class, () -> sample().requirePassed());
    assertEquals(ErrorCode.VERIFICATION_FAILED, e.code());
    assertTrue(e.getMessage().contains("page changed"), e.getMessage());
  }

  @Test
  void toText_listsEveryCheck() {
    String text = sample().toText();
    assertTrue(text.contains("[FAILED]"), text);
    assertTrue(text.contains("cms.digest"), text);
    assertTrue(text.contains("Signature \"Signature1\""), text);
  }
}

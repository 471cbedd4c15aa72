package org.eseal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.eseal.core.UnifiedSocialCreditCode;
import org.eseal.core.ledger.LedgerEvent;
import org.eseal.core.ledger.LedgerEventType;
import org.eseal.core.ledger.LedgerTrustPolicy;
import org.eseal.core.report.Check;
import org.eseal.core.report.DocumentReport;
import org.eseal.core.report.Indication;
import org.eseal.core.report.Outcome;
import org.eseal.core.report.SignatureReport;
import org.eseal.core.report.SubIndication;
import org.eseal.core.ses.SealAttributes;
import org.eseal.core.tlog.Hash;
import org.eseal.sandbox.IssuedSeal;
import org.eseal.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seals that carry the chain receipt of their SEAL_APPLIED event, checked offline. */
class PdfReceiptTest {
  private static final String FLOW = "flow-0001";
  private static final String ACTOR = "demo-vendor";

  private static Sandbox sandbox;
  private static IssuedSeal seal;
  private static KeyPair actorKey;
  private static byte[] sealed;
  private static SealResult result;

  @BeforeAll
  static void seal() throws GeneralSecurityException {
    sandbox = Sandbox.start();
    String prefix = "91330106MA2CFXY5T";
    String code = prefix + UnifiedSocialCreditCode.checkCharacter(prefix);
    seal = sandbox.registerCompany("杭州示例科技有限公司", code).officialSeal();
    actorKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    PdfSealer.Sealed s = sealer(sandbox, startFlow()).seal(TestPdfs.onePage(), at());
    sealed = s.pdf();
    result = s.result();
  }

  @AfterAll
  static void close() {
    sandbox.close();
  }

  private static SealPlacement at() {
    return SealPlacement.at(1, 40, 40);
  }

  private static Hash startFlow() {
    LedgerEvent created =
        LedgerEvent.create(
                LedgerEventType.FLOW_CREATED,
                ACTOR,
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Optional.of(FLOW),
                Optional.empty(),
                Map.of())
            .sign(actorKey.getPrivate());
    sandbox.ledgerGateway().appendAndProve(created, Duration.ZERO).orElseThrow();
    return created.leafHash(sandbox.ledgerTrustPolicy().algorithm());
  }

  private static PdfSealer sealer(Sandbox ledger, Hash previous) {
    return PdfSealer.builder()
        .seal(seal.seal())
        .signer(seal.signer())
        .ledger(ledger.ledgerGateway(), actorKey.getPrivate(), ACTOR, Duration.ofSeconds(5))
        .flow(FLOW, previous)
        .build();
  }

  private static DocumentReport verify(byte[] pdf, Optional<LedgerTrustPolicy> trust) {
    PdfVerifier.Builder b = PdfVerifier.builder().trustAnchors(sandbox.trustAnchors());
    trust.ifPresent(b::ledgerPolicy);
    return b.build().verify(pdf, "receipt.pdf");
  }

  private static Outcome outcome(DocumentReport report, String id) {
    SignatureReport sig = report.signatures().get(0);
    return sig.check(id).map(Check::outcome).orElseThrow(() -> new AssertionError(id));
  }

  @Test
  void verify_receiptWithPolicy_passesEveryReceiptCheck() {
    DocumentReport report = verify(sealed, Optional.of(sandbox.ledgerTrustPolicy()));

    assertEquals(Indication.PASSED, report.indication(), report.toText());
    assertEquals(Outcome.PASSED, outcome(report, ReceiptCheck.DECODE), report.toText());
    assertEquals(Outcome.PASSED, outcome(report, ReceiptCheck.EVENT), report.toText());
    assertEquals(Outcome.PASSED, outcome(report, ReceiptCheck.PROOF), report.toText());
    assertTrue(result.warnings().stream().noneMatch(w -> w.contains("receipt")));
  }

  @Test
  void verify_receiptWithoutPolicy_warns() {
    DocumentReport report = verify(sealed, Optional.empty());

    assertEquals(Indication.PASSED, report.indication(), report.toText());
    assertEquals(Outcome.PASSED, outcome(report, ReceiptCheck.EVENT));
    assertEquals(Outcome.WARNING, outcome(report, ReceiptCheck.PROOF));
  }

  @Test
  void verify_otherLedgerPolicy_failsProof() {
    try (Sandbox other = Sandbox.start()) {
      DocumentReport report = verify(sealed, Optional.of(other.ledgerTrustPolicy()));

      assertEquals(Indication.FAILED, report.indication(), report.toText());
      assertEquals(Outcome.FAILED, outcome(report, ReceiptCheck.PROOF));
      assertEquals(
          Optional.of(SubIndication.SIG_CONSTRAINTS_FAILURE),
          report.signatures().get(0).subIndication());
    }
  }

  @Test
  void verify_eventDigestAltered_failsEventAndProof() {
    byte[] pdf =
        withReceipt(
            sealed,
            (event, proof) -> {
              String json = new String(event, StandardCharsets.UTF_8);
              int at = json.indexOf("\"documentDigest\":\"") + "\"documentDigest\":\"".length();
              char c = json.charAt(at) == '0' ? '1' : '0';
              String altered = json.substring(0, at) + c + json.substring(at + 1);
              return new Object[] {altered.getBytes(StandardCharsets.UTF_8), proof};
            });

    DocumentReport report = verify(pdf, Optional.of(sandbox.ledgerTrustPolicy()));

    assertEquals(Outcome.PASSED, outcome(report, CmsCheck.SIGNATURE), report.toText());
    assertEquals(Outcome.FAILED, outcome(report, ReceiptCheck.EVENT), report.toText());
    assertEquals(Outcome.FAILED, outcome(report, ReceiptCheck.PROOF), report.toText());
    assertEquals(Indication.FAILED, report.indication());
  }

  @Test
  void verify_proofSignatureBitFlipped_failsProof() {
    byte[] pdf =
        withReceipt(
            sealed,
            (event, proof) -> {
              int line = proof.indexOf("\u2014 " + "sandbox.eseal.example/ledger ");
              int at = proof.indexOf('\n', line) - 5;
              char c = proof.charAt(at) == 'A' ? 'B' : 'A';
              return new Object[] {event, proof.substring(0, at) + c + proof.substring(at + 1)};
            });

    DocumentReport report = verify(pdf, Optional.of(sandbox.ledgerTrustPolicy()));

    assertEquals(Outcome.PASSED, outcome(report, ReceiptCheck.EVENT), report.toText());
    assertEquals(Outcome.FAILED, outcome(report, ReceiptCheck.PROOF), report.toText());
    assertEquals(Indication.FAILED, report.indication());
  }

  @Test
  void verify_oneCosignatureLeft_failsQuorum() {
    byte[] pdf =
        withReceipt(
            sealed,
            (event, proof) -> {
              StringBuilder kept = new StringBuilder();
              int witnesses = 0;
              for (String line : proof.split("\n", -1)) {
                boolean witness = line.startsWith("\u2014 w");
                if (witness && ++witnesses > 1) {
                  continue;
                }
                kept.append(line).append('\n');
              }
              return new Object[] {event, kept.substring(0, kept.length() - 1)};
            });

    DocumentReport report = verify(pdf, Optional.of(sandbox.ledgerTrustPolicy()));

    assertEquals(Outcome.FAILED, outcome(report, ReceiptCheck.PROOF), report.toText());
    String detail =
        report.signatures().get(0).check(ReceiptCheck.PROOF).orElseThrow().detail().toLowerCase();
    assertTrue(detail.contains("quorum") || detail.contains("witness"), detail);
  }

  @Test
  void verify_noReceipt_isNotApplicable() {
    byte[] plain =
        PdfSealer.builder()
            .seal(seal.seal())
            .signer(seal.signer())
            .build()
            .seal(TestPdfs.onePage(), at())
            .pdf();

    DocumentReport report = verify(plain, Optional.of(sandbox.ledgerTrustPolicy()));

    assertEquals(Indication.PASSED, report.indication(), report.toText());
    assertEquals(Outcome.NOT_APPLICABLE, outcome(report, ReceiptCheck.DECODE));
  }

  @Test
  void seal_ledgerGivesNoReceipt_sealsWithWarning() {
    PdfSealer sealer =
        PdfSealer.builder()
            .seal(seal.seal())
            .signer(seal.signer())
            .ledger((event, wait) -> Optional.empty(), actorKey.getPrivate(), ACTOR, Duration.ZERO)
            .flow(FLOW, startFlow())
            .build();

    PdfSealer.Sealed s = sealer.seal(TestPdfs.onePage(), at());

    assertTrue(s.result().warnings().stream().anyMatch(w -> w.startsWith("receipt pending")));
    DocumentReport report = verify(s.pdf(), Optional.of(sandbox.ledgerTrustPolicy()));
    assertEquals(Indication.PASSED, report.indication(), report.toText());
    assertEquals(Outcome.NOT_APPLICABLE, outcome(report, ReceiptCheck.DECODE));
  }

  @Test
  void build_ledgerWithoutFlow_throws() {
    PdfSealer.Builder b =
        PdfSealer.builder()
            .seal(seal.seal())
            .signer(seal.signer())
            .ledger(sandbox.ledgerGateway(), actorKey.getPrivate(), ACTOR, Duration.ZERO);

    assertThrows(IllegalStateException.class, b::build);
  }

  /** Rewrites the receipt's event bytes and proof text, keeping every signed byte. */
  private interface ReceiptEdit {
    Object[] apply(byte[] event, String proof);
  }

  private static byte[] withReceipt(byte[] pdf, ReceiptEdit edit) {
    try (PdfDocument doc = new PdfDocument(PdfVerifier.reader(pdf))) {
      SignatureUtil util = new SignatureUtil(doc);
      PdfSignature sig = util.getSignature(util.getSignatureNames().get(0));
      long[] range = sig.getByteRange().toLongArray();
      int start = (int) range[1] + 1;
      int end = (int) range[2] - 1;
      String hex = new String(pdf, start, end - start, StandardCharsets.US_ASCII);
      CMSSignedData cms = new CMSSignedData(HexFormat.of().parseHex(hex));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(SealAttributes.CHAIN_RECEIPT);
      Attribute attribute = signer.getUnsignedAttributes().get(oid);
      ASN1Sequence receipt = ASN1Sequence.getInstance(attribute.getAttrValues().getObjectAt(0));
      byte[] event = ASN1OctetString.getInstance(receipt.getObjectAt(0)).getOctets();
      String proof = ASN1UTF8String.getInstance(receipt.getObjectAt(1)).getString();
      Object[] edited = edit.apply(event, proof);
      DERSequence altered =
          new DERSequence(
              new ASN1Encodable[] {
                new DEROctetString((byte[]) edited[0]), new DERUTF8String((String) edited[1])
              });
      SignerInformation updated =
          SignerInformation.replaceUnsignedAttributes(
              signer, new AttributeTable(new Attribute(oid, new DERSet(altered))));
      byte[] der =
          CMSSignedData.replaceSigners(cms, new SignerInformationStore(updated))
              .getEncoded(ASN1Encoding.DER);
      String newHex = HexFormat.of().formatHex(der);
      assertTrue(newHex.length() <= hex.length(), "the altered CMS must fit /Contents");
      String padded = newHex + "0".repeat(hex.length() - newHex.length());
      byte[] out = pdf.clone();
      System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, out, start, padded.length());
      return out;
    } catch (IOException | CMSException e) {
      throw new AssertionError(e);
    }
  }
}

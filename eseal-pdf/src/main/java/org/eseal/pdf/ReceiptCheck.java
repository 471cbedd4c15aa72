package org.eseal.pdf;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.eseal.core.ESealException;
import org.eseal.core.ledger.ChainReceipt;
import org.eseal.core.ledger.LedgerEvent;
import org.eseal.core.ledger.LedgerEventType;
import org.eseal.core.ledger.LedgerTrustPolicy;
import org.eseal.core.report.SubIndication;
import org.eseal.core.ses.SealAttributes;
import org.eseal.core.ses.SesSeal;
import org.eseal.core.tlog.VerifiedCheckpoint;

/**
 * Checks the chain receipt a seal carries in its unsigned attributes (DESIGN.md sections 4 and 5):
 * that it decodes, that its {@code SEAL_APPLIED} event names this document, this signature value
 * and this seal, and that its proof verifies offline against the ledger trust policy.
 */
final class ReceiptCheck {
  static final String DECODE = "receipt.decode";
  static final String EVENT = "receipt.event";
  static final String PROOF = "receipt.proof";

  private static final SubIndication MISMATCH = SubIndication.SIG_CONSTRAINTS_FAILURE;

  private ReceiptCheck() {}

  static void check(
      CmsCheck.Result cms, byte[] signed, Optional<LedgerTrustPolicy> trust, Verdict v) {
    AttributeTable unsigned = cms.signer().getUnsignedAttributes();
    ASN1EncodableVector found =
        unsigned == null
            ? new ASN1EncodableVector()
            : unsigned.getAll(new ASN1ObjectIdentifier(SealAttributes.CHAIN_RECEIPT));
    if (found.size() == 0) {
      v.notApplicable(DECODE, "no chain receipt");
      return;
    }
    Optional<ChainReceipt> decoded = decode(found, v);
    if (decoded.isEmpty()) {
      return;
    }
    ChainReceipt receipt = decoded.get();
    checkEvent(receipt.event(), cms, signed, v);
    if (trust.isEmpty()) {
      v.warn(PROOF, "receipt present, no ledger policy given: the proof is not checked");
      return;
    }
    try {
      VerifiedCheckpoint checkpoint = receipt.verify(trust.get());
      v.pass(
          PROOF,
          "entry "
              + receipt.proof().index()
              + " is in the checkpoint of size "
              + checkpoint.checkpoint().size()
              + " of "
              + checkpoint.checkpoint().origin()
              + ", cosigned by "
              + checkpoint.witnesses());
    } catch (ESealException e) {
      v.fail(PROOF, MISMATCH, "the receipt's proof does not verify: " + e.getMessage());
    }
  }

  private static Optional<ChainReceipt> decode(ASN1EncodableVector found, Verdict v) {
    if (found.size() != 1) {
      v.fail(DECODE, MISMATCH, found.size() + " chain receipt attributes; at most one is allowed");
      return Optional.empty();
    }
    ASN1Set values = Attribute.getInstance(found.get(0)).getAttrValues();
    if (values.size() != 1) {
      v.fail(DECODE, MISMATCH, "the chain receipt attribute holds " + values.size() + " values");
      return Optional.empty();
    }
    try {
      ChainReceipt receipt =
          ChainReceipt.decode(values.getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER));
      v.pass(DECODE, "chain receipt of ledger entry " + receipt.proof().index());
      return Optional.of(receipt);
    } catch (ESealException | IOException e) {
      v.fail(DECODE, MISMATCH, "the chain receipt cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static void checkEvent(LedgerEvent event, CmsCheck.Result cms, byte[] signed, Verdict v) {
    Map<String, String> data = event.data();
    if (event.type() != LedgerEventType.SEAL_APPLIED) {
      v.fail(EVENT, MISMATCH, "the receipt's event is " + event.type() + ", not SEAL_APPLIED");
      return;
    }
    String documentDigest = sha256Hex(signed);
    if (!documentDigest.equals(data.get(LedgerBinding.DOCUMENT_DIGEST))) {
      v.fail(
          EVENT,
          MISMATCH,
          "the receipt's event names document digest "
              + data.get(LedgerBinding.DOCUMENT_DIGEST)
              + ", but the signed bytes hash to "
              + documentDigest);
      return;
    }
    String signatureDigest = sha256Hex(cms.signer().getSignature());
    if (!signatureDigest.equals(data.get(LedgerBinding.SIGNATURE_VALUE_DIGEST))) {
      v.fail(
          EVENT,
          MISMATCH,
          "the receipt's event names signature value digest "
              + data.get(LedgerBinding.SIGNATURE_VALUE_DIGEST)
              + ", but this signature value hashes to "
              + signatureDigest);
      return;
    }
    Optional<String> sealId = sealId(cms);
    String logged = data.get(LedgerBinding.SEAL_ID);
    if (!Objects.equals(sealId.orElse(null), logged)) {
      v.fail(
          EVENT,
          MISMATCH,
          "the receipt's event names seal "
              + logged
              + ", but the signature carries seal "
              + sealId.orElse("(none)"));
      return;
    }
    v.pass(
        EVENT,
        "SEAL_APPLIED by "
            + event.actor()
            + " at "
            + event.time()
            + event.flowId().map(f -> " in flow " + f).orElse("")
            + " names this document, this signature value"
            + sealId.map(id -> " and seal " + id).orElse(""));
  }

  private static Optional<String> sealId(CmsCheck.Result cms) {
    Optional<Attribute> structure = cms.signedAttribute(SealAttributes.SEAL_STRUCTURE);
    if (structure.isEmpty()) {
      return Optional.empty();
    }
    try {
      ASN1Set values = structure.get().getAttrValues();
      byte[] der = ASN1OctetString.getInstance(values.getObjectAt(0)).getOctets();
      return Optional.of(SesSeal.decode(der).esId());
    } catch (RuntimeException e) {
      return Optional.of("(unreadable seal structure)");
    }
  }

  private static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}

package org.eseal.core.ledger;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.tlog.HashAlgorithm;
import org.eseal.core.tlog.TlogProof;
import org.eseal.core.tlog.VerifiedCheckpoint;
import org.eseal.core.tlog.WitnessPolicy;

/**
 * Proof that a ledger event is in the ledger (DESIGN.md section 4): the signed event and a C2SP
 * tlog-proof of its inclusion in a signed, cosigned checkpoint. It is checked offline.
 *
 * <p>DER form, carried in the {@link org.eseal.core.ses.SealAttributes#CHAIN_RECEIPT} attribute:
 *
 * <pre>
 * ChainReceipt ::= SEQUENCE {
 *   event  OCTET STRING, -- the event's RFC 8785 canonical JSON, the ledger entry
 *   proof  UTF8String    -- the c2sp.org/tlog-proof@v1 text
 * }
 * </pre>
 *
 * @param event the signed event
 * @param proof the inclusion proof of the event's canonical bytes
 */
public record ChainReceipt(LedgerEvent event, TlogProof proof) {
  /** Checks the fields. */
  public ChainReceipt {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(proof, "proof");
  }

  /** The DER encoding. */
  public byte[] encoded() {
    try {
      return new DERSequence(
              new ASN1Encodable[] {
                new DEROctetString(event.canonicalBytes()), new DERUTF8String(proof.format())
              })
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory failed", e);
    }
  }

  /**
   * Reads the DER encoding.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_TLOG_PROOF} if the bytes are not the DER
   *     of a receipt, or with the code of {@link LedgerEvent#parse} or {@link TlogProof#parse} if a
   *     part cannot be read
   */
  public static ChainReceipt decode(byte[] der) {
    Objects.requireNonNull(der, "der");
    ASN1Sequence seq;
    try {
      ASN1Primitive p = ASN1Primitive.fromByteArray(der);
      seq = ASN1Sequence.getInstance(p);
      if (seq.size() != 2 || !Arrays.equals(p.getEncoded(ASN1Encoding.DER), der)) {
        throw new IllegalArgumentException("not a DER SEQUENCE of two elements");
      }
      byte[] event = ASN1OctetString.getInstance(seq.getObjectAt(0)).getOctets();
      String proof = ASN1UTF8String.getInstance(seq.getObjectAt(1)).getString();
      return new ChainReceipt(LedgerEvent.parse(event), TlogProof.parse(proof));
    } catch (IOException | IllegalArgumentException e) {
      throw new ESealException(
          ErrorCode.MALFORMED_TLOG_PROOF, "not a chain receipt: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies the proof offline against {@code policy}: the checkpoint's log signature and witness
   * quorum, then the inclusion of the event's leaf (RFC 9162 2.1.3.2).
   *
   * @return the verified checkpoint
   * @throws ESealException as {@link TlogProof#verify} does
   */
  public VerifiedCheckpoint verify(WitnessPolicy policy, HashAlgorithm algorithm) {
    return proof.verify(policy, algorithm, event.leafHash(algorithm));
  }

  /** As {@link #verify(WitnessPolicy, HashAlgorithm)} with the parts of {@code trust}. */
  public VerifiedCheckpoint verify(LedgerTrustPolicy trust) {
    return verify(trust.policy(), trust.algorithm());
  }
}

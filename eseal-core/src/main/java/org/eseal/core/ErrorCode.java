package org.eseal.core;

/**
 * Machine-readable reason of an {@link ESealException}. Codes are stable: callers may switch on
 * them and log them; new codes may be added in later versions.
 */
public enum ErrorCode {
  /** A unified social credit code is malformed or its check character is wrong (GB 32100). */
  INVALID_CREDIT_CODE,
  /** The input is not a PDF at all (no header, or not a PDF structure). */
  NOT_A_PDF,
  /** The PDF ends early: no trailer, no startxref, or a stream runs past the end. */
  TRUNCATED_PDF,
  /** The PDF's cross-reference data is broken and the file already holds a signature. */
  BROKEN_XREF,
  /** A DocMDP certification with P=1 forbids any change to the document. */
  CERTIFICATION_FORBIDS_CHANGES,
  /** The document's permissions forbid signing and no owner password was given. */
  PERMISSION_DENIED,
  /** The document is encrypted in a way that cannot be opened with what was given. */
  ENCRYPTED_PDF,
  /** The document uses a feature whose sealing policy says no (XFA forms, for instance). */
  UNSUPPORTED_BY_POLICY,
  /** The keyword anchor was not found in the document's text. */
  KEYWORD_NOT_FOUND,
  /** The requested page or position lies outside the document or the page's visible area. */
  INVALID_PLACEMENT,
  /** A key store, key or certificate could not be read or used. */
  KEY_ERROR,
  /** A seal or seal structure is malformed or its maker's signature does not verify. */
  INVALID_SEAL,
  /** Signing failed for a reason not covered by a more specific code. */
  SIGNING_FAILED,
  /** Reading or writing a file failed. */
  IO_ERROR,
  /** The verifier could not process the document (a structure error). */
  VERIFICATION_ERROR,
  /** The organization is not registered on the platform, or under another name. */
  NOT_REGISTERED,
  /** The organization is already registered on the platform. */
  ALREADY_REGISTERED,
  /** No seal with the given id is known to the platform. */
  UNKNOWN_SEAL,
  /** An e-licence is malformed or the platform's signature on it does not verify. */
  INVALID_LICENCE,
  /** A Merkle inclusion or consistency proof does not verify (RFC 9162 2.1.3.2, 2.1.4.2). */
  INVALID_MERKLE_PROOF,
  /** A signed note, verifier key or signer key breaks the C2SP signed-note format. */
  MALFORMED_NOTE,
  /** A signature from a trusted key on a signed note does not verify. */
  INVALID_NOTE_SIGNATURE,
  /** No trusted key signed the note (unknown signers are ignored). */
  UNTRUSTED_NOTE,
  /** A checkpoint body breaks the C2SP tlog-checkpoint format. */
  MALFORMED_CHECKPOINT,
  /** A witness policy breaks the C2SP tlog-policy format. */
  MALFORMED_POLICY,
  /** The verified cosignatures do not satisfy the witness policy's quorum. */
  QUORUM_NOT_MET,
  /** An offline proof breaks the C2SP tlog-proof format. */
  MALFORMED_TLOG_PROOF,
  /** Two checkpoints of one log are inconsistent: a fork (split view) or a rollback. */
  SPLIT_VIEW,
  /** A ledger event is malformed, wrongly chained or wrongly signed. */
  INVALID_LEDGER_EVENT,
  /** Verification completed and the result is not PASSED; see the report for the checks. */
  VERIFICATION_FAILED
}

package org.eseal.core.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * An offline proof that an entry is in a transparency log, in the C2SP tlog-proof@v1 text form:
 * optional extra data, the entry's index, its inclusion proof, and the signed, cosigned checkpoint
 * the proof leads to.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;            (optional)
 * index &lt;decimal&gt;
 * &lt;base64 hash&gt;              (zero or more, leaf's sibling first)
 *
 * &lt;checkpoint note&gt;
 * </pre>
 *
 * <p>Parsing is strict, so {@link #format()} returns exactly the text that was parsed. Immutable
 * and thread-safe.
 */
public final class TlogProof {
  /** The first line of every proof. */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  private final byte[] extra;
  private final long index;
  private final List<Hash> inclusionProof;
  private final Note checkpoint;

  private TlogProof(byte[] extra, long index, List<Hash> inclusionProof, Note checkpoint) {
    this.extra = extra;
    this.index = index;
    this.inclusionProof = List.copyOf(inclusionProof);
    this.checkpoint = checkpoint;
  }

  /**
   * Assembles a proof.
   *
   * @param extra opaque, unauthenticated extra data, copied; empty for none
   * @param index the entry's zero-based leaf index
   * @param inclusionProof the inclusion proof against the checkpoint's tree (RFC 9162 2.1.3.1)
   * @param checkpoint the signed checkpoint
   * @throws IllegalArgumentException if the index is negative
   */
  public static TlogProof of(
      Optional<byte[]> extra, long index, List<Hash> inclusionProof, Note checkpoint) {
    Objects.requireNonNull(extra, "extra");
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
    return new TlogProof(extra.map(byte[]::clone).orElse(null), index, inclusionProof, checkpoint);
  }

  /**
   * Reads a proof from its text.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_TLOG_PROOF} if a line breaks the
   *     tlog-proof format, or {@link ErrorCode#MALFORMED_NOTE} if the checkpoint note is malformed
   */
  public static TlogProof parse(String text) {
    Objects.requireNonNull(text, "text");
    int split = text.indexOf("\n\n");
    if (split < 0) {
      throw malformed("proof has no blank line before its checkpoint");
    }
    String[] lines = text.substring(0, split).split("\n", -1);
    if (!lines[0].equals(HEADER)) {
      throw malformed("proof does not start with " + HEADER);
    }
    int at = 1;
    byte[] extra = null;
    // tlog-proof, Format: an optional extra line, then the index line.
    if (at < lines.length && lines[at].startsWith("extra ")) {
      extra = Codec.decodeBase64(lines[at].substring("extra ".length()));
      if (extra == null) {
        throw malformed("extra data is not canonical base64");
      }
      at++;
    }
    if (at >= lines.length || !lines[at].startsWith("index ")) {
      throw malformed("proof has no index line");
    }
    long index = Codec.parseDecimal(lines[at].substring("index ".length()));
    if (index < 0) {
      throw malformed("index is not a canonical decimal number");
    }
    at++;
    List<Hash> proof = new ArrayList<>();
    for (; at < lines.length; at++) {
      byte[] hash = Codec.decodeBase64(lines[at]);
      if (hash == null || hash.length != Hash.LENGTH) {
        throw malformed("proof line " + (at + 1) + " is not a base64 hash");
      }
      proof.add(Hash.of(hash));
    }
    if (proof.size() > 63) {
      throw malformed("inclusion proof has more than 63 hashes");
    }
    Note note = Note.parse(text.substring(split + 2));
    return new TlogProof(extra, index, proof, note);
  }

  /** The proof's text form. */
  public String format() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    if (extra != null) {
      out.append("extra ").append(Codec.base64(extra)).append('\n');
    }
    out.append("index ").append(index).append('\n');
    for (Hash hash : inclusionProof) {
      out.append(hash.base64()).append('\n');
    }
    return out.append('\n').append(checkpoint.format()).toString();
  }

  /** A copy of the extra data; it is not authenticated and must not be trusted implicitly. */
  public Optional<byte[]> extra() {
    return Optional.ofNullable(extra).map(byte[]::clone);
  }

  /** The entry's leaf index. */
  public long index() {
    return index;
  }

  /** The inclusion proof hashes, leaf's sibling first. */
  public List<Hash> inclusionProof() {
    return inclusionProof;
  }

  /** The signed checkpoint. */
  public Note checkpoint() {
    return checkpoint;
  }

  /**
   * Verifies the proof offline: the checkpoint against the policy (log signature and witness
   * quorum), then the entry's inclusion in the checkpoint's tree (RFC 9162 2.1.3.2).
   *
   * @param policy the trusted logs, witnesses and quorum
   * @param algorithm the tree's hash function; the C2SP format itself uses SHA-256
   * @param leafHash the leaf hash of the entry, {@code algorithm.leafHash(entry)}
   * @return the verified checkpoint
   * @throws ESealException as {@link WitnessPolicy#verify(Note)} does, or with {@link
   *     ErrorCode#INVALID_MERKLE_PROOF} if the entry is not proved included
   */
  public VerifiedCheckpoint verify(WitnessPolicy policy, HashAlgorithm algorithm, Hash leafHash) {
    Objects.requireNonNull(policy, "policy");
    VerifiedCheckpoint verified = policy.verify(checkpoint);
    Checkpoint body = verified.checkpoint();
    MerkleTree.verifyInclusion(
        algorithm, index, body.size(), leafHash, inclusionProof, body.rootHash());
    return verified;
  }

  private static ESealException malformed(String message) {
    return new ESealException(ErrorCode.MALFORMED_TLOG_PROOF, message);
  }
}

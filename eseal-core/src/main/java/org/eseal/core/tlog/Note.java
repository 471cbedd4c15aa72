package org.eseal.core.tlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;

/**
 * A signed note (C2SP signed-note): a text ending in a newline, a blank line, and one or more
 * signature lines. Parsing keeps every part as written, so {@link #format()} returns exactly the
 * bytes that were parsed.
 *
 * <p>The text means nothing until {@link #verify(Collection)} has checked a signature from a
 * trusted key. Immutable and thread-safe.
 *
 * @param text the note text, including its final newline
 * @param signatures the signature lines, in order
 */
public record Note(String text, List<NoteSignature> signatures) {
  /** The largest note accepted, in bytes of UTF-8. */
  public static final int MAX_SIZE = 1 << 20;

  /** The most signature lines accepted; the specification requires at least 16. */
  public static final int MAX_SIGNATURES = 100;

  private static final String SIGNATURE_START = "\u2014 ";

  /**
   * Checks the text and copies the signatures.
   *
   * @throws IllegalArgumentException if the text is not a valid note text, or there are no
   *     signatures or more than {@link #MAX_SIGNATURES}
   */
  public Note {
    Objects.requireNonNull(text, "text");
    checkText(text);
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException(
          "signatures must hold 1 to " + MAX_SIGNATURES + " lines, got " + signatures.size());
    }
  }

  /**
   * Signs {@code text} with each key in turn.
   *
   * @throws IllegalArgumentException if the text is not a valid note text
   */
  public static Note sign(String text, SignerKey... keys) {
    List<NoteSignature> lines = new ArrayList<>();
    for (SignerKey key : keys) {
      lines.add(key.sign(text));
    }
    return new Note(text, lines);
  }

  /** This note with one more signature line, such as a witness cosignature. */
  public Note withSignature(NoteSignature signature) {
    Objects.requireNonNull(signature, "signature");
    List<NoteSignature> lines = new ArrayList<>(signatures);
    lines.add(signature);
    return new Note(text, lines);
  }

  /** This note with one more signature by {@code key} at {@code time} (see SignerKey#sign). */
  public Note cosign(SignerKey key, Instant time) {
    return withSignature(key.sign(text, time));
  }

  /**
   * Reads a signed note from its bytes.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_NOTE} if the note is larger than {@link
   *     #MAX_SIZE}, not UTF-8, holds control characters other than newline, has no blank line
   *     before its signatures, or a signature line is malformed
   */
  public static Note parse(byte[] note) {
    Objects.requireNonNull(note, "note");
    if (note.length > MAX_SIZE) {
      throw VerifierKey.malformed("note is larger than " + MAX_SIZE + " bytes");
    }
    String decoded = Codec.decodeUtf8(note);
    if (decoded == null) {
      throw VerifierKey.malformed("note is not valid UTF-8");
    }
    return parse(decoded);
  }

  /**
   * Reads a signed note from its text.
   *
   * @throws ESealException with {@link ErrorCode#MALFORMED_NOTE} as for {@link #parse(byte[])}
   */
  public static Note parse(String note) {
    Objects.requireNonNull(note, "note");
    if (!Codec.wellFormed(note) || Codec.utf8(note).length > MAX_SIZE) {
      throw VerifierKey.malformed("note is not UTF-8 text of at most " + MAX_SIZE + " bytes");
    }
    String controls = controlCharacter(note);
    if (controls != null) {
      throw VerifierKey.malformed(controls);
    }
    // C2SP signed-note, Format: the text is separated from the signatures by the last empty line.
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw VerifierKey.malformed("note has no blank line before its signatures");
    }
    String text = note.substring(0, split + 1);
    String block = note.substring(split + 2);
    if (block.isEmpty() || !block.endsWith("\n")) {
      throw VerifierKey.malformed("signature lines must each end in a newline");
    }
    List<NoteSignature> lines = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      if (lines.size() == MAX_SIGNATURES) {
        throw VerifierKey.malformed("note has more than " + MAX_SIGNATURES + " signatures");
      }
      lines.add(parseSignatureLine(line));
    }
    return new Note(text, lines);
  }

  private static NoteSignature parseSignatureLine(String line) {
    if (!line.startsWith(SIGNATURE_START)) {
      throw VerifierKey.malformed("signature line does not start with an em dash and a space");
    }
    String rest = line.substring(SIGNATURE_START.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw VerifierKey.malformed("signature line has no space between name and signature");
    }
    try {
      return new NoteSignature(rest.substring(0, space), rest.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new ESealException(
          ErrorCode.MALFORMED_NOTE, "malformed signature line: " + e.getMessage(), e);
    }
  }

  /** The note as written: text, blank line, signature lines. */
  public String format() {
    StringBuilder out = new StringBuilder(text).append('\n');
    for (NoteSignature signature : signatures) {
      out.append(signature.line());
    }
    return out.toString();
  }

  /** The UTF-8 bytes of {@link #format()}. */
  public byte[] toBytes() {
    return Codec.utf8(format());
  }

  /**
   * Verifies the note against trusted keys (C2SP signed-note, Signatures). Signatures whose key
   * name and key ID do not both match a trusted key are ignored; every signature that matches is
   * verified.
   *
   * @param trusted the keys to check against; no two may share both name and key ID
   * @return the signatures that verified, in note order
   * @throws ESealException with {@link ErrorCode#INVALID_NOTE_SIGNATURE} if a signature from a
   *     trusted key does not verify, or {@link ErrorCode#UNTRUSTED_NOTE} if no trusted key signed
   */
  public VerifiedNote verify(Collection<VerifierKey> trusted) {
    List<VerifierKey> keys = List.copyOf(trusted);
    for (int i = 0; i < keys.size(); i++) {
      for (int j = i + 1; j < keys.size(); j++) {
        if (keys.get(i).name().equals(keys.get(j).name())
            && keys.get(i).keyId() == keys.get(j).keyId()
            && !keys.get(i).equals(keys.get(j))) {
          throw new IllegalArgumentException(
              "trusted keys share name and key ID: " + keys.get(i).name());
        }
      }
    }
    List<VerifiedSignature> verified = new ArrayList<>();
    for (NoteSignature signature : signatures) {
      Optional<VerifierKey> key = keys.stream().filter(k -> k.matches(signature)).findFirst();
      if (key.isPresent()) {
        Optional<Instant> time = key.get().verify(text, signature);
        if (verified.stream().noneMatch(v -> v.key().equals(key.get()))) {
          verified.add(new VerifiedSignature(key.get(), time));
        }
      }
    }
    if (verified.isEmpty()) {
      throw new ESealException(ErrorCode.UNTRUSTED_NOTE, "no trusted key signed the note");
    }
    return new VerifiedNote(this, verified);
  }

  /** Checks the rules a note text obeys, throwing IllegalArgumentException when broken. */
  static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must be non-empty and end in a newline");
    }
    if (!Codec.wellFormed(text)) {
      throw new IllegalArgumentException("note text is not well-formed Unicode");
    }
    String controls = controlCharacter(text);
    if (controls != null) {
      throw new IllegalArgumentException(controls);
    }
  }

  private static String controlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        return "note holds control character U+" + String.format("%04X", (int) c) + " at " + i;
      }
    }
    return null;
  }
}

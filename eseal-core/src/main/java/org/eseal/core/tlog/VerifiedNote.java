package org.eseal.core.tlog;

import java.util.List;
import java.util.Objects;

/**
 * A note whose signatures from trusted keys all verified, and at least one did.
 *
 * @param note the note as parsed
 * @param signatures one entry per trusted key that signed, in note order
 */
public record VerifiedNote(Note note, List<VerifiedSignature> signatures) {
  /** Checks the fields and copies the list. */
  public VerifiedNote {
    Objects.requireNonNull(note, "note");
    signatures = List.copyOf(signatures);
  }

  /** The verified note text. */
  public String text() {
    return note.text();
  }

  /** Whether {@code key} is among the keys whose signature verified. */
  public boolean signedBy(VerifierKey key) {
    return signatures.stream().anyMatch(s -> s.key().equals(key));
  }
}

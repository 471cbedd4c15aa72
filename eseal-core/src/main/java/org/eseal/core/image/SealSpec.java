package org.eseal.core.image;

import java.util.Objects;
import org.eseal.core.Organization;
import org.eseal.core.SealKind;

/**
 * What a seal image shows: who holds the seal, what kind it is, and its code.
 *
 * @param holderName the company name (round and oval seals) or the person's name (square seals);
 *     surrounding white space is removed
 * @param kind the kind of seal, which decides the shape and the words in the middle
 * @param sealCode the seal's code printed small along the lower rim, usually 13 digits; empty for
 *     none. Square seals have no room for it and leave it out.
 */
public record SealSpec(String holderName, SealKind kind, String sealCode) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the holder name is blank or a field holds control
   *     characters
   * @throws NullPointerException if a field is null
   */
  public SealSpec {
    Objects.requireNonNull(holderName, "holderName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sealCode, "sealCode");
    holderName = holderName.strip();
    sealCode = sealCode.strip();
    if (holderName.isEmpty()) {
      throw new IllegalArgumentException("holderName must not be blank");
    }
    requirePrintable(holderName, "holderName");
    requirePrintable(sealCode, "sealCode");
  }

  /** The spec of a seal held by {@code organization}, showing its registered name. */
  public static SealSpec of(Organization organization, SealKind kind, String sealCode) {
    return new SealSpec(organization.name(), kind, sealCode);
  }

  private static void requirePrintable(String value, String field) {
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(field + " must not contain control characters");
    }
  }
}

package org.eseal.core;

import java.util.Objects;

/**
 * A registered company or other organization that owns seals.
 *
 * @param name the registered name, as printed along the seal's upper arc
 * @param creditCode its unified social credit code, already validated
 */
public record Organization(String name, UnifiedSocialCreditCode creditCode) {

  /** Checks that the name is present. */
  public Organization {
    Objects.requireNonNull(creditCode, "creditCode");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    name = name.strip();
  }

  /**
   * Creates an organization, validating the credit code.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_CREDIT_CODE} for a bad code
   */
  public static Organization of(String name, String creditCode) {
    return new Organization(name, UnifiedSocialCreditCode.parse(creditCode));
  }
}

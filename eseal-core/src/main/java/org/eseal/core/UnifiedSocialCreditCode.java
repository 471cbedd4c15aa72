package org.eseal.core;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters.
 *
 * <p>Construct with {@link #parse(String)}, which checks the length, the alphabet, the digits of
 * the division code and the final check character (weights 3^i mod 31). The organization code in
 * characters 9 to 17 is not checked against GB 11714, since codes of some registration categories
 * do not follow it.
 *
 * @param value the 18 characters, upper case
 */
public record UnifiedSocialCreditCode(String value) {
  /** GB 32100 alphabet: digits and upper-case letters except I, O, Z, S and V. */
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  /** Validates {@code value}; prefer {@link #parse(String)}, which also normalizes case. */
  public UnifiedSocialCreditCode {
    check(value);
  }

  /**
   * Parses and validates a code.
   *
   * @throws ESealException with {@link ErrorCode#INVALID_CREDIT_CODE} naming the bad character and
   *     its position when the code is malformed
   */
  public static UnifiedSocialCreditCode parse(String text) {
    if (text == null) {
      throw invalid("no unified social credit code given");
    }
    return new UnifiedSocialCreditCode(text.strip().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * Computes the 18th character for a 17-character prefix, for tests and sample data.
   *
   * @throws ESealException if the prefix is not 17 characters of the GB 32100 alphabet
   */
  public static char checkCharacter(String prefix17) {
    if (prefix17.length() != 17) {
      throw invalid("a check character needs 17 characters, got " + prefix17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += valueAt(prefix17, i) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /** The registration authority and organization category (characters 1 and 2). */
  public String registrationCategory() {
    return value.substring(0, 2);
  }

  /** The administrative division code (characters 3 to 8). */
  public String divisionCode() {
    return value.substring(2, 8);
  }

  /** The 9-character organization code (characters 9 to 17, GB 11714). */
  public String organizationCode() {
    return value.substring(8, 17);
  }

  @Override
  public String toString() {
    return value;
  }

  private static void check(String value) {
    if (value == null) {
      throw invalid("no unified social credit code given");
    }
    if (value.length() != 18) {
      throw invalid(
          "unified social credit code '"
              + value
              + "' has "
              + value.length()
              + " characters; GB 32100 requires 18");
    }
    for (int i = 0; i < 18; i++) {
      valueAt(value, i);
    }
    for (int i = 2; i < 8; i++) {
      if (!Character.isDigit(value.charAt(i))) {
        throw invalid(badCharacter(value, i, "the administrative division code takes digits only"));
      }
    }
    char expected = checkCharacter(value.substring(0, 17));
    if (value.charAt(17) != expected) {
      throw invalid(badCharacter(value, 17, "the check character should be '" + expected + "'"));
    }
  }

  private static int valueAt(String value, int index) {
    int v = ALPHABET.indexOf(value.charAt(index));
    if (v < 0) {
      throw invalid(
          badCharacter(value, index, "GB 32100 allows only digits and letters except I O Z S V"));
    }
    return v;
  }

  private static String badCharacter(String value, int index, String why) {
    return "unified social credit code '"
        + value
        + "': character "
        + (index + 1)
        + " '"
        + value.charAt(index)
        + "' is invalid: "
        + why;
  }

  private static ESealException invalid(String message) {
    return new ESealException(ErrorCode.INVALID_CREDIT_CODE, message);
  }
}

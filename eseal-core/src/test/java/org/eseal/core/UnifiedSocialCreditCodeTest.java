package org.eseal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {
  private static final String PREFIX = "91330106MA2CFXY5T";

  private static String valid() {
    return PREFIX + UnifiedSocialCreditCode.checkCharacter(PREFIX);
  }

  @Test
  void parse_validCode_exposesParts() {
    UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(valid());

    assertEquals(valid(), code.value());
    assertEquals("91", code.registrationCategory());
    assertEquals("330106", code.divisionCode());
    assertEquals("MA2CFXY5T", code.organizationCode());
  }

  @Test
  void parse_lowerCaseWithSpaces_normalizes() {
    assertEquals(valid(), UnifiedSocialCreditCode.parse(" " + valid().toLowerCase() + " ").value());
  }

  @Test
  void checkCharacter_knownPublishedCode_matches() {
    // A code in the format printed on business licences, with its published check character.
    assertEquals('3', UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4"));
  }

  @Test
  void parse_wrongCheckCharacter_namesCharacter18() {
    char right = UnifiedSocialCreditCode.checkCharacter(PREFIX);
    char wrong = right == '0' ? '1' : '0';

    ESealException e =
        assertThrows(ESealException.class, () -> UnifiedSocialCreditCode.parse(PREFIX + wrong));

    assertEquals(ErrorCode.INVALID_CREDIT_CODE, e.code());
    assertTrue(e.getMessage().contains("character 18"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + right + "'"), e.getMessage());
  }

  @Test
  void parse_letterI_namesItsPosition() {
    ESealException e =
        assertThrows(
            ESealException.class, () -> UnifiedSocialCreditCode.parse("91330106MI2CFXY5T0"));

    assertEquals(ErrorCode.INVALID_CREDIT_CODE, e.code());
    assertTrue(e.getMessage().contains("character 10 'I'"), e.getMessage());
  }

  @Test
  void parse_wrongLength_saysSo() {
    ESealException e =
        assertThrows(ESealException.class, () -> UnifiedSocialCreditCode.parse("9133010"));

    assertEquals(ErrorCode.INVALID_CREDIT_CODE, e.code());
    assertTrue(e.getMessage().contains("18"), e.getMessage());
  }

  @Test
  void parse_letterInDivisionCode_isRejected() {
    String prefix = "9133A106MA2CFXY5T";
    String code = prefix + UnifiedSocialCreditCode.checkCharacter(prefix);

    ESealException e =
        assertThrows(ESealException.class, () -> UnifiedSocialCreditCode.parse(code));

    assertTrue(e.getMessage().contains("character 5"), e.getMessage());
  }

  @Test
  void parse_null_isInvalidCreditCode() {
    ESealException e =
        assertThrows(ESealException.class, () -> UnifiedSocialCreditCode.parse(null));

    assertEquals(ErrorCode.INVALID_CREDIT_CODE, e.code());
  }
}

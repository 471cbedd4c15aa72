package org.eseal.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eseal.core.Organization;
import org.eseal.core.SealKind;
import org.eseal.core.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

class SealSpecTest {
  @Test
  void new_paddedFields_areStripped() {
    SealSpec spec = new SealSpec("  示例公司 ", SealKind.CONTRACT, " 3301060012345\u3000");

    assertEquals("示例公司", spec.holderName());
    assertEquals("3301060012345", spec.sealCode());
  }

  @Test
  void new_emptySealCode_isAllowed() {
    assertEquals("", new SealSpec("示例公司", SealKind.OFFICIAL, "").sealCode());
  }

  @Test
  void new_blankHolderName_throws() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new SealSpec(" \t", SealKind.OFFICIAL, ""));
    assertEquals("holderName must not be blank", e.getMessage());
  }

  @Test
  void new_nullField_throwsNamingIt() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new SealSpec("示例公司", null, ""));
    assertEquals("kind", e.getMessage());
    assertThrows(NullPointerException.class, () -> new SealSpec(null, SealKind.OFFICIAL, ""));
    String name = "示例公司";
    assertThrows(NullPointerException.class, () -> new SealSpec(name, SealKind.OFFICIAL, null));
  }

  @Test
  void new_controlCharacter_throws() {
    assertThrows(
        IllegalArgumentException.class, () -> new SealSpec("示例\n公司", SealKind.OFFICIAL, ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SealSpec("示例公司", SealKind.OFFICIAL, "12\u000734"));
  }

  @Test
  void of_organization_usesRegisteredName() {
    String prefix = "91330106MA2B00000";
    String code = prefix + UnifiedSocialCreditCode.checkCharacter(prefix);
    Organization company = Organization.of("杭州示例科技有限公司", code);

    SealSpec spec = SealSpec.of(company, SealKind.CONTRACT, "3301060012345");

    assertEquals("杭州示例科技有限公司", spec.holderName());
  }
}

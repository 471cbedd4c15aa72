package org.eseal.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.eseal.core.Organization;
import org.eseal.core.SealImage;
import org.eseal.core.SealKind;
import org.eseal.core.sign.SignatureAlgorithm;
import org.eseal.core.trust.TrustAnchors;
import org.eseal.sandbox.IssuedSeal;
import org.eseal.sandbox.Sandbox;

/** Seals issued by an in-process sandbox, shared by the tests of this package. */
final class TestSeals {
  static final SealImage IMAGE = SealImage.ofPng(png(), 42, 42);

  private static IssuedSeal first;
  private static IssuedSeal second;

  private TestSeals() {}

  /** The official seal of a first company. */
  static synchronized IssuedSeal first() {
    if (first == null) {
      issue();
    }
    return first;
  }

  /** The official seal of a second company, for a second party. */
  static synchronized IssuedSeal second() {
    if (second == null) {
      issue();
    }
    return second;
  }

  private static Sandbox sandbox;

  /** A contract seal of the first company with a key of {@code algorithm}. */
  static synchronized IssuedSeal issue(SignatureAlgorithm algorithm) {
    IssuedSeal official = first();
    return sandbox.issueSeal(official.seal().owner(), SealKind.CONTRACT, IMAGE, algorithm);
  }

  private static void issue() {
    sandbox = Sandbox.start();
    first = sandbox.registerCompany("测试科技有限公司", "91110108MA0000001D", IMAGE).officialSeal();
    Organization other = Organization.of("第二测试有限公司", code("91310115MA0000002"));
    second =
        sandbox.registerCompany(other.name(), other.creditCode().value(), IMAGE).officialSeal();
    if (first.seal().kind() != SealKind.OFFICIAL) {
      throw new IllegalStateException("unexpected seal kind");
    }
  }

  private static String code(String prefix) {
    return prefix + org.eseal.core.UnifiedSocialCreditCode.checkCharacter(prefix);
  }

  /** The anchors of the sandbox that issued every test seal. */
  static synchronized TrustAnchors trustAnchors() {
    first();
    return sandbox.trustAnchors();
  }

  /** A sealer for the first company's official seal. */
  static PdfSealer.Builder sealer() {
    IssuedSeal seal = first();
    return PdfSealer.builder().signer(seal.signer()).seal(seal.seal()).reason("test");
  }

  /**
   * A red round seal on a transparent background, with a filled bar at its top so that a turned
   * picture shows.
   */
  static byte[] png() {
    int size = 300;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(220, 20, 20));
    g.setStroke(new BasicStroke(14));
    g.drawOval(10, 10, size - 20, size - 20);
    g.fillRect(size / 2 - 30, 40, 60, 100);
    g.fillRect(90, 200, 120, 20);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

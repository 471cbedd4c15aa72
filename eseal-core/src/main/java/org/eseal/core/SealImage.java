package org.eseal.core;

import java.util.Arrays;

/**
 * The picture of a seal: PNG bytes plus the physical size at which it must be printed.
 *
 * <p>Immutable: the bytes are copied in and out.
 */
public final class SealImage {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final byte[] png;
  private final double widthMm;
  private final double heightMm;

  private SealImage(byte[] png, double widthMm, double heightMm) {
    this.png = png;
    this.widthMm = widthMm;
    this.heightMm = heightMm;
  }

  /**
   * Wraps PNG bytes with the size they represent.
   *
   * @throws IllegalArgumentException if the bytes are not a PNG or a size is not positive
   */
  public static SealImage ofPng(byte[] png, double widthMm, double heightMm) {
    if (png.length < PNG_SIGNATURE.length
        || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
      throw new IllegalArgumentException("seal image is not a PNG");
    }
    if (!(widthMm > 0) || !(heightMm > 0)) {
      throw new IllegalArgumentException(
          "seal image size must be positive, got " + widthMm + " x " + heightMm + " mm");
    }
    return new SealImage(png.clone(), widthMm, heightMm);
  }

  /** A copy of the PNG bytes. */
  public byte[] png() {
    return png.clone();
  }

  /** Printed width in millimetres. */
  public double widthMm() {
    return widthMm;
  }

  /** Printed height in millimetres. */
  public double heightMm() {
    return heightMm;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealImage other
        && Arrays.equals(png, other.png)
        && widthMm == other.widthMm
        && heightMm == other.heightMm;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(png) * 31 + Double.hashCode(widthMm);
  }

  @Override
  public String toString() {
    return "SealImage[" + widthMm + " x " + heightMm + " mm, " + png.length + " bytes]";
  }
}

package org.eseal.core;

/** The outline of a seal image. */
public enum SealShape {
  /** A circle with a five-pointed star, used by official and contract seals. */
  ROUND,
  /** An ellipse, used by finance and invoice seals. */
  OVAL,
  /** A square with the holder's name, used by name and signature seals. */
  SQUARE
}

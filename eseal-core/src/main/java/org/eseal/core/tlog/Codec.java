package org.eseal.core.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Text and byte helpers shared by the note, checkpoint, policy and proof codecs. */
final class Codec {
  private Codec() {}

  /**
   * Decodes standard base64 (RFC 4648 section 4) only in its canonical form: padded, no line
   * breaks, no stray bits. Returns null otherwise, so that every accepted text re-encodes to itself
   * byte for byte.
   */
  static byte[] decodeBase64(String text) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return Base64.getEncoder().encodeToString(decoded).equals(text) ? decoded : null;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Decodes UTF-8, rejecting malformed input; returns null when the bytes are not UTF-8. */
  static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the text is well-formed UTF-16 (so that it encodes to well-formed UTF-8). */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code name} is a valid signed-note key name: non-empty, with neither Unicode spaces
   * nor plus (C2SP signed-note, Format), nor control characters.
   */
  static boolean validKeyName(String name) {
    if (name.isEmpty() || !wellFormed(name)) {
      return false;
    }
    return name.codePoints()
        .noneMatch(
            c ->
                c == '+'
                    || c < 0x20
                    || c == 0x7f
                    || c == 0x85
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c));
  }

  /** Parses a decimal number with no sign and no leading zeroes, or returns -1. */
  static long parseDecimal(String text) {
    if (text.isEmpty() || text.length() > 19 || (text.length() > 1 && text.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}

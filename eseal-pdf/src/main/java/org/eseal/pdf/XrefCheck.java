package org.eseal.pdf;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent check of classic cross-reference tables (ISO 32000-2 7.5.4): every in-use entry
 * must be well formed and point at the object it names. Parsers repair broken tables silently, so
 * this is what tells a sound file from one that needs a rewrite.
 */
final class XrefCheck {
  private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)");
  private static final Pattern SUBSECTION = Pattern.compile("\\G\\s*(\\d+) (\\d+)[ \\t]*\\r?\\n?");
  private static final Pattern ENTRY =
      Pattern.compile("\\G(\\d{10}) (\\d{5}) ([nf])[ \\r\\n]{1,2}");
  private static final Pattern XREF_STREAM =
      Pattern.compile("\\d+\\s+\\d+\\s+obj\\s*<<(.*?)>>\\s*stream", Pattern.DOTALL);
  private static final Pattern OBJECT = Pattern.compile("\\s*(\\d+)\\s+(\\d+)\\s+obj\\b");
  private static final Pattern PREV = Pattern.compile("/Prev\\s+(\\d+)");
  private static final int MAX_SECTIONS = 1000;

  private XrefCheck() {}

  /**
   * Whether the chain of cross-reference sections from the last {@code startxref} is sound: classic
   * tables entry by entry, cross-reference streams as links of the chain only. Empty when there is
   * no {@code startxref} to start from.
   */
  static Optional<Boolean> classicTablesSound(byte[] pdf) {
    Latin1 text = new Latin1(pdf);
    Matcher last =
        STARTXREF.matcher(text.subSequence(Math.max(0, text.length() - 2048), text.length()));
    String offset = null;
    while (last.find()) {
      offset = last.group(1);
    }
    if (offset == null) {
      return Optional.empty();
    }
    Set<Long> seen = new HashSet<>();
    long position = Long.parseLong(offset);
    for (int n = 0; n < MAX_SECTIONS; n++) {
      if (position < 0 || position >= pdf.length || !seen.add(position)) {
        return Optional.of(false);
      }
      int at = skipWhitespace(pdf, (int) position);
      if (!text.startsWith("xref", at)) {
        // A cross-reference stream: its entries are compressed and left to the parser; the
        // chain itself must still lead from object to object.
        Matcher stream = XREF_STREAM.matcher(text).region(at, Math.min(text.length(), at + 4096));
        if (!stream.lookingAt()) {
          return Optional.of(false);
        }
        String dict = stream.group(1);
        if (!dict.matches("(?s).*/Type\\s*/XRef\\b.*")) {
          return Optional.of(false);
        }
        Matcher prev = PREV.matcher(dict);
        if (!prev.find()) {
          return Optional.of(true);
        }
        position = Long.parseLong(prev.group(1));
        continue;
      }
      int end = text.indexOf("trailer", at);
      if (end < 0 || !sectionSound(text, at + 4, end)) {
        return Optional.of(false);
      }
      int dictEnd = text.indexOf("startxref", end);
      CharSequence trailer = text.subSequence(end, dictEnd < 0 ? text.length() : dictEnd);
      Matcher prev = PREV.matcher(trailer);
      if (!prev.find()) {
        return Optional.of(true);
      }
      position = Long.parseLong(prev.group(1));
    }
    return Optional.of(false);
  }

  private static boolean sectionSound(Latin1 text, int from, int end) {
    Matcher sub = SUBSECTION.matcher(text).region(from, end);
    int pos = from;
    while (true) {
      sub.region(pos, end);
      if (!sub.lookingAt()) {
        return text.subSequence(pos, end).toString().isBlank();
      }
      long first = Long.parseLong(sub.group(1));
      int count = Integer.parseInt(sub.group(2));
      pos = sub.end();
      Matcher entry = ENTRY.matcher(text);
      for (int i = 0; i < count; i++) {
        entry.region(pos, end);
        if (!entry.lookingAt()) {
          return false;
        }
        if (entry.group(3).equals("n")) {
          long off = Long.parseLong(entry.group(1));
          int gen = Integer.parseInt(entry.group(2));
          if (!objectAt(text, off, first + i, gen)) {
            return false;
          }
        }
        pos = entry.end();
      }
    }
  }

  private static boolean objectAt(Latin1 text, long offset, long number, int generation) {
    if (offset <= 0 || offset >= text.length()) {
      return false;
    }
    int at = (int) offset;
    Matcher m = OBJECT.matcher(text.subSequence(at, Math.min(text.length(), at + 40)));
    return m.lookingAt()
        && Long.parseLong(m.group(1)) == number
        && Integer.parseInt(m.group(2)) == generation;
  }

  /** The bytes of a file read as ISO-8859-1 characters, without copying them. */
  private static final class Latin1 implements CharSequence {
    private final byte[] bytes;
    private final int from;
    private final int to;

    Latin1(byte[] bytes) {
      this(bytes, 0, bytes.length);
    }

    private Latin1(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      return (char) (bytes[from + index] & 0xff);
    }

    @Override
    public Latin1 subSequence(int start, int end) {
      return new Latin1(bytes, from + start, from + end);
    }

    boolean startsWith(String prefix, int at) {
      if (at < 0 || at + prefix.length() > length()) {
        return false;
      }
      for (int i = 0; i < prefix.length(); i++) {
        if (charAt(at + i) != prefix.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    int indexOf(String needle, int start) {
      for (int i = Math.max(0, start); i + needle.length() <= length(); i++) {
        if (startsWith(needle, i)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public String toString() {
      return new String(bytes, from, length(), StandardCharsets.ISO_8859_1);
    }
  }

  private static int skipWhitespace(byte[] pdf, int at) {
    while (at < pdf.length && Character.isWhitespace((char) (pdf[at] & 0xff))) {
      at++;
    }
    return Math.min(at, pdf.length - 1);
  }
}

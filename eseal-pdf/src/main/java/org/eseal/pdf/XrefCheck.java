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
  private static final Pattern PREV = Pattern.compile("/Prev\\s+(\\d+)");
  private static final int MAX_SECTIONS = 1000;

  private XrefCheck() {}

  /**
   * Whether the chain of cross-reference sections from the last {@code startxref} is sound: classic
   * tables entry by entry, cross-reference streams as links of the chain only. Empty when there is
   * no {@code startxref} to start from.
   */
  static Optional<Boolean> classicTablesSound(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher last = STARTXREF.matcher(text.substring(Math.max(0, text.length() - 2048)));
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
      String trailer = text.substring(end, dictEnd < 0 ? text.length() : dictEnd);
      Matcher prev = PREV.matcher(trailer);
      if (!prev.find()) {
        return Optional.of(true);
      }
      position = Long.parseLong(prev.group(1));
    }
    return Optional.of(false);
  }

  private static boolean sectionSound(String text, int from, int end) {
    Matcher sub = SUBSECTION.matcher(text).region(from, end);
    int pos = from;
    while (true) {
      sub.region(pos, end);
      if (!sub.lookingAt()) {
        return text.substring(pos, end).isBlank();
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

  private static boolean objectAt(String text, long offset, long number, int generation) {
    if (offset <= 0 || offset >= text.length()) {
      return false;
    }
    int at = (int) offset;
    String head = text.substring(at, Math.min(text.length(), at + 40));
    return Pattern.compile("^\\s*" + number + "\\s+" + generation + "\\s+obj\\b")
        .matcher(head)
        .find();
  }

  private static int skipWhitespace(byte[] pdf, int at) {
    while (at < pdf.length && Character.isWhitespace((char) (pdf[at] & 0xff))) {
      at++;
    }
    return Math.min(at, pdf.length - 1);
  }
}

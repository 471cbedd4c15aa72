package org.eseal.pdf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revision boundaries of a PDF, found from its raw bytes: every {@code %%EOF} marker that
 * follows a {@code startxref} keyword ends a revision (ISO 32000-1 7.5.6). Also walks the {@code
 * startxref} and {@code /Prev} chain of the last revision and notes loops and bad offsets.
 */
final class Revisions {
  private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,12})\\s*$");
  private static final Pattern PREV = Pattern.compile("/Prev\\s+(\\d{1,12})");
  private static final int MAX_CHAIN = 10_000;

  /** End offsets (exclusive) of each revision, after {@code %%EOF}, in file order. */
  private final List<Integer> markerEnds;

  /** Offsets of the end of the end-of-line run after each marker. */
  private final List<Integer> eolEnds;

  private final List<Long> startxrefs;
  private final List<String> problems;

  private Revisions(
      List<Integer> markerEnds, List<Integer> eolEnds, List<Long> startxrefs, List<String> p) {
    this.markerEnds = List.copyOf(markerEnds);
    this.eolEnds = List.copyOf(eolEnds);
    this.startxrefs = List.copyOf(startxrefs);
    this.problems = List.copyOf(p);
  }

  static Revisions scan(byte[] pdf) {
    List<Integer> ends = new ArrayList<>();
    List<Integer> eols = new ArrayList<>();
    List<Long> xrefs = new ArrayList<>();
    for (int i = indexOf(pdf, EOF, 0); i >= 0; i = indexOf(pdf, EOF, i + EOF.length)) {
      int from = Math.max(0, i - 64);
      String before = new String(pdf, from, i - from, StandardCharsets.ISO_8859_1);
      Matcher m = STARTXREF.matcher(before);
      if (!m.find()) {
        continue;
      }
      int end = i + EOF.length;
      int eol = end;
      while (eol < pdf.length && (pdf[eol] == '\r' || pdf[eol] == '\n')) {
        eol++;
      }
      ends.add(end);
      eols.add(eol);
      xrefs.add(Long.parseLong(m.group(1)));
    }
    List<String> problems = new ArrayList<>();
    if (!xrefs.isEmpty()) {
      walkChain(pdf, xrefs.get(xrefs.size() - 1), problems);
    }
    return new Revisions(ends, eols, xrefs, problems);
  }

  /** Follows startxref and /Prev from the last revision; notes loops and offsets out of range. */
  private static void walkChain(byte[] pdf, long start, List<String> problems) {
    Set<Long> seen = new HashSet<>();
    long offset = start;
    for (int steps = 0; steps < MAX_CHAIN; steps++) {
      if (offset < 0 || offset >= pdf.length) {
        problems.add("cross-reference offset " + offset + " lies outside the file");
        return;
      }
      if (!seen.add(offset)) {
        problems.add("the /Prev chain of cross-reference sections loops at offset " + offset);
        return;
      }
      int window = (int) Math.min(pdf.length - offset, 64 * 1024);
      String text = new String(pdf, (int) offset, window, StandardCharsets.ISO_8859_1);
      // Only the section's own dictionary names its predecessor: the first trailer after a
      // table, or the stream dictionary of a cross-reference stream. Text after it may belong to
      // the next revision (in hybrid files a table is followed by its /XRefStm stream and a later
      // update), whose /Prev points back here and is no loop.
      int from = text.startsWith("xref") ? text.indexOf("trailer") : 0;
      String dict = from < 0 ? "" : firstDictionary(text, from);
      Matcher m = PREV.matcher(dict);
      if (!m.find()) {
        return;
      }
      offset = Long.parseLong(m.group(1));
    }
    problems.add("the /Prev chain is longer than " + MAX_CHAIN + " sections");
  }

  /**
   * The top-level entries of the first dictionary at or after {@code from}, with nested
   * dictionaries and strings blanked so that a {@code /Prev} inside them is not taken for the
   * section's own.
   */
  static String firstDictionary(String text, int from) {
    int start = text.indexOf("<<", from);
    if (start < 0) {
      return "";
    }
    StringBuilder top = new StringBuilder();
    int depth = 0;
    int parens = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (parens > 0) {
        if (c == '\\') {
          i++;
        } else if (c == '(') {
          parens++;
        } else if (c == ')') {
          parens--;
        }
        continue;
      }
      if (c == '(') {
        parens++;
      } else if (text.startsWith("<<", i)) {
        depth++;
        i++;
      } else if (text.startsWith(">>", i)) {
        depth--;
        i++;
        if (depth == 0) {
          return top.toString();
        }
      } else if (depth == 1) {
        top.append(c);
      } else {
        // Keeps tokens of nested dictionaries apart from the top-level ones around them.
        top.append(' ');
      }
    }
    return top.toString();
  }

  /** The number of revisions found. */
  int count() {
    return markerEnds.size();
  }

  /** The end (exclusive) of revision {@code index} (0-based), right after {@code %%EOF}. */
  int end(int index) {
    return markerEnds.get(index);
  }

  /** The end of revision {@code index} including the end-of-line bytes after the marker. */
  int endWithEol(int index) {
    return eolEnds.get(index);
  }

  /** The startxref offset of revision {@code index}. */
  long startxref(int index) {
    return startxrefs.get(index);
  }

  /**
   * The 0-based revision that a byte range ending at {@code rangeEnd} covers, or -1 when the range
   * does not end at a revision boundary (right after {@code %%EOF} or inside the end-of-line bytes
   * that follow it).
   */
  int revisionEndingAt(long rangeEnd) {
    for (int i = 0; i < markerEnds.size(); i++) {
      if (rangeEnd >= markerEnds.get(i) && rangeEnd <= eolEnds.get(i)) {
        return i;
      }
    }
    return -1;
  }

  /** Structure problems of the cross-reference chain, for the report. */
  List<String> problems() {
    return problems;
  }

  static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

package org.eseal.pdf;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** Walks the form field tree (ISO 32000-1 12.7.3.1) without recursion, looking for loops. */
final class FieldTree {
  private static final int MAX_NODES = 100_000;

  private FieldTree() {}

  /** A description of the first loop or excess found, or null if the tree is finite. */
  static String findLoop(PdfDocument doc) {
    PdfDictionary form = doc.getCatalog().getPdfObject().getAsDictionary(PdfName.AcroForm);
    if (form == null) {
      return null;
    }
    Deque<PdfObject> todo = new ArrayDeque<>();
    PdfArray fields = form.getAsArray(PdfName.Fields);
    push(fields, todo);
    Set<Integer> seen = new HashSet<>();
    int nodes = 0;
    while (!todo.isEmpty()) {
      PdfObject o = todo.pop();
      if (++nodes > MAX_NODES) {
        return "the form field tree has more than " + MAX_NODES + " nodes";
      }
      if (o instanceof PdfIndirectReference) {
        int n = ((PdfIndirectReference) o).getObjNumber();
        if (!seen.add(n)) {
          return "the form field tree loops or shares a node at object " + n;
        }
        o = ((PdfIndirectReference) o).getRefersTo();
      }
      if (o instanceof PdfDictionary) {
        push(((PdfDictionary) o).getAsArray(PdfName.Kids), todo);
      }
    }
    return null;
  }

  private static void push(PdfArray kids, Deque<PdfObject> todo) {
    for (int i = 0; kids != null && i < kids.size(); i++) {
      todo.push(kids.get(i, false));
    }
  }
}

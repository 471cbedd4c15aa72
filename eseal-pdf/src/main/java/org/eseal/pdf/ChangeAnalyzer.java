package org.eseal.pdf;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lists what each incremental update changed, object by object, and classifies every change as
 * allowed after a signature or not. Allowed: new signature fields, their widgets and appearance,
 * validation data (DSS), document time-stamps, additions to the form's {@code /Fields} and to a
 * page's {@code /Annots} of signature widgets, {@code /SigFlags}, document information and
 * metadata, and extensions of the structure tree (reported). Everything else, such as page content,
 * the page tree, outlines or a redefined signature dictionary, is not (ISO 32000-1 12.8.2.2, ETSI
 * EN 319 142-1 5.4).
 */
final class ChangeAnalyzer {
  private static final PdfName DSS = new PdfName("DSS");
  private static final PdfName DOC_TIME_STAMP = new PdfName("DocTimeStamp");
  private static final Set<PdfName> CATALOG_ALLOWED =
      Set.of(
          PdfName.AcroForm,
          DSS,
          PdfName.Extensions,
          PdfName.Metadata,
          PdfName.Version,
          PdfName.StructTreeRoot,
          PdfName.MarkInfo);
  private static final Set<PdfName> FILL_ALLOWED =
      Set.of(PdfName.V, PdfName.AS, PdfName.AP, PdfName.MK);
  private static final Set<PdfName> ACROFORM_ALLOWED =
      Set.of(PdfName.Fields, PdfName.SigFlags, PdfName.DR, PdfName.DA);
  private static final Set<PdfName> SIG_FIELD_ALLOWED =
      Set.of(
          PdfName.V,
          PdfName.AP,
          PdfName.AS,
          PdfName.F,
          PdfName.MK,
          PdfName.Lock,
          PdfName.SV,
          PdfName.P);

  /**
   * Signing an empty signature field may also size its widget to the seal; under DocMDP an empty
   * field is there to be signed, and its new rectangle is reported.
   */
  private static final Set<PdfName> SIG_FIELD_SIGNING_ALLOWED =
      union(SIG_FIELD_ALLOWED, PdfName.Rect);

  /** A page may gain widgets, and with them a tab order (ISO 32000-2 12.5.2, /Tabs). */
  private static final Set<PdfName> PAGE_ALLOWED = Set.of(PdfName.Annots, PdfName.Tabs);

  private static final int MAX_DEPTH = 64;

  /** What an added approval signature is called in a {@link Change}. */
  static final String SIGNATURE_ADDED = "a signature was added";

  /** One changed object of one revision. */
  record Change(int revision, int object, boolean allowed, boolean notable, String what) {}

  private ChangeAnalyzer() {}

  private static Set<PdfName> union(Set<PdfName> names, PdfName more) {
    Set<PdfName> all = new HashSet<>(names);
    all.add(more);
    return Set.copyOf(all);
  }

  /** The changes made by revision {@code revision} (0-based) relative to the one before. */
  static List<Change> diff(PdfDocument prev, PdfDocument cur, int revision) {
    Map<Integer, String> before = locations(prev);
    Map<Integer, String> after = locations(cur);
    Context ctx = new Context(cur);
    Set<Integer> numbers = new TreeSet<>(before.keySet());
    numbers.addAll(after.keySet());
    List<Change> changes = new ArrayList<>();
    for (int n : numbers) {
      String a = before.get(n);
      String b = after.get(n);
      if (a != null && a.equals(b)) {
        continue;
      }
      PdfObject oldObj = a == null ? null : prev.getPdfObject(n);
      PdfObject newObj = b == null ? null : cur.getPdfObject(n);
      if (oldObj != null && newObj != null && same(oldObj, newObj, 0)) {
        continue;
      }
      Change c = classify(n, oldObj, newObj, ctx, revision);
      if (c != null) {
        changes.add(c);
      }
    }
    return changes;
  }

  private static Map<Integer, String> locations(PdfDocument doc) {
    Map<Integer, String> map = new HashMap<>();
    for (int i = 1; i < doc.getNumberOfPdfObjects(); i++) {
      PdfObject o = doc.getPdfObject(i);
      PdfIndirectReference ref = o == null ? null : o.getIndirectReference();
      if (ref == null || ref.isFree()) {
        continue;
      }
      long where = ref.getObjStreamNumber() == 0 ? ref.getOffset() : ref.getIndex();
      map.put(i, ref.getGenNumber() + ":" + ref.getObjStreamNumber() + ":" + where);
    }
    return map;
  }

  private static Change classify(int n, PdfObject oldObj, PdfObject newObj, Context ctx, int rev) {
    if (newObj == null) {
      return bad(rev, n, "object " + n + " was deleted");
    }
    PdfDictionary nd = dict(newObj);
    PdfName type = nd == null ? null : nd.getAsName(PdfName.Type);
    if (PdfName.XRef.equals(type) || PdfName.ObjStm.equals(type)) {
      return null;
    }
    if (oldObj == null) {
      return classifyNew(n, nd, type, rev);
    }
    PdfDictionary od = dict(oldObj);
    if (od != null && isSignatureDictionary(od)) {
      return bad(rev, n, "the signature dictionary was redefined");
    }
    if (n == ctx.info || PdfName.Metadata.equals(type)) {
      return new Change(rev, n, true, false, "document information or metadata updated");
    }
    if (n == ctx.catalog) {
      return changedKeys(od, nd, CATALOG_ALLOWED, ctx, rev, n, "catalog");
    }
    if (n == ctx.acroForm) {
      return changedKeys(od, nd, ACROFORM_ALLOWED, ctx, rev, n, "form dictionary");
    }
    if (ctx.fieldArrays.contains(n) || ctx.annotArrays.containsKey(n)) {
      String what = ctx.fieldArrays.contains(n) ? "form /Fields" : ctx.annotArrays.get(n);
      return additions(oldObj, newObj, rev, n, what);
    }
    if (PdfName.Page.equals(type)) {
      return changedKeys(od, nd, PAGE_ALLOWED, ctx, rev, n, "page");
    }
    if (nd != null && isSignatureField(nd)) {
      if (od != null && od.get(PdfName.V, false) != null && !same(od, nd, 0)) {
        if (!same(od.get(PdfName.V, false), nd.get(PdfName.V, false), 0)) {
          return bad(rev, n, "the value of a signed signature field was replaced");
        }
      }
      boolean signedNow =
          od != null && od.get(PdfName.V, false) == null && nd.get(PdfName.V, false) != null;
      if (signedNow) {
        Change c =
            changedKeys(od, nd, SIG_FIELD_SIGNING_ALLOWED, ctx, rev, n, "signed empty field");
        return c.allowed() ? new Change(rev, n, true, true, c.what()) : c;
      }
      return changedKeys(od, nd, SIG_FIELD_ALLOWED, ctx, rev, n, "signature field");
    }
    if (ctx.dss.contains(n) || DSS.equals(type)) {
      return new Change(rev, n, true, false, "validation data (DSS) updated");
    }
    if (ctx.appearances.contains(n)) {
      return new Change(rev, n, true, true, "a form field's appearance was updated");
    }
    if (nd != null && isFormField(nd)) {
      Change c = changedKeys(od, nd, FILL_ALLOWED, ctx, rev, n, "form field " + fieldName(nd));
      return c.allowed() ? new Change(rev, n, true, true, c.what()) : c;
    }
    if (PdfName.StructTreeRoot.equals(type)
        || PdfName.StructElem.equals(type)
        || ctx.structure.contains(n)) {
      return new Change(rev, n, true, true, "the structure tree was extended");
    }
    if (PdfName.Pages.equals(type)) {
      return bad(rev, n, "the page tree changed (pages added, removed or reordered)");
    }
    if (PdfName.Outlines.equals(type) || (nd != null && nd.containsKey(PdfName.Title))) {
      return bad(rev, n, "the outlines changed");
    }
    if (ctx.pageContents.containsKey(n)) {
      return bad(rev, n, "the content of page " + ctx.pageContents.get(n) + " changed");
    }
    if (nd != null && nd.containsKey(PdfName.Subtype) && nd.containsKey(PdfName.Rect)) {
      return bad(rev, n, "an annotation (" + nd.get(PdfName.Subtype) + ") changed");
    }
    return bad(rev, n, "object " + n + describe(type) + " changed");
  }

  private static Change classifyNew(int n, PdfDictionary nd, PdfName type, int rev) {
    if (nd == null) {
      return null;
    }
    if (PdfName.Page.equals(type) || PdfName.Pages.equals(type)) {
      return bad(rev, n, "a page or page-tree node was added");
    }
    boolean annotation =
        PdfName.Annot.equals(type)
            || nd.containsKey(PdfName.Subtype) && nd.containsKey(PdfName.Rect);
    if (annotation) {
      if (PdfName.Widget.equals(nd.getAsName(PdfName.Subtype)) && isSignatureField(nd)) {
        return new Change(rev, n, true, false, "a signature widget was added");
      }
      return new Change(
          rev,
          n,
          true,
          true,
          "an annotation object ("
              + nd.get(PdfName.Subtype)
              + ") was added; it is shown only if a page's /Annots lists it");
    }
    if (nd.containsKey(PdfName.FT) && !isSignatureField(nd)) {
      return bad(rev, n, "a form field (" + nd.get(PdfName.FT) + ") was added");
    }
    if (isSignatureDictionary(nd)) {
      String what =
          DOC_TIME_STAMP.equals(type) ? "a document time-stamp was added" : SIGNATURE_ADDED;
      return new Change(rev, n, true, false, what);
    }
    return null;
  }

  private static Change changedKeys(
      PdfDictionary od,
      PdfDictionary nd,
      Set<PdfName> allowed,
      Context ctx,
      int rev,
      int n,
      String what) {
    if (od == null || nd == null) {
      return bad(rev, n, "the " + what + " changed its type");
    }
    Set<PdfName> keys = new HashSet<>(od.keySet());
    keys.addAll(nd.keySet());
    List<String> changed = new ArrayList<>();
    for (PdfName k : keys) {
      PdfObject a = od.get(k, false);
      PdfObject b = nd.get(k, false);
      if (a != null && b != null && same(a, b, 0)) {
        continue;
      }
      if (!allowed.contains(k)) {
        return bad(rev, n, "the " + what + " entry " + k + " changed");
      }
      if (k.equals(PdfName.Fields) || k.equals(PdfName.Annots)) {
        PdfObject ra = od.get(k);
        PdfObject rb = nd.get(k);
        Change c = additions(ra == null ? new PdfArray() : ra, rb, rev, n, what + " " + k);
        if (!c.allowed()) {
          return c;
        }
      }
      if (b instanceof PdfDictionary && k.equals(PdfName.AcroForm)) {
        PdfObject oa = a instanceof PdfDictionary ? a : new PdfDictionary();
        Change c =
            changedKeys((PdfDictionary) oa, (PdfDictionary) b, ACROFORM_ALLOWED, ctx, rev, n, what);
        if (!c.allowed()) {
          return c;
        }
      }
      changed.add(k.toString());
    }
    return new Change(rev, n, true, false, "the " + what + " changed " + changed);
  }

  /** An array may only grow, and only by signature fields or widgets. */
  private static Change additions(PdfObject oldObj, PdfObject newObj, int rev, int n, String what) {
    if (!(oldObj instanceof PdfArray) || !(newObj instanceof PdfArray)) {
      return bad(rev, n, "the " + what + " array was replaced");
    }
    PdfArray old = (PdfArray) oldObj;
    PdfArray cur = (PdfArray) newObj;
    List<PdfObject> added = new ArrayList<>();
    for (int i = 0; i < cur.size(); i++) {
      PdfObject e = cur.get(i, false);
      if (!contains(old, e)) {
        added.add(e);
      }
    }
    for (int i = 0; i < old.size(); i++) {
      if (!contains(cur, old.get(i, false))) {
        return bad(rev, n, "an entry was removed from " + what);
      }
    }
    for (PdfObject e : added) {
      PdfObject d =
          e instanceof PdfIndirectReference ? ((PdfIndirectReference) e).getRefersTo() : e;
      if (!(d instanceof PdfDictionary) || !isSignatureField((PdfDictionary) d)) {
        return bad(rev, n, "an entry that is not a signature field was added to " + what);
      }
    }
    return new Change(rev, n, true, false, added.size() + " signature entries added to " + what);
  }

  private static boolean contains(PdfArray a, PdfObject e) {
    for (int i = 0; i < a.size(); i++) {
      if (same(a.get(i, false), e, 0)) {
        return true;
      }
    }
    return false;
  }

  static boolean isSignatureField(PdfDictionary d) {
    PdfDictionary f = d;
    for (int depth = 0; f != null && depth < MAX_DEPTH; depth++) {
      PdfName ft = f.getAsName(PdfName.FT);
      if (ft != null) {
        return PdfName.Sig.equals(ft);
      }
      f = f.getAsDictionary(PdfName.Parent);
    }
    return false;
  }

  static boolean isFormField(PdfDictionary d) {
    PdfDictionary f = d;
    for (int depth = 0; f != null && depth < MAX_DEPTH; depth++) {
      if (f.containsKey(PdfName.FT)) {
        return true;
      }
      f = f.getAsDictionary(PdfName.Parent);
    }
    return false;
  }

  private static String fieldName(PdfDictionary d) {
    PdfString t = d == null ? null : d.getAsString(PdfName.T);
    return t == null ? "(unnamed)" : t.toUnicodeString();
  }

  static boolean isSignatureDictionary(PdfDictionary d) {
    PdfName type = d.getAsName(PdfName.Type);
    return PdfName.Sig.equals(type)
        || DOC_TIME_STAMP.equals(type)
        || d.containsKey(PdfName.ByteRange) && d.containsKey(PdfName.Contents);
  }

  private static PdfDictionary dict(PdfObject o) {
    return o instanceof PdfDictionary ? (PdfDictionary) o : null;
  }

  private static String describe(PdfName type) {
    return type == null ? "" : " (" + type + ")";
  }

  private static Change bad(int rev, int n, String what) {
    return new Change(rev, n, false, true, what);
  }

  /** Structural equality; indirect references are compared by number, not followed. */
  static boolean same(PdfObject a, PdfObject b, int depth) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || depth > MAX_DEPTH || a.getType() != b.getType()) {
      return false;
    }
    if (a instanceof PdfIndirectReference) {
      PdfIndirectReference x = (PdfIndirectReference) a;
      PdfIndirectReference y = (PdfIndirectReference) b;
      return x.getObjNumber() == y.getObjNumber() && x.getGenNumber() == y.getGenNumber();
    }
    if (a instanceof PdfStream) {
      if (!Arrays.equals(((PdfStream) a).getBytes(false), ((PdfStream) b).getBytes(false))) {
        return false;
      }
    }
    if (a instanceof PdfDictionary) {
      PdfDictionary x = (PdfDictionary) a;
      PdfDictionary y = (PdfDictionary) b;
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (PdfName k : x.keySet()) {
        if (!same(x.get(k, false), y.get(k, false), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof PdfArray) {
      PdfArray x = (PdfArray) a;
      PdfArray y = (PdfArray) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i, false), y.get(i, false), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof PdfNumber) {
      return ((PdfNumber) a).getValue() == ((PdfNumber) b).getValue();
    }
    if (a instanceof PdfString) {
      return Arrays.equals(((PdfString) a).getValueBytes(), ((PdfString) b).getValueBytes());
    }
    return a.equals(b) || a.toString().equals(b.toString());
  }

  /** Object numbers with a role in the newer revision. */
  private static final class Context {
    final int catalog;
    final int info;
    final int acroForm;
    final Set<Integer> fieldArrays = new HashSet<>();
    final Map<Integer, String> annotArrays = new HashMap<>();
    final Map<Integer, Integer> pageContents = new HashMap<>();
    final Set<Integer> dss = new HashSet<>();
    final Set<Integer> structure = new HashSet<>();
    final Set<Integer> appearances = new HashSet<>();

    Context(PdfDocument doc) {
      PdfDictionary cat = doc.getCatalog().getPdfObject();
      catalog = number(cat.getIndirectReference());
      info = number(doc.getTrailer().get(PdfName.Info, false));
      acroForm = number(cat.get(PdfName.AcroForm, false));
      PdfDictionary form = cat.getAsDictionary(PdfName.AcroForm);
      if (form != null) {
        fieldArrays.add(number(form.get(PdfName.Fields, false)));
        PdfArray fields = form.getAsArray(PdfName.Fields);
        collectAppearances(fields, 0);
      }
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        PdfDictionary page = doc.getPage(p).getPdfObject();
        annotArrays.put(number(page.get(PdfName.Annots, false)), "page " + p + " /Annots");
        PdfObject contents = page.get(PdfName.Contents, false);
        pageContents.put(number(contents), p);
        PdfArray parts = page.getAsArray(PdfName.Contents);
        for (int i = 0; parts != null && i < parts.size(); i++) {
          pageContents.put(number(parts.get(i, false)), p);
        }
      }
      PdfDictionary dssDict = cat.getAsDictionary(DSS);
      if (dssDict != null) {
        for (PdfName k : dssDict.keySet()) {
          dss.add(number(dssDict.get(k, false)));
        }
        PdfDictionary vri = dssDict.getAsDictionary(new PdfName("VRI"));
        for (PdfName k : vri == null ? Set.<PdfName>of() : vri.keySet()) {
          dss.add(number(vri.get(k, false)));
        }
      }
      PdfDictionary tree = cat.getAsDictionary(PdfName.StructTreeRoot);
      if (tree != null) {
        structure.add(number(tree.get(PdfName.ParentTree, false)));
        PdfDictionary parentTree = tree.getAsDictionary(PdfName.ParentTree);
        PdfArray nums = parentTree == null ? null : parentTree.getAsArray(PdfName.Nums);
        for (int i = 1; nums != null && i < nums.size(); i += 2) {
          structure.add(number(nums.get(i, false)));
        }
        structure.add(number(tree.get(PdfName.K, false)));
      }
      fieldArrays.remove(-1);
      appearances.remove(-1);
      annotArrays.remove(-1);
      pageContents.remove(-1);
      dss.remove(-1);
      structure.remove(-1);
    }

    private void collectAppearances(PdfArray kids, int depth) {
      for (int i = 0; kids != null && i < kids.size() && depth < MAX_DEPTH; i++) {
        PdfDictionary f = kids.getAsDictionary(i);
        if (f == null) {
          continue;
        }
        PdfDictionary ap = f.getAsDictionary(PdfName.AP);
        if (ap != null) {
          appearances.add(number(ap.get(PdfName.N, false)));
        }
        collectAppearances(f.getAsArray(PdfName.Kids), depth + 1);
      }
    }

    private static int number(PdfObject o) {
      if (o instanceof PdfIndirectReference) {
        return ((PdfIndirectReference) o).getObjNumber();
      }
      return o == null || o.getIndirectReference() == null
          ? -1
          : o.getIndirectReference().getObjNumber();
    }
  }
}

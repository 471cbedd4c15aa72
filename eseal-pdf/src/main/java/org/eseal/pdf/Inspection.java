package org.eseal.pdf;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.kernel.exceptions.BadPasswordException;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.EncryptionConstants;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.annot.PdfWidgetAnnotation;
import com.itextpdf.signatures.SignatureUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.pdf.SealResult.Rect;

/**
 * Reads a PDF once, read-only, and decides whether and where it may be sealed. Every refusal is a
 * typed {@link ESealException}; nothing is written.
 */
final class Inspection {
  private static final Pattern PDFA =
      Pattern.compile("pdfaid:part\\s*(?:=\\s*[\"']\\s*(\\d)\\s*[\"']|>\\s*(\\d)\\s*<)");

  /**
   * The decision.
   *
   * @param page 1-based page of the seal
   * @param centreX user space x of the seal centre
   * @param centreY user space y of the seal centre
   * @param existingField name of an empty signature field to fill, or null for a new field
   * @param newFieldName name of the new field when no existing one is filled
   * @param pdfA the PDF/A part the document claims, 0 if none
   * @param repair whether the cross-reference data was rebuilt and needs a full rewrite
   * @param restricted whether the document is encrypted and was opened without the owner password
   * @param warnings notes for the result
   */
  record Plan(
      int page,
      double centreX,
      double centreY,
      String existingField,
      String newFieldName,
      int pdfA,
      boolean repair,
      boolean restricted,
      List<String> warnings) {}

  /** How a warning about a filled field ends: where the seal went and what changed. */
  private static final String FILLED_FIELD =
      "'; the seal was placed in it instead of at the requested position, and its widget"
          + " resized to the seal's size";

  private Inspection() {}

  static Plan inspect(
      PdfReader reader,
      Optional<Boolean> xrefSound,
      boolean tailIntact,
      SealPlacement placement,
      String requestedField,
      boolean ownerPasswordGiven) {
    PdfDocument document;
    try {
      document = new PdfDocument(reader);
    } catch (BadPasswordException e) {
      throw new ESealException(
          ErrorCode.ENCRYPTED_PDF,
          ownerPasswordGiven
              ? "the PDF is encrypted and the given password does not open it"
              : "the PDF is encrypted with a user password; pass the password to open it",
          e);
    } catch (RuntimeException e) {
      throw unreadable(tailIntact, e);
    }
    try {
      return decide(
          document, reader, xrefSound, tailIntact, placement, requestedField, ownerPasswordGiven);
    } finally {
      document.close();
    }
  }

  static ESealException unreadable(boolean tailIntact, Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.toLowerCase(java.util.Locale.ROOT).contains("certificate")) {
      return new ESealException(
          ErrorCode.ENCRYPTED_PDF,
          "the PDF is encrypted for certificate recipients (public-key security); sealing it"
              + " needs the recipient key, which is not supported",
          e);
    }
    if (!tailIntact) {
      return new ESealException(
          ErrorCode.TRUNCATED_PDF, "the PDF ends early and cannot be read: " + message, e);
    }
    return new ESealException(ErrorCode.NOT_A_PDF, "the PDF cannot be parsed: " + message, e);
  }

  private static Plan decide(
      PdfDocument document,
      PdfReader reader,
      Optional<Boolean> xrefSound,
      boolean tailIntact,
      SealPlacement placement,
      String requestedField,
      boolean ownerPasswordGiven) {
    List<String> warnings = new ArrayList<>();
    if (!tailIntact) {
      // Without a rebuild the parser reads an earlier revision whose trailer is still in the
      // file; appending to it would fold the cut-off part, such as a half-written signature,
      // into the sealed revision.
      throw new ESealException(
          ErrorCode.TRUNCATED_PDF,
          reader.hasRebuiltXref()
              ? "the PDF is truncated: it has no %%EOF or startxref at its end and its"
                  + " cross-reference data had to be reconstructed"
              : "the PDF is truncated: it does not end with startxref, an offset and %%EOF,"
                  + " so its last revision is incomplete");
    }
    if (document.getNumberOfPages() < 1) {
      throw new ESealException(ErrorCode.NOT_A_PDF, "the PDF has no pages");
    }
    // The parser repairs silently and cannot append to what it repaired; an entry that does not
    // point at its object is broken too, even where the parser copes.
    boolean rebuilt = reader.hasRebuiltXref() || !xrefSound.orElse(true);
    SignatureUtil signatures = new SignatureUtil(document);
    List<String> signed = signatures.getSignatureNames();
    if (rebuilt && !signed.isEmpty()) {
      throw new ESealException(
          ErrorCode.BROKEN_XREF,
          "the PDF's cross-reference data is broken and it already holds "
              + signed.size()
              + " signature(s); appending to it, or rewriting it, would break them");
    }
    if (rebuilt && reader.isEncrypted()) {
      throw new ESealException(
          ErrorCode.BROKEN_XREF,
          "the PDF is encrypted and its cross-reference data is broken; it cannot be repaired");
    }
    if (rebuilt) {
      warnings.add(
          "the PDF library could not follow the file's cross-reference data, so the file was"
              + " rewritten in full before sealing: its earlier revisions are not kept");
    }
    boolean restricted = reader.isEncrypted() && !reader.isOpenedWithFullPermission();
    if (restricted && !mayFillIn(reader)) {
      throw new ESealException(
          ErrorCode.PERMISSION_DENIED,
          "the PDF's permissions (P="
              + reader.getPermissions()
              + ") do not allow filling in or signing; pass --owner-password to seal it");
    }
    PdfDictionary catalog = document.getCatalog().getPdfObject();
    int docMdp = docMdpPermission(catalog);
    if (docMdp == 1) {
      throw new ESealException(
          ErrorCode.CERTIFICATION_FORBIDS_CHANGES,
          "the PDF is certified with DocMDP P=1, which forbids any change, including a seal");
    }
    PdfDictionary acroForm = catalog.getAsDictionary(PdfName.AcroForm);
    if (acroForm != null && acroForm.get(PdfName.XFA) != null) {
      throw new ESealException(
          ErrorCode.UNSUPPORTED_BY_POLICY,
          "XFA form: viewers that render XFA ignore the page content, so the seal would be"
              + " invisible; flatten or remove XFA first");
    }
    if (catalog.get(PdfName.Collection) != null) {
      warnings.add("portfolio: the cover sheet is sealed; embedded member PDFs are not sealed");
    }
    PdfDictionary perms = catalog.getAsDictionary(PdfName.Perms);
    if (perms != null && perms.get(PdfName.UR3) != null) {
      warnings.add("the document's usage rights (UR3) signature becomes invalid after sealing");
    }
    int pdfA = pdfAPart(document);

    String existing = null;
    PdfAcroForm form = PdfFormCreator.getAcroForm(document, false);
    if (requestedField != null) {
      PdfFormField field = form == null ? null : form.getField(requestedField);
      if (field != null) {
        if (!PdfName.Sig.equals(field.getFormType())) {
          throw new ESealException(
              ErrorCode.INVALID_PLACEMENT,
              "field '" + requestedField + "' exists and is not a signature field");
        }
        if (signed.contains(requestedField)) {
          throw new ESealException(
              ErrorCode.INVALID_PLACEMENT, "signature field '" + requestedField + "' is signed");
        }
        existing = requestedField;
      }
    } else {
      List<String> fillable = new ArrayList<>();
      for (String name : signatures.getBlankSignatureNames()) {
        if (widgetOf(form, name).filter(w -> hasArea(w.getRectangle().toRectangle())).isPresent()
            && pageOf(document, widgetOf(form, name).orElseThrow()) > 0) {
          fillable.add(name);
        }
      }
      if (docMdp == 2 || docMdp == 3) {
        // A certified document allows signing prepared fields only; a new field is a change.
        if (!fillable.isEmpty()) {
          existing = fillable.get(0);
          warnings.add(
              "the certified document has an empty signature field '" + existing + FILLED_FIELD);
        }
      } else if (restricted && !mayCreateFields(reader)) {
        if (!fillable.isEmpty()) {
          existing = fillable.get(0);
          warnings.add(
              "the permissions do not allow creating form fields and the document has an empty"
                  + " signature field '"
                  + existing
                  + FILLED_FIELD);
        }
      } else if (fillable.size() == 1) {
        // A single prepared field is where the document expects its signature; with several the
        // intended one is unknown and the caller must name it.
        existing = fillable.get(0);
        warnings.add("the document has an empty signature field '" + existing + FILLED_FIELD);
      }
    }
    if (existing != null) {
      PdfWidgetAnnotation widget =
          widgetOf(form, existing)
              .orElseThrow(
                  () -> new ESealException(ErrorCode.INVALID_PLACEMENT, "field has no widget"));
      int page = pageOf(document, widget);
      Rectangle r = widget.getRectangle().toRectangle();
      if (page < 1 || !hasArea(r)) {
        throw new ESealException(
            ErrorCode.INVALID_PLACEMENT,
            "signature field '" + existing + "' has no visible widget on a page");
      }
      return new Plan(
          page,
          r.getX() + r.getWidth() / 2,
          r.getY() + r.getHeight() / 2,
          existing,
          null,
          pdfA,
          rebuilt,
          restricted,
          warnings);
    }
    if (restricted && !mayCreateFields(reader)) {
      warnings.add(
          "the permissions allow filling in fields and signing but not creating form fields,"
              + " and no empty signature field exists; a new signature field was added");
    }
    String newName = requestedField != null ? requestedField : freeName(form);
    int page;
    double cx;
    double cy;
    if (placement.keyword().isPresent()) {
      String text = placement.keyword().orElseThrow();
      KeywordLocator.Hit hit =
          KeywordLocator.first(document, text)
              .orElseThrow(
                  () ->
                      new ESealException(
                          ErrorCode.KEYWORD_NOT_FOUND,
                          "the keyword '" + text + "' was not found in the document's text"));
      if (placement.occurrence().orElseThrow() == SealPlacement.Occurrence.EVERY) {
        warnings.add("Occurrence.EVERY: only the first occurrence of the keyword was sealed");
      }
      page = hit.page();
      cx = hit.rect().getX() + hit.rect().getWidth() / 2;
      cy = hit.rect().getY() + hit.rect().getHeight() / 2;
    } else {
      page = placement.page().orElseThrow();
      if (page > document.getNumberOfPages()) {
        throw new ESealException(
            ErrorCode.INVALID_PLACEMENT,
            "page " + page + " does not exist; the PDF has " + document.getNumberOfPages());
      }
      PageGeometry geometry = geometry(document.getPage(page));
      double[] u =
          geometry.toUserSpace(
              placement.xMm() * PageGeometry.POINTS_PER_MM,
              placement.yMm() * PageGeometry.POINTS_PER_MM);
      cx = u[0];
      cy = u[1];
    }
    return new Plan(page, cx, cy, null, newName, pdfA, rebuilt, restricted, warnings);
  }

  static PageGeometry geometry(PdfPage page) {
    return PageGeometry.of(rect(page.getMediaBox()), rect(page.getCropBox()), page.getRotation());
  }

  static Rect rect(Rectangle r) {
    return new Rect(r.getLeft(), r.getBottom(), r.getRight(), r.getTop());
  }

  /**
   * ISO 32000-2 Table 22: bit 9 allows filling in existing fields including signature fields, bit 6
   * allows annotations and filling in; for revision 2 handlers only bits 3 to 6 exist.
   */
  private static boolean mayFillIn(PdfReader reader) {
    long p = reader.getPermissions();
    boolean annotations = (p & EncryptionConstants.ALLOW_MODIFY_ANNOTATIONS) != 0;
    int mode = reader.getCryptoMode() & 7;
    if (mode == EncryptionConstants.STANDARD_ENCRYPTION_40) {
      return annotations;
    }
    return annotations || (p & EncryptionConstants.ALLOW_FILL_IN) != 0;
  }

  /**
   * ISO 32000-2 Table 22: creating form fields, signature fields included, needs bit 6 and bit 4.
   */
  private static boolean mayCreateFields(PdfReader reader) {
    long p = reader.getPermissions();
    return (p & EncryptionConstants.ALLOW_MODIFY_ANNOTATIONS) != 0
        && (p & EncryptionConstants.ALLOW_MODIFY_CONTENTS) != 0;
  }

  /** The DocMDP P value of a certified document (ISO 32000-2 12.8.2.2), or 0 if none. */
  private static int docMdpPermission(PdfDictionary catalog) {
    PdfDictionary perms = catalog.getAsDictionary(PdfName.Perms);
    PdfDictionary signature = perms == null ? null : perms.getAsDictionary(PdfName.DocMDP);
    if (signature == null) {
      return 0;
    }
    PdfArray references = signature.getAsArray(PdfName.Reference);
    if (references != null) {
      for (int i = 0; i < references.size(); i++) {
        PdfDictionary ref = references.getAsDictionary(i);
        if (ref != null && PdfName.DocMDP.equals(ref.getAsName(PdfName.TransformMethod))) {
          PdfDictionary params = ref.getAsDictionary(PdfName.TransformParams);
          PdfNumber p = params == null ? null : params.getAsNumber(PdfName.P);
          return p == null ? 2 : p.intValue();
        }
      }
    }
    return 2;
  }

  /** The PDF/A part the XMP metadata claims (ISO 19005-1 6.7.11), or 0. */
  private static int pdfAPart(PdfDocument document) {
    byte[] xmp = document.getXmpMetadataBytes();
    if (xmp == null) {
      return 0;
    }
    java.util.regex.Matcher m = PDFA.matcher(new String(xmp, StandardCharsets.UTF_8));
    return m.find() ? Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) : 0;
  }

  private static Optional<PdfWidgetAnnotation> widgetOf(PdfAcroForm form, String name) {
    PdfFormField field = form == null ? null : form.getField(name);
    if (field == null || field.getWidgets().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(field.getWidgets().get(0));
  }

  private static int pageOf(PdfDocument document, PdfWidgetAnnotation widget) {
    PdfDictionary pageDict = widget.getPdfObject().getAsDictionary(PdfName.P);
    if (pageDict != null) {
      int n = document.getPageNumber(pageDict);
      if (n > 0) {
        return n;
      }
    }
    for (int i = 1; i <= document.getNumberOfPages(); i++) {
      if (document.getPage(i).containsAnnotation(widget)) {
        return i;
      }
    }
    return 0;
  }

  private static boolean hasArea(Rectangle r) {
    return Math.abs(r.getWidth()) > 1 && Math.abs(r.getHeight()) > 1;
  }

  private static String freeName(PdfAcroForm form) {
    Map<String, PdfFormField> fields = form == null ? Map.of() : form.getAllFormFields();
    for (int i = 1; ; i++) {
      String name = "Seal" + i;
      if (!fields.containsKey(name)) {
        return name;
      }
    }
  }
}

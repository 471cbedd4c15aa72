package org.eseal.pdf;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.PdfSigFieldLock;
import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.forms.fields.PdfSignatureFormField;
import com.itextpdf.forms.fields.SignatureFormFieldBuilder;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.kernel.pdf.annot.PdfWidgetAnnotation;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.signatures.PdfSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A {@link PdfSigner} whose signature widget shows the seal picture only: after the field is
 * created or filled, the widget's normal appearance is replaced by the seal appearance.
 */
final class SealingPdfSigner extends PdfSigner {

  /** Draws the appearance of a widget and may move its rectangle. */
  interface WidgetPainter {
    PdfFormXObject paint(PdfWidgetAnnotation widget);
  }

  private final WidgetPainter painter;

  SealingPdfSigner(
      PdfReader reader, OutputStream output, StampingProperties properties, WidgetPainter painter)
      throws IOException {
    super(reader, output, properties);
    this.painter = painter;
  }

  @Override
  protected PdfSigFieldLock createNewSignatureFormField(PdfAcroForm acroForm, String name) {
    // As the parent does, minus the text appearance it would lay out and then throw away.
    PdfWidgetAnnotation widget = new PdfWidgetAnnotation(getSignerProperties().getPageRect());
    widget.setFlags(PdfAnnotation.PRINT | PdfAnnotation.LOCKED);
    PdfSignatureFormField field = new SignatureFormFieldBuilder(document, name).createSignature();
    field.put(PdfName.V, cryptoDictionary.getPdfObject());
    field.addKid(widget);
    PdfPage page = document.getPage(getSignerProperties().getPageNumber());
    widget.setPage(page);
    paint(field);
    acroForm.addField(field, page);
    if (acroForm.getPdfObject().isIndirect()) {
      acroForm.setModified();
    } else {
      document.getCatalog().setModified();
    }
    return field.getSigFieldLockDictionary();
  }

  @Override
  protected PdfSigFieldLock populateExistingSignatureFormField(PdfAcroForm acroForm) {
    PdfSigFieldLock lock = super.populateExistingSignatureFormField(acroForm);
    paint(acroForm.getField(getSignerProperties().getFieldName()));
    return lock;
  }

  private void paint(PdfFormField field) {
    List<PdfWidgetAnnotation> widgets = field.getWidgets();
    if (widgets.isEmpty()) {
      throw new IllegalStateException("signature field " + field + " has no widget");
    }
    field.disableFieldRegeneration();
    PdfWidgetAnnotation widget = widgets.get(0);
    PdfFormXObject appearance = painter.paint(widget);
    PdfDictionary ap = new PdfDictionary();
    ap.put(PdfName.N, appearance.getPdfObject());
    widget.getPdfObject().put(PdfName.AP, ap);
    widget.getPdfObject().remove(PdfName.AS);
    widget.getPdfObject().remove(PdfName.MK);
    widget.setModified();
  }
}

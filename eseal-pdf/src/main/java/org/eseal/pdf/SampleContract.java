package org.eseal.pdf;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.io.font.constants.StandardFontFamilies;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.Organization;
import org.eseal.core.internal.AtomicFiles;

/**
 * Writes a two-page bilingual purchase contract between two companies, with the signature lines
 * 甲方（盖章） and 乙方（盖章） on its second page, for demonstrations and tests.
 *
 * <p>The Chinese text uses the CJK font that ships inside eseal-core and is embedded as a subset,
 * so the file looks the same on every machine and needs no installed font.
 */
public final class SampleContract {
  /** The anchor text where the buyer (party A) seals. */
  public static final String PARTY_A_ANCHOR = "甲方（盖章）";

  /** The anchor text where the seller (party B) seals. */
  public static final String PARTY_B_ANCHOR = "乙方（盖章）";

  private static final String FONT_RESOURCE = "/org/eseal/core/image/DroidSansFallbackFull.ttf";

  private static final String CJK_FAMILY = "Droid Sans Fallback";

  private static final List<String[]> CLAUSES =
      List.of(
          new String[] {
            "第一条 标的",
            "Article 1. Subject matter",
            "乙方向甲方出售办公设备一批，规格与数量见附件清单。",
            "Party B sells to Party A a batch of office equipment as listed in the annex."
          },
          new String[] {
            "第二条 价款",
            "Article 2. Price",
            "合同总价为人民币壹拾贰万元整（¥120,000.00），含税。",
            "The total price is RMB 120,000.00, tax included."
          },
          new String[] {
            "第三条 交付",
            "Article 3. Delivery",
            "乙方应于合同生效后三十日内将货物送至甲方指定地点。",
            "Party B delivers the goods to the place Party A names within 30 days."
          },
          new String[] {
            "第四条 验收",
            "Article 4. Acceptance",
            "甲方应于收货后七日内验收，逾期未提出异议的视为验收合格。",
            "Party A inspects within 7 days of receipt; silence means acceptance."
          },
          new String[] {
            "第五条 付款",
            "Article 5. Payment",
            "甲方于验收合格后十五日内以银行转账方式支付全部价款。",
            "Party A pays in full by bank transfer within 15 days of acceptance."
          },
          new String[] {
            "第六条 违约责任",
            "Article 6. Liability",
            "任何一方违约，应赔偿对方因此遭受的全部损失。",
            "A party in breach compensates the other party for all resulting losses."
          },
          new String[] {
            "第七条 争议解决",
            "Article 7. Disputes",
            "因本合同引起的争议，双方协商解决；协商不成的，提交甲方所在地人民法院诉讼解决。",
            "Disputes are settled by negotiation, failing which by the court where Party A is."
          },
          new String[] {
            "第八条 生效",
            "Article 8. Effect",
            "本合同经双方加盖电子印章后生效，电子印章与实物印章具有同等法律效力。",
            "This contract takes effect when both parties have applied their electronic seals,"
                + " which have the same legal effect as physical seals."
          });

  private SampleContract() {}

  /**
   * Writes the contract to {@code output}, atomically.
   *
   * @param buyer party A
   * @param sellerName party B's registered name
   * @param date the date printed on the contract
   * @throws ESealException with {@link ErrorCode#IO_ERROR} when the file cannot be written
   */
  public static void write(Path output, Organization buyer, String sellerName, LocalDate date) {
    Objects.requireNonNull(buyer, "buyer");
    Objects.requireNonNull(sellerName, "sellerName");
    Objects.requireNonNull(date, "date");
    AtomicFiles.write(
        output,
        out -> {
          try {
            render(out, buyer, sellerName, date);
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        });
  }

  private static void render(
      OutputStream out, Organization buyer, String sellerName, LocalDate date) throws IOException {
    PdfDocument pdf = new PdfDocument(new PdfWriter(out));
    pdf.getDocumentInfo().setTitle("采购合同 Purchase Contract");
    try (Document doc = new Document(pdf, PageSize.A4)) {
      // Latin text in the standard Helvetica, which every viewer has; the rest in the CJK font.
      doc.setFontProvider(fontProvider());
      doc.setFontFamily(StandardFontFamilies.HELVETICA, CJK_FAMILY);
      doc.setFontSize(10.5f);
      doc.setMargins(72, 64, 72, 64);

      doc.add(heading("采购合同", 20));
      doc.add(heading("PURCHASE CONTRACT", 13));
      doc.add(
          new Paragraph("合同编号 Contract No.: ES-" + date.toString().replace("-", "") + "-001")
              .setTextAlignment(TextAlignment.RIGHT));
      doc.add(party("甲方（买方） Party A (Buyer): ", buyer.name(), buyer.creditCode().value()));
      doc.add(party("乙方（卖方） Party B (Seller): ", sellerName, null));
      doc.add(new Paragraph("甲乙双方经友好协商，就以下条款达成一致，共同遵守。").setMarginTop(12));
      doc.add(new Paragraph("The parties, after friendly negotiation, agree as follows."));
      for (int i = 0; i < CLAUSES.size(); i++) {
        if (i == 5) {
          doc.add(new AreaBreak());
        }
        addClause(doc, CLAUSES.get(i));
      }
      doc.add(signatureBlock(buyer.name(), sellerName, date));
    }
  }

  private static Paragraph heading(String text, float size) {
    return new Paragraph(text).setFontSize(size).setTextAlignment(TextAlignment.CENTER);
  }

  private static Paragraph party(String role, String name, String code) {
    Paragraph p = new Paragraph(role + name).setMarginTop(6);
    if (code != null) {
      p.add("\n统一社会信用代码 Unified social credit code: " + code);
    }
    return p;
  }

  private static void addClause(Document doc, String[] clause) {
    doc.add(new Paragraph(clause[0] + "  " + clause[1]).setFontSize(11.5f).setMarginTop(14));
    doc.add(new Paragraph(clause[2]));
    doc.add(new Paragraph(clause[3]));
  }

  /** Two columns, one per party; the seal goes over the anchor line, as on a paper contract. */
  private static Table signatureBlock(String buyer, String seller, LocalDate date) {
    Table table = new Table(UnitValue.createPercentArray(new float[] {1, 1}));
    table.setWidth(UnitValue.createPercentValue(100)).setMarginTop(48);
    String day = date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    table.addCell(signatureCell(PARTY_A_ANCHOR, "Party A (seal)", buyer, day));
    table.addCell(signatureCell(PARTY_B_ANCHOR, "Party B (seal)", seller, day));
    return table;
  }

  private static Cell signatureCell(String anchor, String english, String name, String day) {
    Cell cell = new Cell().setBorder(Border.NO_BORDER);
    cell.add(new Paragraph(anchor + "：").setFontSize(12));
    cell.add(new Paragraph(english + ": " + name));
    cell.add(new Paragraph("日期 Date: " + day).setMarginTop(70));
    return cell;
  }

  private static FontProvider fontProvider() throws IOException {
    try (InputStream in = SampleContract.class.getResourceAsStream(FONT_RESOURCE)) {
      if (in == null) {
        throw new IOException("the CJK font " + FONT_RESOURCE + " is missing from eseal-core");
      }
      FontProvider provider = new FontProvider();
      provider.addStandardPdfFonts();
      provider.addFont(in.readAllBytes(), PdfEncodings.IDENTITY_H);
      return provider;
    }
  }
}

package org.mandate.reviews;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Printable reviews: one unit's scorecard and assessment, and the ranking table of a level. */
@Component
public class ReviewPdf {

    private final MessageSource messages;
    private final BaseFont font;
    private final BaseFont bold;

    ReviewPdf(MessageSource messages) {
        this.messages = messages;
        this.font = load("liberation/LiberationSans-Regular.ttf");
        this.bold = load("liberation/LiberationSans-Bold.ttf");
    }

    public byte[] unit(Scorecard s, Locale locale, boolean sample) {
        return render(PageSize.A4, document -> {
            document.add(title(s.names().in(locale) + " — " + s.period(), sample, locale));
            PdfPTable table = new PdfPTable(new float[] {3, 2});
            table.setWidthPercentage(100);
            row(table, text("scorecards.rank", locale), rank(s, locale));
            row(table, text("scorecards.score", locale), format(s.score()));
            row(table, text("scorecards.coverage", locale), percent(s.coverage()));
            row(table, text("scorecards.tasksDue", locale), s.tasksDue() + "");
            row(
                    table,
                    text("scorecards.onTime", locale),
                    format(s.onTimeRate()) + " ("
                            + text(
                                    "scorecards.fraction",
                                    locale,
                                    s.doneOnTime(),
                                    s.component("onTime").denominator())
                            + ")");
            row(table, text("scorecards.overdue", locale), s.overdue() + "");
            row(table, text("scorecards.daysLate", locale), s.daysLate() + "");
            row(
                    table,
                    text("scorecards.reportTimeliness", locale),
                    format(s.reportTimeliness()) + " ("
                            + text("scorecards.fraction", locale, s.reportsOnTime(), s.reportsExpected()) + ")");
            row(table, text("scorecards.reportsMissing", locale), s.reportsMissing() + "");
            row(table, text("scorecards.attainment", locale), format(s.indicatorAttainment()));
            row(
                    table,
                    text("scorecards.disbursement", locale),
                    format(s.disbursementRate()) + " ("
                            + text("scorecards.fraction", locale, s.budgetDisbursed(), s.budgetAllocated()) + ")");
            row(table, text("scorecards.medianBottleneckDays", locale), format(s.medianBottleneckDays()));
            row(table, text("scorecards.satisfaction", locale), format(s.satisfaction()) + " (" + s.ratings() + ")");
            document.add(table);
            Assessment a = s.assessment();
            document.add(new Paragraph(" "));
            document.add(new Paragraph(text("scorecards.assessment", locale), new Font(bold, 12)));
            document.add(new Paragraph(
                    a == null
                            ? text("scorecards.noAssessment", locale)
                            : text("verdict." + a.verdict(), locale) + " — " + a.reason() + " (" + a.reviewer() + ")",
                    new Font(font, 10)));
        });
    }

    public byte[] ranking(List<Scorecard> cards, String period, String level, Locale locale, boolean sample) {
        return render(PageSize.A4.rotate(), document -> {
            document.add(title(
                    text("scorecards.rankingOf", locale, text("level." + level, locale), period), sample, locale));
            PdfPTable table = new PdfPTable(new float[] {2, 5, 2, 2, 2, 2, 2, 2, 2, 2, 3});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String key : new String[] {
                "scorecards.rank",
                "scorecards.unit",
                "scorecards.score",
                "scorecards.coverage",
                "scorecards.onTime",
                "scorecards.overdue",
                "scorecards.reportTimeliness",
                "scorecards.attainment",
                "scorecards.disbursement",
                "scorecards.satisfaction",
                "scorecards.assessment"
            }) {
                PdfPCell cell = new PdfPCell(new Phrase(text(key, locale), new Font(bold, 8)));
                table.addCell(cell);
            }
            for (Scorecard s : cards) {
                cell(table, rank(s, locale));
                cell(table, s.names().in(locale));
                cell(table, format(s.score()));
                cell(table, percent(s.coverage()));
                cell(table, format(s.onTimeRate()));
                cell(table, s.overdue() + "");
                cell(table, format(s.reportTimeliness()));
                cell(table, format(s.indicatorAttainment()));
                cell(table, format(s.disbursementRate()));
                cell(table, format(s.satisfaction()));
                cell(
                        table,
                        s.assessment() == null
                                ? ""
                                : text("verdict." + s.assessment().verdict(), locale));
            }
            document.add(table);
        });
    }

    private Paragraph title(String title, boolean sample, Locale locale) {
        Paragraph p = new Paragraph(title, new Font(bold, 14));
        p.setAlignment(Element.ALIGN_LEFT);
        if (sample) {
            p.add(new Phrase("\n" + text("public.sampleBanner", locale), new Font(font, 9)));
        }
        p.setSpacingAfter(10);
        return p;
    }

    private void row(PdfPTable table, String label, String value) {
        table.addCell(new PdfPCell(new Phrase(label, new Font(font, 10))));
        PdfPCell cell = new PdfPCell(new Phrase(value, new Font(bold, 10)));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
    }

    private void cell(PdfPTable table, String value) {
        table.addCell(new PdfPCell(new Phrase(value, new Font(font, 8))));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The rank, or "not enough data" for a unit below the minimum coverage. */
    private String rank(Scorecard s, Locale locale) {
        return s.rank() == null
                ? text("scorecards.notEnoughData", locale)
                : s.rank().toString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String format(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    private interface Body {
        void write(Document document);
    }

    private static byte[] render(com.lowagie.text.Rectangle size, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(size, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        body.write(document);
        document.close();
        return out.toByteArray();
    }

    private static BaseFont load(String resource) {
        try (InputStream in = ReviewPdf.class.getClassLoader().getResourceAsStream(resource)) {
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

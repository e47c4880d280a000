package com.jewellery.ordertracing.review.domain;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A review as PDF: the tables and the commentary, in one language, set in a TTF font with Cyrillic that
 * is embedded (PDF's standard fonts have no Cyrillic glyphs). Built as XHTML and rendered by openhtmltopdf.
 */
public final class ReviewPdf {

    /** Translations of the review's keys, formatted with their parameters. */
    public interface Texts {
        String get(String key, Object... parameters);
    }

    private ReviewPdf() {}

    public static String fileName(String week) {
        return "weekly-review-" + week + ".pdf";
    }

    /**
     * @param comments section name → commentary (empty or missing: none)
     * @throws IllegalStateException when the font file is missing
     */
    public static void write(
            ReviewFigures figures, int version, Map<String, String> comments, Texts t, Path font, OutputStream out) {
        if (!Files.isReadable(font)) {
            throw new IllegalStateException("The review PDF needs a TTF font with Cyrillic at " + font
                    + " (portal.review.pdf-font; Debian: apt-get install fonts-dejavu-core)");
        }
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), "ReviewFont");
            builder.withHtmlContent(html(figures, version, comments, t), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The review PDF could not be written", e);
        }
    }

    static String html(ReviewFigures f, int version, Map<String, String> comments, Texts t) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(f.zone()));
        StringBuilder html = new StringBuilder(
                "<html><head><style>@page{size:A4 landscape;margin:12mm}body{font-family:'ReviewFont';font-size:10pt}"
                        + "table{border-collapse:collapse;width:100%;margin-bottom:8pt}td,th{border:1px solid #999;padding:2pt 4pt;"
                        + "text-align:left}h1{font-size:16pt}h2{font-size:12pt;margin-top:12pt}.comment{white-space:pre-wrap;"
                        + "font-style:italic}</style></head><body>");
        html.append("<h1>")
                .append(esc(t.get("review.title")))
                .append("</h1><p>")
                .append(esc(t.get("review.week", f.week(), time.format(f.from()), time.format(f.to()), f.zone())))
                .append(" · v")
                .append(version)
                .append("</p>");
        ReviewRows.quality(f, t)
                .forEach(line -> html.append("<p>").append(esc(line)).append("</p>"));
        section(html, t, "SUMMARY", comments);
        for (ReviewRows.Table table :
                List.of(ReviewRows.orders(f), ReviewRows.stages(f), ReviewRows.failures(f), ReviewRows.incidents(f))) {
            table(html, t, table, comments);
        }
        return html.append("</body></html>").toString();
    }

    private static void section(StringBuilder html, Texts t, String section, Map<String, String> comments) {
        html.append("<h2>").append(esc(t.get("review.section." + section))).append("</h2>");
        String comment = comments.getOrDefault(section, "");
        if (!comment.isBlank()) {
            html.append("<p class=\"comment\">").append(esc(comment)).append("</p>");
        }
    }

    private static void table(StringBuilder html, Texts t, ReviewRows.Table table, Map<String, String> comments) {
        section(html, t, table.section(), comments);
        html.append("<table><tr>");
        table.headerKeys()
                .forEach(h -> html.append("<th>").append(esc(t.get(h))).append("</th>"));
        html.append("</tr>");
        table.rows().forEach(row -> {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(esc(cell)).append("</td>"));
            html.append("</tr>");
        });
        html.append("</table>");
    }

    /** XHTML text: the markup characters escaped, so a summary or commentary cannot break the document. */
    static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

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
                        + "font-style:italic}h3{font-size:10pt;margin:6pt 0 2pt 0}table.chart td{border:none;padding:1pt 4pt}"
                        + ".bar{height:5pt;margin:1pt 0}.now{background:#1565c0}.before{background:#90a4ae}"
                        + ".key-now{color:#1565c0}.key-before{color:#90a4ae}</style></head><body>");
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
        for (ReviewRows.Table table : List.of(
                ReviewRows.orders(f), ReviewRows.stages(f, t), ReviewRows.failures(f, t), ReviewRows.incidents(f, t))) {
            table(html, t, table, comments);
            if (table.section().equals("STAGES")) {
                charts(html, f, t);
            }
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

    /** The charts as drawn bars: p95 per stage against the week before, and each stage's p95 over the weeks. */
    static void charts(StringBuilder html, ReviewFigures f, Texts t) {
        List<ReviewCharts.StageP95> stages = ReviewCharts.stageP95(f);
        if (!stages.isEmpty()) {
            double max = ReviewCharts.max(stages.stream()
                    .flatMap(s -> java.util.stream.Stream.of(s.thisWeekMs(), s.lastWeekMs()))
                    .toList());
            html.append("<h3>")
                    .append(esc(t.get("review.chart.stageP95")))
                    .append("</h3><p><span class=\"key-now\">■</span> ")
                    .append(esc(t.get("review.chart.thisWeek")))
                    .append(" <span class=\"key-before\">■</span> ")
                    .append(esc(t.get("review.chart.lastWeek")))
                    .append("</p><table class=\"chart\">");
            for (ReviewCharts.StageP95 stage : stages) {
                html.append("<tr><td style=\"width:18%\">")
                        .append(esc(ReviewRows.stageName(stage.stageId(), t)))
                        .append("</td><td style=\"width:52%\">")
                        .append(bar("now", stage.thisWeekMs(), max))
                        .append(bar("before", stage.lastWeekMs(), max))
                        .append("</td><td>")
                        .append(esc(
                                ReviewRows.millis(stage.thisWeekMs()) + " / " + ReviewRows.millis(stage.lastWeekMs())
                                        + (stage.slaMs() == null ? "" : " · SLA " + ReviewRows.millis(stage.slaMs()))))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        List<ReviewCharts.Trend> trend = ReviewCharts.trend(f);
        if (!trend.isEmpty()) {
            html.append("<h3>")
                    .append(esc(t.get("review.chart.trend")))
                    .append("</h3><table class=\"chart\"><tr><td></td>");
            ReviewCharts.weeks(f)
                    .forEach(week -> html.append("<td>").append(esc(week)).append("</td>"));
            html.append("</tr>");
            for (ReviewCharts.Trend stage : trend) {
                double max = ReviewCharts.max(stage.p95Ms());
                html.append("<tr><td>")
                        .append(esc(ReviewRows.stageName(stage.stageId(), t)))
                        .append("</td>");
                stage.p95Ms()
                        .forEach(value -> html.append("<td>")
                                .append(bar("now", value, max))
                                .append(esc(ReviewRows.millis(value)))
                                .append("</td>"));
                html.append("</tr>");
            }
            html.append("</table>");
        }
    }

    private static String bar(String kind, Double value, double max) {
        if (value == null || max <= 0) {
            return "<div class=\"bar\"></div>";
        }
        double percent = Math.max(1, 100 * value / max);
        return "<div class=\"bar " + kind + "\" style=\"width:" + String.format(java.util.Locale.ROOT, "%.1f", percent)
                + "%\"></div>";
    }

    /** XHTML text: the markup characters escaped, so a summary or commentary cannot break the document. */
    static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

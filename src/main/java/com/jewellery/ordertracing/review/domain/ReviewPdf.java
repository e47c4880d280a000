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
import java.util.Locale;
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
        if (f.dataQuality().isEmpty()) {
            html.append("<p>").append(esc(t.get("review.quality.ok"))).append("</p>");
        }
        f.dataQuality()
                .forEach(q -> html.append("<p>")
                        .append(esc(t.get("review.quality." + q.issue().name(), q.value())))
                        .append("</p>"));
        section(html, t, "SUMMARY", comments);
        ReviewFigures.Orders o = f.orders();
        table(
                html,
                t,
                "ORDERS",
                comments,
                List.of(
                        "review.orders.entered",
                        "review.orders.completed",
                        "review.orders.failed",
                        "review.orders.lost",
                        "review.orders.stuck"),
                List.of(List.of(
                        Long.toString(o.entered()),
                        o.completed() + " (" + percent(o.completedRate()) + ")",
                        o.failed() + " (" + percent(o.failedRate()) + ")",
                        o.lost() + " (" + percent(o.lostRate()) + ")",
                        o.stuck() + " (" + percent(o.stuckRate()) + ")")));
        table(
                html,
                t,
                "STAGES",
                comments,
                List.of(
                        "review.stages.stage",
                        "review.stages.orders",
                        "review.stages.p50",
                        "review.stages.p95",
                        "review.stages.p99",
                        "review.stages.sla",
                        "review.stages.trend"),
                f.stages().stream()
                        .map(s -> List.of(
                                s.stageId(),
                                Long.toString(s.orders()),
                                millis(s.p50Ms()),
                                millis(s.p95Ms()) + " " + change(s.p95Change()),
                                millis(s.p99Ms()),
                                percent(s.slaCompliance()) + " " + points(s.slaChange()),
                                String.join(
                                        " · ",
                                        s.trend().stream()
                                                .map(p -> millis(p.p95Ms()))
                                                .toList())))
                        .toList());
        table(
                html,
                t,
                "FAILURES",
                comments,
                List.of(
                        "review.failures.stage",
                        "review.failures.summary",
                        "review.failures.orders",
                        "review.failures.incidents"),
                f.failures().stream()
                        .map(x -> List.of(
                                x.stage() == null ? "" : x.stage(),
                                x.summary(),
                                Long.toString(x.orders()),
                                String.join(", ", x.incidents())))
                        .toList());
        table(
                html,
                t,
                "INCIDENTS",
                comments,
                List.of(
                        "review.incidents.key",
                        "review.incidents.severity",
                        "review.incidents.status",
                        "review.incidents.acknowledge",
                        "review.incidents.resolve",
                        "review.incidents.orders"),
                f.incidents().rows().stream()
                        .map(i -> List.of(
                                i.key(),
                                i.severity(),
                                i.status(),
                                minutes(i.acknowledgeSeconds()),
                                minutes(i.resolveSeconds()),
                                Long.toString(i.orders())))
                        .toList());
        return html.append("</body></html>").toString();
    }

    private static void section(StringBuilder html, Texts t, String section, Map<String, String> comments) {
        html.append("<h2>").append(esc(t.get("review.section." + section))).append("</h2>");
        String comment = comments.getOrDefault(section, "");
        if (!comment.isBlank()) {
            html.append("<p class=\"comment\">").append(esc(comment)).append("</p>");
        }
    }

    private static void table(
            StringBuilder html,
            Texts t,
            String section,
            Map<String, String> comments,
            List<String> headers,
            List<List<String>> rows) {
        section(html, t, section, comments);
        html.append("<table><tr>");
        headers.forEach(h -> html.append("<th>").append(esc(t.get(h))).append("</th>"));
        html.append("</tr>");
        rows.forEach(row -> {
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

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    private static String points(Double change) {
        return change == null ? "" : String.format(Locale.ROOT, "(%+.2f pp)", change * 100);
    }

    private static String change(Double change) {
        return change == null ? "" : String.format(Locale.ROOT, "(%+.1f %%)", change * 100);
    }

    private static String millis(Double millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String minutes(Long seconds) {
        return seconds == null ? "—" : seconds / 60 + " min";
    }
}

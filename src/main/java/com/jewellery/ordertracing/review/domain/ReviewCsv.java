package com.jewellery.ordertracing.review.domain;

import com.jewellery.ordertracing.lost.CsvWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Each table of a review as CSV, written with the lost-orders' formula-safe {@link CsvWriter} (a summary
 * starting with {@code =} stays text). Numbers as stored: milliseconds, shares 0..1, seconds.
 */
public final class ReviewCsv {

    /** The tables; each downloads as {@code weekly-review-<week>-<name>.csv}. */
    public enum Table {
        ORDERS("orders"),
        STAGES("stages"),
        TREND("trend"),
        FAILURES("failures"),
        INCIDENTS("incidents"),
        DATA_QUALITY("data-quality");

        private final String fileName;

        Table(String fileName) {
            this.fileName = fileName;
        }

        public String fileName(String week) {
            return "weekly-review-" + week + "-" + fileName + ".csv";
        }
    }

    private ReviewCsv() {}

    public static void write(ReviewFigures figures, Table table, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        switch (table) {
            case ORDERS -> {
                ReviewFigures.Orders o = figures.orders();
                csv.row(List.of(
                        "week",
                        "entered",
                        "completed",
                        "failed",
                        "lost",
                        "stuck",
                        "completed_rate",
                        "failed_rate",
                        "lost_rate",
                        "stuck_rate"));
                csv.row(List.of(
                        figures.week(),
                        text(o.entered()),
                        text(o.completed()),
                        text(o.failed()),
                        text(o.lost()),
                        text(o.stuck()),
                        text(o.completedRate()),
                        text(o.failedRate()),
                        text(o.lostRate()),
                        text(o.stuckRate())));
            }
            case STAGES -> {
                csv.row(List.of(
                        "week",
                        "stage",
                        "orders",
                        "p50_ms",
                        "p95_ms",
                        "p99_ms",
                        "sla_ms",
                        "sla_compliance",
                        "error_rate",
                        "p95_change",
                        "sla_change"));
                figures.stages()
                        .forEach(s -> csv.row(List.of(
                                figures.week(),
                                s.stageId(),
                                text(s.orders()),
                                text(s.p50Ms()),
                                text(s.p95Ms()),
                                text(s.p99Ms()),
                                text(s.slaMs()),
                                text(s.slaCompliance()),
                                text(s.errorRate()),
                                text(s.p95Change()),
                                text(s.slaChange()))));
            }
            case TREND -> {
                csv.row(List.of("stage", "week", "orders", "p95_ms", "sla_compliance"));
                figures.stages()
                        .forEach(s -> s.trend()
                                .forEach(point -> csv.row(List.of(
                                        s.stageId(),
                                        point.week(),
                                        text(point.orders()),
                                        text(point.p95Ms()),
                                        text(point.slaCompliance())))));
            }
            case FAILURES -> {
                csv.row(List.of("week", "fingerprint", "stage", "summary", "orders", "incidents"));
                figures.failures()
                        .forEach(f -> csv.row(List.of(
                                figures.week(),
                                f.fingerprint(),
                                text(f.stage()),
                                f.summary(),
                                text(f.orders()),
                                String.join(" ", f.incidents()))));
            }
            case INCIDENTS -> {
                csv.row(List.of("week", "incident", "severity", "status", "acknowledge_s", "resolve_s", "orders"));
                figures.incidents()
                        .rows()
                        .forEach(i -> csv.row(List.of(
                                figures.week(),
                                i.key(),
                                i.severity(),
                                i.status(),
                                text(i.acknowledgeSeconds()),
                                text(i.resolveSeconds()),
                                text(i.orders()))));
            }
            case DATA_QUALITY -> {
                csv.row(List.of("week", "issue", "value"));
                List<List<String>> rows = new ArrayList<>();
                figures.dataQuality()
                        .forEach(q -> rows.add(List.of(figures.week(), q.issue().name(), text(q.value()))));
                rows.forEach(csv::row);
            }
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

package com.jewellery.ordertracing.review.domain;

import com.jewellery.ordertracing.base.StageNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The review's tables as the page and the PDF show them: header keys (translated by the caller) and rows
 * of formatted cells, numbers rounded for reading (the CSV keeps them exact). One model for both, so the
 * page and the PDF cannot drift apart.
 */
public final class ReviewRows {

    /** @param section the {@code review.section.*} it belongs to */
    public record Table(String section, List<String> headerKeys, List<List<String>> rows) {}

    private ReviewRows() {}

    public static Table orders(ReviewFigures f) {
        ReviewFigures.Orders o = f.orders();
        return new Table(
                "ORDERS",
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
    }

    public static Table stages(ReviewFigures f, ReviewPdf.Texts t) {
        return new Table(
                "STAGES",
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
                                stageName(s.stageId(), t),
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
    }

    public static Table failures(ReviewFigures f, ReviewPdf.Texts t) {
        return new Table(
                "FAILURES",
                List.of(
                        "review.failures.stage",
                        "review.failures.summary",
                        "review.failures.orders",
                        "review.failures.incidents"),
                f.failures().stream()
                        .map(x -> List.of(
                                x.stage() == null ? "" : stageName(x.stage(), t),
                                x.summary(),
                                Long.toString(x.orders()),
                                String.join(", ", x.incidents())))
                        .toList());
    }

    public static Table incidents(ReviewFigures f, ReviewPdf.Texts t) {
        return new Table(
                "INCIDENTS",
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
                                t.get("incident.severity." + i.severity()),
                                t.get("incident.status." + i.status()),
                                minutes(i.acknowledgeSeconds()),
                                minutes(i.resolveSeconds()),
                                Long.toString(i.orders())))
                        .toList());
    }

    /** The data-quality line, one translated sentence per issue ("complete" when there is none). */
    public static List<String> quality(ReviewFigures f, ReviewPdf.Texts t) {
        List<String> lines = new ArrayList<>();
        if (f.dataQuality().isEmpty()) {
            lines.add(t.get("review.quality.ok"));
        }
        f.dataQuality()
                .forEach(q -> lines.add(t.get("review.quality." + q.issue().name(), q.value())));
        return lines;
    }

    /** A stage's name in the reader's language (its id if it has no translation). */
    public static String stageName(String stageId, ReviewPdf.Texts t) {
        return StageNames.name(key -> t.get(key), stageId);
    }

    public static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    public static String millis(Double millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String points(Double change) {
        return change == null ? "" : String.format(Locale.ROOT, "(%+.2f pp)", change * 100);
    }

    private static String change(Double change) {
        return change == null ? "" : String.format(Locale.ROOT, "(%+.1f %%)", change * 100);
    }

    private static String minutes(Long seconds) {
        return seconds == null ? "—" : seconds / 60 + " min";
    }
}

package com.jewellery.ordertracing.alerts;

import com.jewellery.ordertracing.lost.OrderSnapshot;
import com.jewellery.ordertracing.lost.StageFunnel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The arithmetic of each rule kind on numbers already read from the index. Plain Java, no I/O. */
public final class AlertChecks {

    /** Key of the one problem a stuck-count rule can have. */
    static final String ALL = "all";

    private AlertChecks() {}

    /** One problem per failed order. */
    public static List<Firing> criticalErrors(List<OrderSnapshot> failed) {
        return failed.stream()
                .map(order -> new Firing(order.orderId(), null, failedText(order), order.orderId()))
                .toList();
    }

    /** A problem when more orders are stuck or lost than the rule allows. */
    public static Optional<Firing> stuckCount(AlertRule rule, long stuckOrLost) {
        if (stuckOrLost <= rule.threshold().longValue()) {
            return Optional.empty();
        }
        return Optional.of(new Firing(
                ALL,
                (double) stuckOrLost,
                new AlertText(
                        rule.stage() == null ? "alerts.text.stuck" : "alerts.text.stuckAt",
                        rule.stage(),
                        List.of(
                                String.valueOf(stuckOrLost),
                                String.valueOf(rule.threshold().longValue()),
                                String.valueOf(rule.windowMinutes()))),
                null));
    }

    /**
     * One problem per stage whose error rate is above the threshold; stages with fewer than
     * {@code minOrders} orders are skipped, so one failure out of two orders is not an alarm.
     */
    public static List<Firing> errorRates(AlertRule rule, StageFunnel funnel, List<String> stages, long minOrders) {
        List<String> watched = rule.stage() == null ? stages : List.of(rule.stage());
        double threshold = rule.threshold().doubleValue();
        return watched.stream()
                .filter(stage -> funnel.reached(stage) >= minOrders)
                .filter(stage -> funnel.errorRate(stage) * 100 > threshold)
                .map(stage -> {
                    double percent = funnel.errorRate(stage) * 100;
                    return new Firing(
                            stage,
                            percent,
                            new AlertText(
                                    "alerts.text.errorRate",
                                    stage,
                                    List.of(
                                            String.format(Locale.ROOT, "%.1f", percent),
                                            String.valueOf(funnel.errors(stage)),
                                            String.valueOf(funnel.reached(stage)),
                                            rule.threshold()
                                                    .stripTrailingZeros()
                                                    .toPlainString(),
                                            String.valueOf(rule.windowMinutes()))),
                            null);
                })
                .toList();
    }

    private static AlertText failedText(OrderSnapshot order) {
        String stage = order.errorStage() != null ? order.errorStage() : order.lastStage();
        String key = stage == null ? "alerts.text.failedSomewhere" : "alerts.text.failed";
        return order.errorMessage() == null
                ? new AlertText(key, stage, List.of(order.orderId()))
                : new AlertText(key + "With", stage, List.of(order.orderId(), firstLine(order.errorMessage())));
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }
}

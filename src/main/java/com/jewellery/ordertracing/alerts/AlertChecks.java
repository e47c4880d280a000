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

    private AlertChecks() {
    }

    /** One problem per failed order. */
    public static List<Firing> criticalErrors(List<OrderSnapshot> failed) {
        return failed.stream().map(order -> new Firing(order.orderId(), null,
                "Order " + order.orderId() + " failed at " + stageName(order.errorStage() != null ? order.errorStage()
                        : order.lastStage()) + (order.errorMessage() == null ? "" : ": " + firstLine(order.errorMessage())),
                order.orderId())).toList();
    }

    /** A problem when more orders are stuck or lost than the rule allows. */
    public static Optional<Firing> stuckCount(AlertRule rule, long stuckOrLost) {
        if (stuckOrLost <= rule.threshold().longValue()) {
            return Optional.empty();
        }
        return Optional.of(new Firing(ALL, (double) stuckOrLost, stuckOrLost + " orders stuck or lost"
                + (rule.stage() == null ? "" : " at " + rule.stage()) + " (more than " + rule.threshold().longValue()
                + ", first seen within " + rule.windowMinutes() + " min)", null));
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
                    return new Firing(stage, percent, String.format(Locale.ROOT,
                            "Error rate at %s is %.1f %% (%d of %d orders, threshold %s %%, last %d min)", stage,
                            percent, funnel.errors(stage), funnel.reached(stage), rule.threshold().toPlainString(),
                            rule.windowMinutes()), null);
                }).toList();
    }

    private static String stageName(String stage) {
        return stage == null ? "an unknown stage" : stage;
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }
}

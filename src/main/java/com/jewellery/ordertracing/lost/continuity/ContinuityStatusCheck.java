package com.jewellery.ordertracing.lost.continuity;

import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.status.StatusCheck;
import com.jewellery.ordertracing.status.StatusFact;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The status page's row for trace continuity: which hop loses traces, and which service to fix. */
@Component
class ContinuityStatusCheck implements StatusCheck {

    private final ContinuityMonitor monitor;

    ContinuityStatusCheck(ContinuityMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public ComponentStatus check() {
        long started = System.nanoTime();
        TraceContinuity continuity = monitor.current();
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        List<StatusFact> facts =
                continuity.hops().stream().map(ContinuityStatusCheck::fact).toList();
        List<HopContinuity> broken = continuity.broken();
        String detail = continuity.orders() + " orders since " + continuity.measuredAt();
        // the services answer; their traces do not join up: shown as a warning with the service to fix
        return new ComponentStatus(
                "status.component.continuity",
                true,
                broken.isEmpty() ? null : "status.problem.continuity",
                facts,
                detail,
                latency,
                List.of());
    }

    private static StatusFact fact(HopContinuity hop) {
        String share = String.format(Locale.ROOT, "%.0f", hop.share() * 100);
        return hop.broken()
                ? StatusFact.of(
                        "status.fact.continuityBroken",
                        hop.hop().upstreamService(),
                        hop.hop().downstreamService(),
                        share,
                        hop.knownCrossings())
                : StatusFact.of(
                        "status.fact.continuity",
                        hop.hop().upstreamService(),
                        hop.hop().downstreamService(),
                        share,
                        hop.knownCrossings());
    }

    @Override
    public String nameKey() {
        return "status.component.continuity";
    }

    @Override
    public int order() {
        return 60;
    }
}

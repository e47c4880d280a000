package com.jewellery.ordertracing.lost.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.ordertracing.lost.OrderProblem;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The 10 % plan as a company would follow it: plain ratio sampling, so each linked MES trace gets its own
 * decision. The portal must find the broken CRM → MES hop from the data alone, name it, and list the
 * orders that stopped just before it as not confirmed instead of stuck or lost; orders stopped before a
 * whole hop keep their reason, and nothing unconfirmed counts for the alerts.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=continuity_it",
            "spring.flyway.schemas=continuity_it",
            "portal.index.enabled=true",
            "portal.index.interval=500ms",
            "portal.index.lag=0s",
            "portal.index.overlap=10s",
            "portal.index.initial-lookback=1s",
            "portal.index.lock-key=727506",
            "portal.lost.continuity.min-orders=5",
            "portal.lost.continuity.refresh=0s"
        })
class TraceContinuityIT extends SampledFlowRun {

    @Override
    SamplingMode sampling() {
        return SamplingMode.RATIO;
    }

    @Test
    void theCrmToMesHopIsNamedBrokenAndTheShopToCrmHopIsWhole() {
        TraceContinuity measured = continuity.current();

        HopContinuity toMes = hop(measured, "crm.publish");
        System.out.printf(
                "[continuity] crm -> mes: %d crossed, %d seen only in MES, share %.2f%n",
                toMes.crossed(), toMes.downstreamOnly(), toMes.share());
        assertThat(toMes.broken()).isTrue();
        assertThat(toMes.hop().downstreamService()).isEqualTo("mes");
        assertThat(toMes.share()).isLessThan(0.5);
        assertThat(hop(measured, "shop.send").broken()).isFalse();
        assertThat(hop(measured, "shop.send").share()).isEqualTo(1.0);
        assertThat(measured.unconfirmedAfter()).containsExactly("crm.publish");
    }

    @Test
    void ordersStoppedBeforeTheBrokenHopAreNotConfirmedAndTheRestKeepTheirReason() {
        List<OrderProblem> listed = listedOnceEveryStoppedOrderIsLate();

        assertThat(listed)
                .filteredOn(problem -> "crm.publish".equals(problem.order().lastStage()))
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.reason()).isEqualTo(ProblemReason.UNCONFIRMED));
        assertEveryStuckOrLostOrderIsReallyUnfinishedAndEverySampledStuckOneIsListed(listed);
    }

    @Test
    void anUnconfirmedOrderIsNoStuckCountForTheAlerts() {
        assertThat(queries.countByStageAndReason(
                        detector.deadlinesAt(truth.finishedAt().plus(Duration.ofMinutes(10))),
                        run.withStage("crm.publish")))
                .isNotEmpty()
                .allSatisfy(count -> assertThat(count.reason()).isEqualTo(ProblemReason.UNCONFIRMED));
    }
}

package com.jewellery.ordertracing.lost.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.ordertracing.lost.OrderProblem;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The same 10 % plan with the link-aware sampler: a linked MES trace is kept exactly when the CRM's was,
 * so every hop is whole, nothing is unconfirmed, and the list is as exact as with full sampling.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=link_aware_it",
            "spring.flyway.schemas=link_aware_it",
            "portal.index.enabled=true",
            "portal.index.interval=500ms",
            "portal.index.lag=0s",
            "portal.index.overlap=10s",
            "portal.index.initial-lookback=1s",
            "portal.index.lock-key=727507",
            "portal.lost.continuity.min-orders=5",
            "portal.lost.continuity.refresh=0s"
        })
class LinkAwareSamplingIT extends SampledFlowRun {

    @Override
    SamplingMode sampling() {
        return SamplingMode.LINK_AWARE;
    }

    @Test
    void everyHopIsWholeAndNothingIsUnconfirmed() {
        TraceContinuity measured = continuity.current();
        List<OrderProblem> listed = listedOnceEveryStoppedOrderIsLate();

        assertThat(measured.broken()).isEmpty();
        assertThat(hop(measured, "crm.publish").knownCrossings())
                .as("enough orders to judge")
                .isGreaterThanOrEqualTo(5);
        assertThat(hop(measured, "crm.publish").share()).isEqualTo(1.0);
        assertThat(listed).noneMatch(problem -> problem.reason() == ProblemReason.UNCONFIRMED);
        assertEveryStuckOrLostOrderIsReallyUnfinishedAndEverySampledStuckOneIsListed(listed);
    }
}

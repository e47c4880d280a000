package com.jewellery.ordertracing.lost.continuity;

import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.ordertracing.support.IntegrationTest;
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
        assertEveryHopIsWholeAndNothingIsUnconfirmed();
    }
}

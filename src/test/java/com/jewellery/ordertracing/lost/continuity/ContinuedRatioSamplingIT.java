package com.jewellery.ordertracing.lost.continuity;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.ordertracing.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The 10 % plan with plain ratio sampling and an MES consumer that continues the CRM's trace: each order's
 * trace is whole or absent, so every hop is whole, nothing is unconfirmed, and the list is exact for the
 * orders that were kept.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=continued_ratio_it",
            "spring.flyway.schemas=continued_ratio_it",
            "portal.index.enabled=true",
            "portal.index.interval=500ms",
            "portal.index.lag=0s",
            "portal.index.overlap=10s",
            "portal.index.initial-lookback=1s",
            "portal.index.lock-key=727508",
            "portal.lost.continuity.min-orders=5",
            "portal.lost.continuity.refresh=0s"
        })
class ContinuedRatioSamplingIT extends SampledFlowRun {

    @Override
    SamplingMode sampling() {
        return SamplingMode.RATIO;
    }

    @Override
    ConsumerStyle consumerStyle() {
        return ConsumerStyle.CONTINUE;
    }

    @Test
    void everyHopIsWholeAndNothingIsUnconfirmed() {
        assertEveryHopIsWholeAndNothingIsUnconfirmed();
    }
}

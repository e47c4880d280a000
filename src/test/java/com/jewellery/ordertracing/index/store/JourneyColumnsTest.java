package com.jewellery.ordertracing.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.OrderFlowSpans;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.StageCatalog;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyColumnsTest {

    private static final Instant T0 = Instant.parse("2026-11-03T09:14:22Z");

    @Test
    void aPricingErrorIsThePriceCalculationsWithItsExceptionNamed() {
        OrderJourney journey = new JourneyAssembler(StageCatalog.defaults())
                .assemble(OrderFlowSpans.order("ORD-C1", T0).pricingFails().spans())
                .getFirst();

        JourneyColumns columns = JourneyColumns.of(journey);

        assertThat(journey.errors()).extracting(JourneyError::stageId).contains("mes.consume", "mes.price");
        assertThat(columns.errorStage())
                .as("not the consumer span that passed it on")
                .isEqualTo("mes.price");
        assertThat(columns.errorMessage()).startsWith("PricingException: ");
        assertThat(columns.lastStage()).isEqualTo("mes.price");
    }

    @Test
    void theMessageFollowsTheExceptionsSimpleNameOnce() {
        assertThat(JourneyColumns.message(error("com.example.Pricing$PricingException", "no quote")))
                .isEqualTo("PricingException: no quote");
        assertThat(JourneyColumns.message(error("com.example.PricingException", "PricingException: no quote")))
                .isEqualTo("PricingException: no quote");
        assertThat(JourneyColumns.message(error(null, "order went to the dead-letter queue")))
                .isEqualTo("order went to the dead-letter queue");
    }

    @Test
    void aJourneyWithoutErrorsHasNoErrorColumns() {
        OrderJourney journey = new JourneyAssembler(StageCatalog.defaults())
                .assemble(OrderFlowSpans.order("ORD-C2", T0).spans())
                .getFirst();

        assertThat(JourneyColumns.of(journey).errorStage()).isNull();
        assertThat(JourneyColumns.of(journey).errorMessage()).isNull();
    }

    private static JourneyError error(String type, String message) {
        return new JourneyError(
                JourneyError.Kind.EXCEPTION,
                "mes.price",
                null,
                "mes",
                "price.calculate",
                T0,
                message,
                type,
                null,
                Map.of());
    }
}

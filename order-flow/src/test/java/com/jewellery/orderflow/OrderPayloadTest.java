package com.jewellery.orderflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.orderflow.OrderPayload.MalformedOrderException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderPayloadTest {

    private static final OrderPayload RING = new OrderPayload("ORD-RUN-000001", "CUST-7", "ring", "GOLD_750", 4.5);

    @Test
    void travelsAsJson() {
        assertThat(OrderPayload.parse(RING.toJson())).isEqualTo(RING);
    }

    @Test
    void aBodyThatIsNoOrderIsMalformed() {
        assertThatThrownBy(() -> OrderPayload.parse("orderId=ORD-RUN-000001;metal=GOLD_750;weight=4.5"))
                .isInstanceOf(MalformedOrderException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> OrderPayload.parse("{\"orderId\":\"ORD-1\"}"))
                .isInstanceOf(MalformedOrderException.class)
                .hasMessageContaining("customerId");
        assertThatThrownBy(() -> OrderPayload.parse(RING.toJson().replace("ORD-RUN-000001", "12345")))
                .isInstanceOf(MalformedOrderException.class)
                .hasMessageContaining("order id");
    }

    @Test
    void pricesMetalByWeightPlusMakingCharge() {
        assertThat(Pricing.standardQuotes().price(RING)).isEqualByComparingTo(new BigDecimal("320.40"));
    }

    @Test
    void pricingFailsWithoutAQuoteForTheMetal() {
        Pricing noGold = Pricing.standardQuotes().withoutQuoteFor("GOLD_750");

        assertThatThrownBy(() -> noGold.price(RING))
                .isInstanceOf(Pricing.PricingException.class)
                .hasMessageContaining("GOLD_750");
    }
}

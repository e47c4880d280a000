package com.jewellery.orderflow.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.orderflow.instrumentation.OrderPayload.MalformedOrderException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderPayloadTest {

    private static final OrderPayload RING = new OrderPayload("ORD-RUN-000001", "CUST-7", "ring", "GOLD_750", 4.5);

    @Test
    void travelsAsJson() {
        assertThat(OrderPayload.parse(RING.toJson())).isEqualTo(RING);
    }

    /** The cases of the hand-written JSON code's former JsonTest, now that Jackson reads and writes orders. */
    @Test
    void travelsAsJsonWhateverItsTextHolds() {
        OrderPayload awkward = new OrderPayload(
                "ORD-RUN-000002", "quote \" backslash \\ newline \n tab \t bell \u0007 ring", "ring", "GOLD_750", 12.5);

        assertThat(OrderPayload.parse(awkward.toJson())).isEqualTo(awkward);
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsMalformed() {
        String order = RING.toJson();

        assertThatThrownBy(() -> OrderPayload.parse(order.substring(0, order.length() - 10)))
                .isInstanceOf(MalformedOrderException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> OrderPayload.parse(order + " tail"))
                .isInstanceOf(MalformedOrderException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> OrderPayload.parse("[" + order + "]"))
                .isInstanceOf(MalformedOrderException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> OrderPayload.parse(order.replace("\"CUST-7\"", "[\"CUST-7\"]")))
                .isInstanceOf(MalformedOrderException.class)
                .hasMessageContaining("customerId");
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

package com.jewellery.ordertracing.lost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An order id filter either can start an order id or is refused before any query is built. */
class ProblemFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ORD-", "ORD_1", "ord.2026:x", " ORD-12 "})
    void theStartOfAnOrderIdIsAccepted(String typed) {
        assertThat(ProblemFilter.acceptableOrderIdPrefix(typed)).isTrue();
        assertThat(new ProblemFilter(null, null, null, null, null, typed).orderIdPrefix())
                .isEqualTo(typed.isBlank() ? null : typed.strip());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<img src=x onerror=alert(1)>",
                "ORD-1' OR '1'='1",
                "ORD%",
                "ORD-1; DROP TABLE order_journey; --",
                "nul\u0000",
                "ORD-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void textNoOrderIdCanStartWithIsRefused(String typed) {
        assertThat(ProblemFilter.acceptableOrderIdPrefix(typed)).isFalse();
        assertThatThrownBy(() -> new ProblemFilter(null, null, null, null, null, typed))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

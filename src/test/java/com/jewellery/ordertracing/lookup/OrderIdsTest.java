package com.jewellery.ordertracing.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIdsTest {

    @Test
    void surroundingWhitespaceIsDroppedAndCaseIsKept() {
        assertThat(OrderIds.normalize("  ORD-42\t")).contains("ORD-42");
        // ids are case-sensitive in the traces: "ord-42" is another order, not a typo to correct
        assertThat(OrderIds.normalize("ord-42")).contains("ord-42");
    }

    @Test
    void theFlowsOwnIdsAndCommonPartnerFormatsAreAccepted() {
        assertThat(OrderIds.normalize("ORD-20261201-000017")).contains("ORD-20261201-000017");
        assertThat(OrderIds.normalize("partner:acme.7_2")).contains("partner:acme.7_2");
        assertThat(OrderIds.normalize("7")).contains("7");
    }

    @Test
    void sixtyFourCharactersAreTheLimit() {
        String longest = "A".repeat(64);
        assertThat(OrderIds.normalize(longest)).contains(longest);
        assertThat(OrderIds.normalize(longest + "B")).isEmpty();
        assertThat(OrderIds.normalize("  " + longest + "  "))
                .as("whitespace does not count")
                .contains(longest);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "-ORD-1",
                ".ORD",
                "ORD 42",
                "ORD-42;DROP",
                "ORD%",
                "ORD_*",
                "заказ-1",
                "ORD-1\n2",
                "<script>",
                "ORD/1",
                "ORD'1"
            })
    void anythingElseIsRefusedBeforeAnyQuery(String typed) {
        assertThat(OrderIds.normalize(typed)).isEmpty();
    }
}

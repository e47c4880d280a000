package com.jewellery.ordertracing.index.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionPlanTest {

    private final LocalDate today = LocalDate.of(2026, 11, 26);

    @Test
    void anEmptyTableGetsTodayAndTheDaysAhead() {
        PartitionPlan plan = PartitionPlan.of("order_journey", List.of("order_journey_default"), today, 2, 90);

        assertThat(plan.create()).containsExactly(today, today.plusDays(1), today.plusDays(2));
        assertThat(plan.drop()).isEmpty();
    }

    @Test
    void existingDaysAreKeptAndOnlyMissingOnesCreated() {
        PartitionPlan plan = PartitionPlan.of(
                "order_journey",
                List.of("order_journey_default", "order_journey_p20261126", "order_journey_p20261128"),
                today,
                2,
                90);

        assertThat(plan.create()).containsExactly(LocalDate.of(2026, 11, 27));
    }

    @Test
    void daysPastRetentionAreDroppedOldestFirstAndTheDefaultPartitionNever() {
        PartitionPlan plan = PartitionPlan.of(
                "order_journey",
                List.of(
                        "order_journey_default",
                        "order_journey_p20260828",
                        "order_journey_p20260827",
                        "order_journey_p20260826",
                        "audit_event_p20200101"),
                today,
                0,
                90);

        assertThat(plan.retainFrom()).isEqualTo(LocalDate.of(2026, 8, 28));
        assertThat(plan.drop()).containsExactly("order_journey_p20260826", "order_journey_p20260827");
    }

    @Test
    void namesCarryTheDayAndParseBack() {
        assertThat(PartitionPlan.name("order_journey", today)).isEqualTo("order_journey_p20261126");
        assertThat(PartitionPlan.day("order_journey", "order_journey_p20261126"))
                .contains(today);
        assertThat(PartitionPlan.day("order_journey", "order_journey_default")).isEmpty();
        assertThat(PartitionPlan.day("order_journey", "audit_event_p20261126")).isEmpty();
    }
}

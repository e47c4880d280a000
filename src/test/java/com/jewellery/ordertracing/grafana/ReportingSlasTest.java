package com.jewellery.ordertracing.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.lost.DetectionRules;
import com.jewellery.ordertracing.lost.ProblemReason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows Grafana's lost/stuck panel reads are the portal's detection rules, overrides and grace included. */
class ReportingSlasTest {

    private static final StageCatalog CATALOG = StageCatalog.defaults();

    @Test
    void everyStageCarriesItsSlaAndTheAllowanceAfterItAsThePortalAppliesIt() {
        DetectionRules rules = DetectionRules.from(
                CATALOG,
                Map.of("mes.price", Duration.ofSeconds(45)),
                null,
                Duration.ofSeconds(15),
                EnumSet.allOf(ProblemReason.class));

        ReportingSlas slas = ReportingSlas.of(rules);

        assertThat(slas.stages()).extracting(ReportingSlas.Stage::id).containsExactlyElementsOf(rules.stages());
        assertThat(slas.stages()).extracting(ReportingSlas.Stage::position).startsWith(1, 2, 3);
        for (ReportingSlas.Stage stage : slas.stages()) {
            assertThat(stage.sla()).as(stage.id()).isEqualTo(rules.stageSlas().get(stage.id()));
            assertThat(stage.stuckAfter())
                    .as(stage.id())
                    .isEqualTo(rules.allowanceAfter(stage.id()).orElse(null));
            assertThat(stage.terminal()).isEqualTo(rules.terminal().contains(stage.id()));
        }
        ReportingSlas.Stage consume = slas.stages().stream()
                .filter(stage -> stage.id().equals("mes.consume"))
                .findFirst()
                .orElseThrow();
        assertThat(consume.stuckAfter())
                .as("after consuming, pricing is awaited: its overridden 45 s plus 15 s grace")
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(slas.stages().getLast().terminal()).isTrue();
        assertThat(slas.stages().getLast().stuckAfter())
                .as("nothing awaited after the terminal stage")
                .isNull();
        assertThat(slas.lost().lostAfter()).isEqualTo(CATALOG.endToEndSla());
        assertThat(slas.lost().stuckBeforeAnyStage())
                .isEqualTo(CATALOG.stages().getFirst().sla().plus(Duration.ofSeconds(15)));
        assertThat(slas.lost().grace()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aConfiguredEndToEndSlaReplacesTheCatalogs() {
        DetectionRules rules = DetectionRules.from(
                CATALOG, Map.of(), Duration.ofMinutes(12), Duration.ZERO, EnumSet.allOf(ProblemReason.class));

        assertThat(ReportingSlas.of(rules).lost().lostAfter()).isEqualTo(Duration.ofMinutes(12));
    }
}

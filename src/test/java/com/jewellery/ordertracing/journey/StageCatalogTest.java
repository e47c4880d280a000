package com.jewellery.ordertracing.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class StageCatalogTest {

    private static final Set<String> SERVICES = Set.of("shop", "crm", "rabbitmq", "mes");

    @Test
    void defaultsFollowTheTraceContract() {
        StageCatalog catalog = StageCatalog.defaults();

        assertThat(catalog.stages())
                .extracting(
                        StageDefinition::id, StageDefinition::service, StageDefinition::spanName, StageDefinition::sla)
                .containsExactly(
                        stage("shop.create", "shop", "order.create", 2),
                        stage("shop.send", "shop", "crm.send", 5),
                        stage("crm.process", "crm", "order.process", 10),
                        stage("crm.publish", "crm", "publish orders.mes", 2),
                        stage("rabbitmq.queue", "rabbitmq", null, 60),
                        stage("mes.consume", "mes", "process orders.mes", 5),
                        stage("mes.price", "mes", "price.calculate", 30),
                        stage("mes.approve", "mes", "status.change", 10));
        assertThat(catalog.stages())
                .filteredOn(StageDefinition::terminal)
                .extracting(StageDefinition::id)
                .containsExactly("mes.approve");
        assertThat(catalog.stages())
                .filteredOn(StageDefinition::isDerived)
                .extracting(StageDefinition::kind)
                .containsExactly(StageKind.QUEUE_WAIT);
        assertThat(catalog.endToEndSla()).isEqualTo(Duration.ofMinutes(5));
        assertThat(catalog.stage("mes.price")).map(StageDefinition::displayKey).hasValue("journey.stage.mes.price");
        assertThat(catalog.indexOf("rabbitmq.queue")).isEqualTo(4);
    }

    @Test
    void stagesAreSortedByTheirOrderWhateverTheInputOrder() {
        List<StageDefinition> reversed = new ArrayList<>(StageCatalog.defaults().stages()).reversed();

        StageCatalog catalog = new StageCatalog(SERVICES, reversed, Duration.ofMinutes(5));

        assertThat(catalog.stages()).isEqualTo(StageCatalog.defaults().stages());
    }

    @Test
    void spanMatchesTheFirstStageWithItsServiceNameAndAttributes() {
        StageCatalog catalog = StageCatalog.defaults();
        SpanRecord consume = span("mes", "process orders.mes", Map.of("messaging.system", "rabbitmq"));

        assertThat(catalog.stageFor(consume)).map(StageDefinition::id).hasValue("mes.consume");
        assertThat(catalog.stageFor(span("crm", "process orders.mes", Map.of())))
                .isEmpty();
        assertThat(catalog.stage("rabbitmq.queue").orElseThrow().matches(span("rabbitmq", "anything", Map.of())))
                .isFalse();
    }

    @Test
    void duplicateIdsAndOrdersAreRejected() {
        assertProblems(
                withStages(defaults -> defaults.add(
                        StageDefinition.span("mes.price", "mes", "price.recalculate", 7, Duration.ofSeconds(30)))),
                "duplicate stage id 'mes.price'",
                "stages 'mes.price' and 'mes.price' share order 7");
    }

    @Test
    void unknownServiceIsRejectedWithTheKnownOnes() {
        assertProblems(
                withStages(defaults -> defaults.set(
                        6, StageDefinition.span("mes.price", "pricing", "price.calculate", 7, Duration.ofSeconds(30)))),
                "stage 'mes.price': unknown service 'pricing' (known: crm, mes, rabbitmq, shop)");
    }

    @Test
    void catalogWithoutTerminalStageIsRejected() {
        assertProblems(
                withStages(defaults -> defaults.set(
                        7, StageDefinition.span("mes.approve", "mes", "status.change", 8, Duration.ofSeconds(10)))),
                "no terminal stage: mark the stage that completes an order with terminal=true");
    }

    @Test
    void derivedStageNeedsSpanStagesOnBothSidesAndNoSpanOfItsOwn() {
        StageDefinition waitAtTheEnd = new StageDefinition(
                "mes.archive.wait",
                null,
                "rabbitmq",
                "archive",
                Map.of(),
                9,
                Duration.ofSeconds(5),
                true,
                StageKind.QUEUE_WAIT);

        assertProblems(
                withStages(defaults -> defaults.add(waitAtTheEnd)),
                "stage 'mes.archive.wait' is derived (QUEUE_WAIT) and must not name a span or attributes",
                "stage 'mes.archive.wait' is derived (QUEUE_WAIT) and cannot be terminal",
                "derived stage 'mes.archive.wait' needs a span stage right before and right after it");
    }

    @Test
    void stagesThatCannotBeToldApartOrMatchNothingAreRejected() {
        assertProblems(
                withStages(defaults -> {
                    defaults.add(StageDefinition.span(
                            "mes.approve.again", "mes", "status.change", 9, Duration.ofSeconds(10)));
                    defaults.add(new StageDefinition(
                            "mes.ship", null, "mes", null, Map.of(), 10, Duration.ofSeconds(10), false, null));
                }),
                "stages 'mes.approve' and 'mes.approve.again' match the same spans",
                "stage 'mes.ship' matches no span: give a span name and/or attributes");
    }

    @Test
    void missingIdServiceAndSlaAreRejected() {
        StageDefinition blank = new StageDefinition(" ", null, null, "order.archive", Map.of(), 9, null, false, null);
        StageDefinition negativeSla = StageDefinition.span("mes.ship", "mes", "ship", 10, Duration.ofSeconds(-1));

        assertProblems(
                withStages(defaults -> {
                    defaults.add(blank);
                    defaults.add(negativeSla);
                }),
                "stage #9 (order 9) has no id",
                "stage #9 (order 9) has no service",
                "stage #9 (order 9): SLA must be a positive duration, got null",
                "stage 'mes.ship': SLA must be a positive duration, got PT-1S");
    }

    @Test
    void emptyCatalogIsRejected() {
        assertThatThrownBy(() -> new StageCatalog(null, null, Duration.ZERO))
                .isInstanceOfSatisfying(
                        InvalidStageCatalogException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "end-to-end SLA must be a positive duration, got PT0S",
                                        "no services declared",
                                        "no stages declared"))
                .hasMessageStartingWith("Invalid journey stage catalog:\n - end-to-end SLA");
    }

    private static void assertProblems(Runnable construction, String... problems) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(
                        InvalidStageCatalogException.class,
                        e -> assertThat(e.problems()).containsExactlyInAnyOrder(problems))
                .hasMessageContaining(problems[0]);
    }

    private static Runnable withStages(Consumer<List<StageDefinition>> change) {
        List<StageDefinition> stages = new ArrayList<>(StageCatalog.defaults().stages());
        change.accept(stages);
        return () -> new StageCatalog(SERVICES, stages, StageCatalog.DEFAULT_END_TO_END_SLA);
    }

    private static Tuple stage(String id, String service, String spanName, int slaSeconds) {
        return Tuple.tuple(id, service, spanName, Duration.ofSeconds(slaSeconds));
    }

    private static SpanRecord span(String service, String name, Map<String, String> attributes) {
        return new SpanRecord(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                "",
                service,
                name,
                SpanRecord.Kind.CONSUMER,
                1L,
                2L,
                null,
                null,
                Stream.concat(attributes.entrySet().stream(), Stream.of(Map.entry("order.id", "ORD-2026-000123")))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                List.of(),
                List.of());
    }
}

package com.jewellery.ordertracing.journey;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expected stages of an order's flow, sorted by {@link StageDefinition#order()}. Validated on
 * construction, so a catalog bound from configuration either describes a usable flow or fails with
 * every problem listed ({@link InvalidStageCatalogException}).
 *
 * @param services    the {@code service.name}s (and derived systems) a stage may name
 * @param stages      the stages in any order
 * @param endToEndSla how long an order may take from its first to its last span
 */
public record StageCatalog(Set<String> services, List<StageDefinition> stages, Duration endToEndSla) {

    public static final Duration DEFAULT_END_TO_END_SLA = Duration.ofMinutes(5);

    public StageCatalog {
        services = Set.copyOf(services == null ? Set.of() : services);
        stages = (stages == null ? List.<StageDefinition>of() : stages)
                .stream()
                        .sorted(Comparator.comparingInt(StageDefinition::order))
                        .toList();
        List<String> problems = StageCatalogValidator.problems(services, stages, endToEndSla);
        if (!problems.isEmpty()) {
            throw new InvalidStageCatalogException(problems);
        }
    }

    /** The shop → CRM → RabbitMQ → MES flow of trace contract 0002. */
    public static StageCatalog defaults() {
        return new StageCatalog(
                Set.of("shop", "crm", "rabbitmq", "mes"),
                List.of(
                        StageDefinition.span("shop.create", "shop", "order.create", 1, Duration.ofSeconds(2)),
                        StageDefinition.span("shop.send", "shop", "crm.send", 2, Duration.ofSeconds(5)),
                        StageDefinition.span("crm.process", "crm", "order.process", 3, Duration.ofSeconds(10)),
                        StageDefinition.span("crm.publish", "crm", "publish orders.mes", 4, Duration.ofSeconds(2)),
                        StageDefinition.queueWait("rabbitmq.queue", "rabbitmq", 5, Duration.ofSeconds(60)),
                        StageDefinition.span("mes.consume", "mes", "process orders.mes", 6, Duration.ofSeconds(5)),
                        StageDefinition.span("mes.price", "mes", "price.calculate", 7, Duration.ofSeconds(30)),
                        StageDefinition.span("mes.approve", "mes", "status.change", 8, Duration.ofSeconds(10))
                                .asTerminal()),
                DEFAULT_END_TO_END_SLA);
    }

    public Optional<StageDefinition> stage(String id) {
        return stages.stream().filter(stage -> stage.id().equals(id)).findFirst();
    }

    /** The first stage (in flow order) the span belongs to, if any. */
    public Optional<StageDefinition> stageFor(SpanRecord span) {
        return stages.stream().filter(stage -> stage.matches(span)).findFirst();
    }

    /** Position of the stage in flow order (0-based), or -1. */
    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }
}

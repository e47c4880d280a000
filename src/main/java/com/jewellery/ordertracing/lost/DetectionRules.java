package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When an order counts as stuck, lost or failed. Plain data built from the stage catalog, with SLAs
 * overridable per stage; {@link #at(Instant)} turns it into the deadlines of one moment, which both the
 * Java check and the SQL of the list use, so the two cannot disagree.
 *
 * @param stages      stage ids in flow order
 * @param stageSlas   how long each stage may take to be reached after the previous one ended
 * @param terminal    stages after which nothing is expected
 * @param endToEndSla how long an order may take from its first span to the terminal stage
 * @param grace       added to every stage SLA: covers the indexer's lag behind Jaeger
 * @param enabled     the reasons that are reported at all
 */
public record DetectionRules(
        List<String> stages,
        Map<String, Duration> stageSlas,
        Set<String> terminal,
        Duration endToEndSla,
        Duration grace,
        Set<ProblemReason> enabled) {

    public DetectionRules {
        stages = List.copyOf(stages);
        stageSlas = Map.copyOf(stageSlas);
        terminal = Set.copyOf(terminal);
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
        List<String> problems = problems(stages, stageSlas, endToEndSla, grace);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid lost-order rules: " + String.join("; ", problems));
        }
    }

    /**
     * The catalog's stages and SLAs, with the given SLAs, end-to-end SLA (null keeps the catalog's) and
     * grace period.
     */
    public static DetectionRules from(
            StageCatalog catalog,
            Map<String, Duration> slaOverrides,
            Duration endToEndSla,
            Duration grace,
            Set<ProblemReason> enabled) {
        Map<String, Duration> slas = new LinkedHashMap<>();
        catalog.stages().forEach(stage -> slas.put(stage.id(), stage.sla()));
        slas.putAll(slaOverrides);
        return new DetectionRules(
                catalog.stages().stream().map(StageDefinition::id).toList(),
                slas,
                catalog.stages().stream()
                        .filter(StageDefinition::terminal)
                        .map(StageDefinition::id)
                        .collect(Collectors.toSet()),
                endToEndSla != null ? endToEndSla : catalog.endToEndSla(),
                grace,
                enabled);
    }

    /** Every reason, the catalog's SLAs, no grace. */
    public static DetectionRules defaults(StageCatalog catalog) {
        return from(catalog, Map.of(), null, Duration.ZERO, EnumSet.allOf(ProblemReason.class));
    }

    /**
     * How long an order may sit after {@code lastStage} ended before it is stuck: the next stage's SLA
     * plus grace. An order with no stage yet waits for the first one. Empty after a terminal stage or an
     * unknown one: nothing to wait for, or nothing known to wait for.
     */
    public Optional<Duration> allowanceAfter(String lastStage) {
        if (lastStage != null && terminal.contains(lastStage)) {
            return Optional.empty();
        }
        int next = lastStage == null ? 0 : stages.indexOf(lastStage) + 1;
        if ((lastStage != null && next == 0) || next >= stages.size()) {
            return Optional.empty();
        }
        return Optional.of(stageSlas.get(stages.get(next)).plus(grace));
    }

    public boolean isEnabled(ProblemReason reason) {
        return enabled.contains(reason);
    }

    /** The deadlines as of {@code now}, with every hop's traces continuing. */
    public Deadlines at(Instant now) {
        return at(now, Set.of());
    }

    /**
     * The deadlines as of {@code now}; orders stopped at one of the {@code unconfirmedAfter} stages (just
     * before a hop that loses traces) are {@link ProblemReason#UNCONFIRMED} instead of stuck or lost.
     */
    public Deadlines at(Instant now, Set<String> unconfirmedAfter) {
        Map<String, Instant> stuckBefore = new LinkedHashMap<>();
        stages.forEach(
                stage -> allowanceAfter(stage).ifPresent(allowance -> stuckBefore.put(stage, now.minus(allowance))));
        Instant stuckBeforeAnyStage = allowanceAfter(null).map(now::minus).orElse(null);
        return new Deadlines(this, now, now.minus(endToEndSla), stuckBefore, stuckBeforeAnyStage, unconfirmedAfter);
    }

    private static List<String> problems(
            List<String> stages, Map<String, Duration> stageSlas, Duration endToEndSla, Duration grace) {
        List<String> problems = new ArrayList<>();
        stages.stream()
                .filter(stage -> !stageSlas.containsKey(stage))
                .forEach(stage -> problems.add("stage " + stage + " has no SLA"));
        stageSlas.forEach((stage, sla) -> {
            if (!stages.contains(stage)) {
                problems.add("SLA given for unknown stage " + stage + " (known: " + stages + ")");
            } else if (sla == null || sla.isNegative() || sla.isZero()) {
                problems.add("SLA of stage " + stage + " must be positive");
            }
        });
        if (endToEndSla == null || endToEndSla.isNegative() || endToEndSla.isZero()) {
            problems.add("the end-to-end SLA must be positive");
        }
        if (grace == null || grace.isNegative()) {
            problems.add("the grace period must not be negative");
        }
        return problems;
    }

    /**
     * The rules as of one moment.
     *
     * @param rules               the rules they come from
     * @param now                 the moment
     * @param lostBefore          orders first seen before this are lost unless completed
     * @param stuckBefore         per last stage: an order whose stage ended before this is stuck
     * @param stuckBeforeAnyStage the same for an order that has reached no stage
     * @param unconfirmedAfter    last stages after which a stuck or lost order is only unconfirmed
     */
    public record Deadlines(
            DetectionRules rules,
            Instant now,
            Instant lostBefore,
            Map<String, Instant> stuckBefore,
            Instant stuckBeforeAnyStage,
            Set<String> unconfirmedAfter) {

        public Deadlines {
            stuckBefore = Collections.unmodifiableMap(new LinkedHashMap<>(stuckBefore));
            unconfirmedAfter = Set.copyOf(unconfirmedAfter);
        }

        /** Why the order is listed, if it is: FAILED over LOST over STUCK; UNCONFIRMED in place of the last two. */
        public Optional<ProblemReason> classify(OrderSnapshot order) {
            if (order.outcome() == JourneyOutcome.COMPLETED) {
                return Optional.empty();
            }
            if (rules.isEnabled(ProblemReason.FAILED) && order.outcome() == JourneyOutcome.FAILED) {
                return Optional.of(ProblemReason.FAILED);
            }
            Optional<ProblemReason> late = late(order);
            if (late.isPresent() && order.lastStage() != null && unconfirmedAfter.contains(order.lastStage())) {
                return rules.isEnabled(ProblemReason.UNCONFIRMED)
                        ? Optional.of(ProblemReason.UNCONFIRMED)
                        : Optional.empty();
            }
            return late;
        }

        private Optional<ProblemReason> late(OrderSnapshot order) {
            if (rules.isEnabled(ProblemReason.LOST) && order.firstSeen().isBefore(lostBefore)) {
                return Optional.of(ProblemReason.LOST);
            }
            Instant deadline = order.lastStage() == null ? stuckBeforeAnyStage : stuckBefore.get(order.lastStage());
            if (rules.isEnabled(ProblemReason.STUCK)
                    && deadline != null
                    && order.lastMovedAt().isBefore(deadline)) {
                return Optional.of(ProblemReason.STUCK);
            }
            return Optional.empty();
        }

        public Optional<OrderProblem> problemOf(OrderSnapshot order) {
            return classify(order)
                    .map(reason -> new OrderProblem(order, reason, Duration.between(order.lastMovedAt(), now)));
        }
    }
}

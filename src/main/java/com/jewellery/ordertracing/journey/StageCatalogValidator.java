package com.jewellery.ordertracing.journey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Finds everything that keeps a set of stages from describing a flow, in words an operator can act on. */
final class StageCatalogValidator {

    private StageCatalogValidator() {}

    /** @param stages sorted by order */
    static List<String> problems(Set<String> services, List<StageDefinition> stages, Duration endToEndSla) {
        List<String> problems = new ArrayList<>();
        if (!isPositive(endToEndSla)) {
            problems.add("end-to-end SLA must be a positive duration, got " + endToEndSla);
        }
        if (services.isEmpty()) {
            problems.add("no services declared");
        }
        if (stages.isEmpty()) {
            problems.add("no stages declared");
            return problems;
        }
        for (int i = 0; i < stages.size(); i++) {
            problems.addAll(stageProblems(services, stages.get(i), i));
        }
        problems.addAll(duplicates(stages));
        problems.addAll(derivedNeighbourProblems(stages));
        if (stages.stream().noneMatch(StageDefinition::terminal)) {
            problems.add("no terminal stage: mark the stage that completes an order with terminal=true");
        }
        return problems;
    }

    private static List<String> stageProblems(Set<String> services, StageDefinition stage, int position) {
        List<String> problems = new ArrayList<>();
        String name =
                isBlank(stage.id()) ? "#" + (position + 1) + " (order " + stage.order() + ")" : "'" + stage.id() + "'";
        if (isBlank(stage.id())) {
            problems.add("stage " + name + " has no id");
        }
        if (isBlank(stage.service())) {
            problems.add("stage " + name + " has no service");
        } else if (!services.contains(stage.service())) {
            problems.add("stage " + name + ": unknown service '" + stage.service() + "' (known: "
                    + String.join(", ", new TreeSet<>(services)) + ")");
        }
        if (!isPositive(stage.sla())) {
            problems.add("stage " + name + ": SLA must be a positive duration, got " + stage.sla());
        }
        if (stage.isDerived()) {
            if (stage.spanName() != null || !stage.attributes().isEmpty()) {
                problems.add(
                        "stage " + name + " is derived (" + stage.kind() + ") and must not name a span or attributes");
            }
            if (stage.terminal()) {
                problems.add("stage " + name + " is derived (" + stage.kind() + ") and cannot be terminal");
            }
        } else if (isBlank(stage.spanName()) && stage.attributes().isEmpty()) {
            problems.add("stage " + name + " matches no span: give a span name and/or attributes");
        }
        return problems;
    }

    private static List<String> duplicates(List<StageDefinition> stages) {
        List<String> problems = new ArrayList<>();
        Map<String, StageDefinition> byId = new HashMap<>();
        Map<Integer, StageDefinition> byOrder = new HashMap<>();
        Map<List<Object>, StageDefinition> byMatch = new HashMap<>();
        for (StageDefinition stage : stages) {
            if (!isBlank(stage.id()) && byId.putIfAbsent(stage.id(), stage) != null) {
                problems.add("duplicate stage id '" + stage.id() + "'");
            }
            StageDefinition sameOrder = byOrder.putIfAbsent(stage.order(), stage);
            if (sameOrder != null) {
                problems.add("stages '" + sameOrder.id() + "' and '" + stage.id() + "' share order " + stage.order());
            }
            StageDefinition sameMatch = stage.isDerived()
                    ? null
                    : byMatch.putIfAbsent(
                            List.of(
                                    Objects.toString(stage.service()),
                                    Objects.toString(stage.spanName()),
                                    stage.attributes()),
                            stage);
            if (sameMatch != null) {
                problems.add("stages '" + sameMatch.id() + "' and '" + stage.id() + "' match the same spans");
            }
        }
        return problems;
    }

    /** A derived wait is measured between two span stages, so it needs one on each side. */
    private static List<String> derivedNeighbourProblems(List<StageDefinition> stages) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).isDerived() && !(isSpanStage(stages, i - 1) && isSpanStage(stages, i + 1))) {
                problems.add("derived stage '" + stages.get(i).id()
                        + "' needs a span stage right before and right after it");
            }
        }
        return problems;
    }

    private static boolean isSpanStage(List<StageDefinition> stages, int index) {
        return index >= 0 && index < stages.size() && !stages.get(index).isDerived();
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && duration.isPositive();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

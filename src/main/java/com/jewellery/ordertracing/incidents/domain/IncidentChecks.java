package com.jewellery.ordertracing.incidents.domain;

import com.jewellery.ordertracing.base.StorableText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The rules for typed incident fields: required, bounded, known values only. */
public final class IncidentChecks {

    private IncidentChecks() {}

    public static List<Problem> draft(IncidentDraft draft, Collection<String> assignees, Collection<String> stages) {
        List<Problem> problems = new ArrayList<>();
        if (draft.title() == null || draft.title().isBlank()) {
            problems.add(Problem.of("title", "incident.error.titleRequired"));
        } else if (draft.title().strip().length() > IncidentLimits.TITLE_MAX) {
            problems.add(Problem.of("title", "incident.error.tooLong", IncidentLimits.TITLE_MAX));
        } else if (!StorableText.isStorable(draft.title())) {
            problems.add(Problem.of("title", "incident.error.controlCharacters"));
        }
        text("description", draft.description(), problems);
        if (draft.severity() == null) {
            problems.add(Problem.of("severity", "incident.error.severityRequired"));
        }
        if (draft.assignee() != null
                && !draft.assignee().isBlank()
                && !assignees.contains(draft.assignee().strip())) {
            problems.add(Problem.of(
                    "assignee",
                    "incident.error.unknownAssignee",
                    draft.assignee().strip(),
                    String.join(", ", assignees)));
        }
        draft.stages().stream()
                .filter(stage -> !stages.contains(stage))
                .findFirst()
                .ifPresent(stage -> problems.add(Problem.of("stages", "incident.error.unknownStage", stage)));
        if (draft.tags().size() > IncidentLimits.TAGS_MAX) {
            problems.add(Problem.of("tags", "incident.error.tooManyTags", IncidentLimits.TAGS_MAX));
        }
        draft.tags().stream()
                .filter(tag -> tag.length() > IncidentLimits.TAG_MAX)
                .findFirst()
                .ifPresent(
                        tag -> problems.add(Problem.of("tags", "incident.error.tagTooLong", IncidentLimits.TAG_MAX)));
        return problems;
    }

    /**
     * A bounded free text (description, comment, root cause, resolution note) that can be stored; null or blank is
     * fine.
     */
    public static void text(String field, String text, List<Problem> problems) {
        if (text != null && text.length() > IncidentLimits.TEXT_MAX) {
            problems.add(Problem.of(field, "incident.error.tooLong", IncidentLimits.TEXT_MAX));
        } else if (text != null && !StorableText.isStorable(text)) {
            problems.add(Problem.of(field, "incident.error.controlCharacters"));
        }
    }

    /** Tags as typed, "a, b c" → [a, b, c], without repeats. */
    public static List<String> tags(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(typed.split("[,\\s]+"))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
    }
}

package com.jewellery.ordertracing.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void orderIdsBecomeTheirOwnPartsAndTheRestStaysText() {
        List<CommentText.Part> parts = CommentText.parts("<b>Клиент</b> ORD-2026-000123, also ORD-X1.");

        assertThat(parts)
                .extracting(CommentText.Part::text, CommentText.Part::orderId)
                .containsExactly(
                        tuple("<b>Клиент</b> ", null),
                        tuple("ORD-2026-000123", "ORD-2026-000123"),
                        tuple(", also ", null),
                        tuple("ORD-X1", "ORD-X1"),
                        tuple(".", null));
        assertThat(String.join("", parts.stream().map(CommentText.Part::text).toList()))
                .isEqualTo("<b>Клиент</b> ORD-2026-000123, also ORD-X1.");
    }

    @Test
    void wordsThatOnlyContainTheLettersAreNotOrders() {
        assertThat(CommentText.parts("XORD-1 and ORD- alone"))
                .extracting(CommentText.Part::orderId)
                .containsOnlyNulls();
    }

    @Test
    void checksNameTheFieldAndKeepTheLimits() {
        IncidentDraft tooLong = new IncidentDraft(
                "x".repeat(IncidentLimits.TITLE_MAX + 1),
                "d".repeat(10_001),
                null,
                "nobody",
                Set.of("mes.nowhere"),
                List.of());

        assertThat(IncidentChecks.draft(tooLong, List.of("support"), List.of("mes.price")))
                .extracting(Problem::field, Problem::key)
                .containsExactly(
                        tuple("title", "incident.error.tooLong"),
                        tuple("description", "incident.error.tooLong"),
                        tuple("severity", "incident.error.severityRequired"),
                        tuple("assignee", "incident.error.unknownAssignee"),
                        tuple("stages", "incident.error.unknownStage"));
        assertThat(IncidentChecks.draft(
                        new IncidentDraft(" ", null, Severity.LOW, null, Set.of(), List.of()), List.of(), List.of()))
                .extracting(Problem::key)
                .containsExactly("incident.error.titleRequired");
        assertThat(IncidentChecks.tags("pricing, customer-told  pricing")).containsExactly("pricing", "customer-told");
    }

    @Test
    void textsThatCouldNotBeStoredAreRefusedWithTheirField() {
        IncidentDraft pasted =
                new IncidentDraft("Bell \u0007 in title", "NUL \u0000 inside", Severity.LOW, null, Set.of(), List.of());

        assertThat(IncidentChecks.draft(pasted, List.of(), List.of()))
                .extracting(Problem::field, Problem::key)
                .containsExactly(
                        tuple("title", "incident.error.controlCharacters"),
                        tuple("description", "incident.error.controlCharacters"));
        List<Problem> comment = new java.util.ArrayList<>();
        IncidentChecks.text("comment", "Клиенту сообщили\n\tв 10:14", comment);
        assertThat(comment).isEmpty();
    }
}

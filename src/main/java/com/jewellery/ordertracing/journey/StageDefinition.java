package com.jewellery.ordertracing.journey;

import java.time.Duration;
import java.util.Map;

/**
 * One expected stage of an order's flow. Plain data so it can be bound from configuration;
 * {@link StageCatalog} validates a whole set of them.
 *
 * @param id         stable id, e.g. {@code mes.price}
 * @param displayKey i18n key of the stage's label; defaults to {@code journey.stage.<id>}
 * @param service    {@code service.name} of the spans (for a derived stage: the system it stands for)
 * @param spanName   span name to match; null matches any name (then {@code attributes} must narrow it)
 * @param attributes span attributes that must all be present with these values
 * @param order      position in the expected flow; stages are shown and compared in this order
 * @param sla        how long the stage may take
 * @param terminal   reaching this stage completes the order
 * @param kind       {@link StageKind#SPAN} or a derived kind; null means SPAN
 */
public record StageDefinition(
        String id,
        String displayKey,
        String service,
        String spanName,
        Map<String, String> attributes,
        int order,
        Duration sla,
        boolean terminal,
        StageKind kind) {

    private static final String DISPLAY_KEY_PREFIX = "journey.stage.";

    public StageDefinition {
        if ((displayKey == null || displayKey.isBlank()) && id != null) {
            displayKey = DISPLAY_KEY_PREFIX + id;
        }
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
        kind = kind == null ? StageKind.SPAN : kind;
    }

    /** A stage reached by a span with this service and name. */
    public static StageDefinition span(String id, String service, String spanName, int order, Duration sla) {
        return new StageDefinition(id, null, service, spanName, Map.of(), order, sla, false, StageKind.SPAN);
    }

    /** The derived wait between the span stages around it. */
    public static StageDefinition queueWait(String id, String service, int order, Duration sla) {
        return new StageDefinition(id, null, service, null, Map.of(), order, sla, false, StageKind.QUEUE_WAIT);
    }

    public StageDefinition asTerminal() {
        return new StageDefinition(id, displayKey, service, spanName, attributes, order, sla, true, kind);
    }

    public boolean isDerived() {
        return kind != StageKind.SPAN;
    }

    /** Whether the span belongs to this stage; derived stages match no span. */
    public boolean matches(SpanRecord span) {
        return !isDerived()
                && service.equals(span.service())
                && (spanName == null || spanName.equals(span.name()))
                && attributes.entrySet().stream()
                        .allMatch(required ->
                                required.getValue().equals(span.attributes().get(required.getKey())));
    }
}

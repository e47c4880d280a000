package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.SpanRecord;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of journeys in the {@code journey} JSONB column, spans included: the journey
 * model's records as they are, so the lookup view gets back exactly what the assembler built.
 * Thread-safe.
 */
final class JourneyJson {

    private static final TypeReference<List<SpanRecord>> SPANS = new TypeReference<>() {};

    // derived accessors such as isReached() are written too; reading ignores them
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    SpanRecord span(String json) {
        return mapper.readValue(json, SpanRecord.class);
    }

    /** A JSON array of spans, e.g. a journey's {@code spans}; null (no such field) reads as none. */
    List<SpanRecord> spans(String json) {
        return json == null ? List.of() : mapper.readValue(json, SPANS);
    }

    OrderJourney journey(String json) {
        return mapper.readValue(json, OrderJourney.class);
    }
}

package com.jewellery.ordertracing.index.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.support.MutableClock;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenTracesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final SeenTraces seen = new SeenTraces(Duration.ofMinutes(2), clock);

    @Test
    void aStoredTraceReadAgainIsNotStoredAgainUnlessItGrew() {
        seen.remember(List.of(trace("a", 3), trace("b", 2)));

        assertThat(seen.unseen(List.of(trace("a", 3), trace("b", 4), trace("c", 1))))
                .extracting(Trace::traceId)
                .containsExactly("b", "c");
    }

    @Test
    void onlyWhatIsRememberedCountsAsSeenSoARolledBackPieceIsStoredWhenReadAgain() {
        List<Trace> piece = List.of(trace("a", 3));

        assertThat(seen.unseen(piece)).hasSize(1);
        assertThat(seen.unseen(piece))
                .as("not remembered: its transaction did not commit")
                .hasSize(1);
    }

    @Test
    void aTraceNotReadAgainWithinTheMemoryIsForgottenAndOneReadAgainIsKept() {
        seen.remember(List.of(trace("old", 1), trace("again", 1)));
        clock.advance(Duration.ofSeconds(90));
        seen.remember(List.of(trace("again", 1)));
        clock.advance(Duration.ofSeconds(60));

        seen.forgetOld();

        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.unseen(List.of(trace("old", 1), trace("again", 1))))
                .extracting(Trace::traceId)
                .containsExactly("old");
    }

    private static Trace trace(String id, int spans) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (int i = 0; i < spans; i++) {
            scope.addSpans(Span.newBuilder().setName("span-" + i));
        }
        return new Trace(
                id, List.of(ResourceSpans.newBuilder().addScopeSpans(scope).build()));
    }
}

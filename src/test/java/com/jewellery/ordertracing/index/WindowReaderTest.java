package com.jewellery.ordertracing.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WindowReaderTest {

    private final Instant start = Instant.parse("2026-11-26T12:00:00Z");
    private final TimeRange minute = new TimeRange(start, start.plus(Duration.ofMinutes(1)));

    @Test
    void aWindowBelowTheSearchDepthIsReadWithOneSearch() {
        FakeJaeger jaeger = new FakeJaeger();
        jaeger.spreadOver(minute, 99, "shop");

        WindowReader.WindowRead read = new WindowReader(jaeger, 100).read("shop", minute);

        assertThat(read.traces()).hasSize(99);
        assertThat(read.searches()).isEqualTo(1);
        assertThat(read.saturated()).isEmpty();
    }

    @Test
    void aFullAnswerIsSplitUntilEveryTraceIsRead() {
        FakeJaeger jaeger = new FakeJaeger();
        jaeger.spreadOver(minute, 1_000, "shop");
        jaeger.spreadOver(minute, 500, "mes");

        WindowReader.WindowRead read = new WindowReader(jaeger, 100).read("shop", minute);

        assertThat(read.traces()).extracting(Trace::traceId).doesNotHaveDuplicates().hasSize(1_000)
                .allMatch(id -> id.startsWith("shop"));
        assertThat(read.searches()).isGreaterThan(10);
        assertThat(read.saturated()).isEmpty();
    }

    @Test
    void tracesOnASplitPointAreReadOnceAlthoughBothHalvesIncludeIt() {
        FakeJaeger jaeger = new FakeJaeger();
        jaeger.at(start.plusSeconds(10), 1, "shop");
        jaeger.at(start.plusSeconds(30), 3, "shop");
        jaeger.at(start.plusSeconds(50), 1, "shop");

        WindowReader.WindowRead read = new WindowReader(jaeger, 4).read("shop", minute);

        assertThat(read.traces()).hasSize(5);
        assertThat(read.saturated()).isEmpty();
    }

    @Test
    void moreTracesInOneMillisecondThanTheDepthAreReportedNotSilentlyCut() {
        FakeJaeger jaeger = new FakeJaeger();
        jaeger.at(start.plusSeconds(20), 5, "shop");

        WindowReader.WindowRead read = new WindowReader(jaeger, 5).read("shop", minute);

        assertThat(read.saturated()).isNotEmpty().allSatisfy(range -> {
            assertThat(Duration.between(range.from(), range.to())).isLessThan(WindowReader.MIN_WIDTH.multipliedBy(2));
            assertThat(range.from()).isBeforeOrEqualTo(start.plusSeconds(20));
            assertThat(range.to()).isAfterOrEqualTo(start.plusSeconds(20));
        });
        assertThat(read.traces()).hasSize(5);
    }

    @Test
    void aLongBacklogIsCutIntoPiecesFromTheFirstFullAnswerWithFewWastedSearches() {
        FakeJaeger jaeger = new FakeJaeger();
        TimeRange fiveMinutes = new TimeRange(start, start.plus(Duration.ofMinutes(5)));
        jaeger.spreadOver(fiveMinutes, 10_000, "shop");

        WindowReader.WindowRead read = new WindowReader(jaeger, 1_000).read("shop", fiveMinutes);

        assertThat(read.traces()).hasSize(10_000);
        assertThat(read.searches()).as("one full answer, then pieces of about half the depth").isLessThanOrEqualTo(25);
    }

    /** Searches like Jaeger's memory storage: newest first, both ends inclusive, at most depth traces. */
    private static final class FakeJaeger implements TraceSource {

        private record Stored(String service, Instant spanStart, Trace trace) {
        }

        private final List<Stored> stored = new ArrayList<>();

        void spreadOver(TimeRange range, int count, String service) {
            Duration step = Duration.between(range.from(), range.to()).dividedBy(count);
            IntStream.range(0, count).forEach(i -> at(range.from().plus(step.multipliedBy(i)), 1, service));
        }

        void at(Instant spanStart, int count, String service) {
            for (int i = 0; i < count; i++) {
                stored.add(new Stored(service, spanStart, trace(service + "-" + stored.size(), service, spanStart)));
            }
        }

        private static Trace trace(String id, String service, Instant spanStart) {
            Span span = Span.newBuilder().setName("op")
                    .setStartTimeUnixNano(spanStart.getEpochSecond() * 1_000_000_000L + spanStart.getNano()).build();
            Resource resource = Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                    .setValue(AnyValue.newBuilder().setStringValue(service))).build();
            return new Trace(id, List.of(ResourceSpans.newBuilder().setResource(resource)
                    .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)).build()));
        }

        @Override
        public List<Trace> find(String service, TimeRange range, int depth) {
            return stored.reversed().stream()
                    .filter(s -> s.service().equals(service))
                    .filter(s -> !s.spanStart().isBefore(range.from()) && !s.spanStart().isAfter(range.to()))
                    .limit(depth)
                    .map(Stored::trace)
                    .toList();
        }
    }
}

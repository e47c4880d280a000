package com.jewellery.ordertracing.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
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

        assertThat(read.saturated()).hasSize(1);
        assertThat(Duration.between(read.saturated().getFirst().from(), read.saturated().getFirst().to()))
                .isLessThan(WindowReader.MIN_WIDTH.multipliedBy(2));
        assertThat(read.saturated().getFirst().from()).isBeforeOrEqualTo(start.plusSeconds(20));
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
                stored.add(new Stored(service, spanStart, new Trace(service + "-" + stored.size(), List.of())));
            }
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

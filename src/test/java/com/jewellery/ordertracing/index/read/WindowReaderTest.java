package com.jewellery.ordertracing.index.read;

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
    void aWindowBelowTheSearchDepthIsOnePieceReadWithOneSearch() {
        FakeJaeger jaeger = new FakeJaeger();
        jaeger.spreadOver(minute, 99, "shop");

        List<Piece> pieces = read(new WindowReader(jaeger, 100, Duration.ofMinutes(5)), "shop", minute);

        assertThat(pieces).singleElement().satisfies(piece -> {
            assertThat(piece.range()).isEqualTo(minute);
            assertThat(piece.traces()).hasSize(99);
            assertThat(piece.searches()).isEqualTo(1);
            assertThat(piece.saturated()).isFalse();
        });
    }

    @Test
    void aFullAnswerIsReadAgainInNarrowerPiecesUntilEveryTraceIsRead() {
        FakeJaeger jaeger = new FakeJaeger();
        jaeger.spreadOver(minute, 1_000, "shop");
        jaeger.spreadOver(minute, 500, "mes");

        List<Piece> pieces = read(new WindowReader(jaeger, 100, Duration.ofMinutes(5)), "shop", minute);

        assertThat(traceIds(pieces)).doesNotHaveDuplicates().hasSize(1_000).allMatch(id -> id.startsWith("shop"));
        assertThat(pieces).allMatch(piece -> piece.traces().size() < 100 && !piece.saturated());
        assertContiguous(pieces, minute);
    }

    @Test
    void anySearchReadsEveryServicesTracesAndNarrowsByTheirSpans() {
        FakeJaeger jaeger = new FakeJaeger();
        IntStream.range(0, 1_000).forEach(i -> jaeger.at(start.plusMillis(60L * i), 1, i % 2 == 0 ? "shop" : "mes"));

        List<Piece> pieces =
                read(new WindowReader(jaeger, 100, Duration.ofMinutes(5)), TraceSource.ANY_SERVICE, minute);

        assertThat(traceIds(pieces))
                .doesNotHaveDuplicates()
                .hasSize(1_000)
                .anyMatch(id -> id.startsWith("shop"))
                .anyMatch(id -> id.startsWith("mes"));
        assertThat(pieces).allMatch(piece -> piece.traces().size() < 100 && !piece.saturated());
        assertContiguous(pieces, minute);
    }

    @Test
    void aTraceOnTheBoundaryOfTwoPiecesIsReadInBoth() {
        FakeJaeger jaeger = new FakeJaeger();
        jaeger.at(start.plusSeconds(10), 1, "shop");
        jaeger.at(start.plusSeconds(30), 3, "shop");
        jaeger.at(start.plusSeconds(50), 1, "shop");

        List<Piece> pieces = read(new WindowReader(jaeger, 4, Duration.ofMinutes(5)), "shop", minute);

        assertThat(traceIds(pieces)).containsOnly("shop-0", "shop-1", "shop-2", "shop-3", "shop-4");
        assertContiguous(pieces, minute);
    }

    @Test
    void moreTracesInOneMillisecondThanTheDepthAreReportedNotSilentlyCut() {
        FakeJaeger jaeger = new FakeJaeger();
        jaeger.at(start.plusSeconds(20), 5, "shop");

        List<Piece> pieces = read(new WindowReader(jaeger, 5, Duration.ofMinutes(5)), "shop", minute);

        assertThat(pieces).filteredOn(Piece::saturated).isNotEmpty().allSatisfy(piece -> {
            assertThat(Duration.between(piece.range().from(), piece.range().to()))
                    .isLessThan(WindowReader.MIN_WIDTH.multipliedBy(2));
            assertThat(piece.range().from()).isBeforeOrEqualTo(start.plusSeconds(20));
            assertThat(piece.range().to()).isAfterOrEqualTo(start.plusSeconds(20));
        });
        assertThat(traceIds(pieces)).hasSize(5);
        assertContiguous(pieces, minute);
    }

    @Test
    void aLongBacklogCostsFewFullAnswersAndTheLearnedWidthCarriesOver() {
        FakeJaeger jaeger = new FakeJaeger();
        TimeRange first = new TimeRange(start, start.plus(Duration.ofMinutes(5)));
        TimeRange second = new TimeRange(first.to().plusMillis(1), first.to().plus(Duration.ofMinutes(5)));
        jaeger.spreadOver(first, 10_000, "shop");
        jaeger.spreadOver(second, 10_000, "shop");
        WindowReader reader = new WindowReader(jaeger, 1_000, Duration.ofMinutes(5));

        List<Piece> firstPieces = read(reader, "shop", first);
        List<Piece> secondPieces = read(reader, "shop", second);

        assertThat(traceIds(firstPieces)).hasSize(10_000);
        assertThat(traceIds(secondPieces)).hasSize(10_000);
        assertThat(searches(firstPieces))
                .as("pieces of about half the depth after one full answer")
                .isLessThanOrEqualTo(firstPieces.size() + 3);
        assertThat(searches(secondPieces)).as("the width learned before").isEqualTo(secondPieces.size());
        assertThat(firstPieces).allMatch(piece -> piece.traces().size() < 1_000);
    }

    @Test
    void aSteadyStreamIsReadInPiecesOfAboutTheTargetShareOfTheDepth() {
        FakeJaeger jaeger = new FakeJaeger();
        TimeRange window = new TimeRange(start, start.plus(Duration.ofMinutes(5)));
        jaeger.spreadOver(window, 20_000, "shop");
        WindowReader reader = new WindowReader(jaeger, 1_000, Duration.ofMinutes(5));

        List<Piece> pieces = read(reader, "shop", window);

        assertThat(traceIds(pieces)).hasSize(20_000);
        assertContiguous(pieces, window);
        assertThat(pieces).as("never full").allMatch(piece -> piece.traces().size() < 1_000);
        assertThat(pieces.subList(0, pieces.size() - 1))
                .as("every piece but the window's last near the target")
                .allMatch(piece -> piece.traces().size() >= 600);
        assertThat(searches(pieces))
                .as("one full answer at the start, then one search a piece")
                .isEqualTo(pieces.size() + 1);
    }

    private static List<Piece> read(WindowReader reader, String service, TimeRange range) {
        List<Piece> pieces = new ArrayList<>();
        reader.read(service, range, pieces::add);
        return pieces;
    }

    private static List<String> traceIds(List<Piece> pieces) {
        return pieces.stream()
                .flatMap(piece -> piece.traces().stream())
                .map(Trace::traceId)
                .distinct()
                .toList();
    }

    private static int searches(List<Piece> pieces) {
        return pieces.stream().mapToInt(Piece::searches).sum();
    }

    private static void assertContiguous(List<Piece> pieces, TimeRange range) {
        assertThat(pieces.getFirst().range().from()).isEqualTo(range.from());
        assertThat(pieces.getLast().range().to()).isEqualTo(range.to());
        for (int i = 1; i < pieces.size(); i++) {
            assertThat(pieces.get(i).range().from())
                    .isEqualTo(pieces.get(i - 1).range().to());
        }
    }

    /** Searches like Jaeger's memory storage: newest first, both ends inclusive, at most depth traces. */
    private static final class FakeJaeger implements TraceSource {

        private record Stored(String service, Instant spanStart, Trace trace) {}

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
            Span span = Span.newBuilder()
                    .setName("op")
                    .setStartTimeUnixNano(spanStart.getEpochSecond() * 1_000_000_000L + spanStart.getNano())
                    .build();
            Resource resource = Resource.newBuilder()
                    .addAttributes(KeyValue.newBuilder()
                            .setKey("service.name")
                            .setValue(AnyValue.newBuilder().setStringValue(service)))
                    .build();
            return new Trace(
                    id,
                    List.of(ResourceSpans.newBuilder()
                            .setResource(resource)
                            .addScopeSpans(ScopeSpans.newBuilder().addSpans(span))
                            .build()));
        }

        @Override
        public List<Trace> find(String service, TimeRange range, int depth) {
            return stored.reversed().stream()
                    .filter(s -> service.equals(TraceSource.ANY_SERVICE)
                            || s.service().equals(service))
                    .filter(s -> !s.spanStart().isBefore(range.from())
                            && !s.spanStart().isAfter(range.to()))
                    .limit(depth)
                    .map(Stored::trace)
                    .toList();
        }
    }
}

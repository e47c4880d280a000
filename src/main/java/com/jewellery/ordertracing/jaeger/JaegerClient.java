package com.jewellery.ordertracing.jaeger;

import com.google.protobuf.Timestamp;
import com.jewellery.ordertracing.jaeger.v3.FindTracesRequest;
import com.jewellery.ordertracing.jaeger.v3.GetOperationsRequest;
import com.jewellery.ordertracing.jaeger.v3.GetServicesRequest;
import com.jewellery.ordertracing.jaeger.v3.GetTraceRequest;
import com.jewellery.ordertracing.jaeger.v3.QueryServiceGrpc;
import com.jewellery.ordertracing.jaeger.v3.TraceQueryParameters;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads traces from Jaeger v2 over its api_v3 gRPC query service. Every call has the settings' deadline,
 * every stream is drained or cancelled, and failures surface as {@link JaegerException}s that say what to
 * do. Thread-safe; the caller owns the channel.
 */
public final class JaegerClient {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{1,32}");
    private static final int TRACE_ID_HEX_DIGITS = 32;

    private final QueryServiceGrpc.QueryServiceBlockingStub blocking;
    private final QueryServiceGrpc.QueryServiceStub async;
    private final Channel channel;
    private final JaegerClientSettings settings;
    private final JaegerErrors errors;

    public JaegerClient(Channel channel, JaegerClientSettings settings) {
        this.channel = channel;
        this.blocking = QueryServiceGrpc.newBlockingStub(channel);
        this.async = QueryServiceGrpc.newStub(channel);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.errors = new JaegerErrors(channel.authority(), settings.deadline());
    }

    /**
     * The same client on the same channel, with a shorter deadline when {@code limit} is shorter: for callers
     * that promise an answer sooner than the indexer's patient deadline (the status page's probe timeout).
     */
    public JaegerClient withDeadlineAtMost(Duration limit) {
        if (limit.compareTo(settings.deadline()) >= 0) {
            return this;
        }
        return new JaegerClient(channel, new JaegerClientSettings(limit, settings.searchDepth()));
    }

    /** The services Jaeger has seen, sorted. */
    public List<String> services() {
        return unary(() -> withDeadline(blocking).getServices(GetServicesRequest.getDefaultInstance()))
                .getServicesList()
                .stream()
                .sorted()
                .toList();
    }

    /** Every operation of the service, whatever its span kind. */
    public List<Operation> operations(String service) {
        return operations(service, null);
    }

    /**
     * The operations of the service.
     *
     * @param spanKind e.g. {@code server}, {@code internal}; {@code null} for every kind
     */
    public List<Operation> operations(String service, String spanKind) {
        GetOperationsRequest request = GetOperationsRequest.newBuilder()
                .setService(Objects.requireNonNull(service, "service"))
                .setSpanKind(spanKind == null ? "" : spanKind)
                .build();
        return unary(() -> withDeadline(blocking).getOperations(request)).getOperationsList().stream()
                .map(operation -> new Operation(operation.getName(), operation.getSpanKind()))
                .toList();
    }

    /** The trace, searched over all the time Jaeger keeps; empty when Jaeger does not know the id. */
    public Optional<Trace> trace(String traceId) {
        return trace(traceId, null);
    }

    /**
     * The trace; empty when Jaeger does not know the id.
     *
     * @param traceId 64- or 128-bit id in hex
     * @param range   where to look, or {@code null} for everywhere; a range makes lookups cheaper
     */
    public Optional<Trace> trace(String traceId, TimeRange range) {
        String id = normalized(traceId);
        GetTraceRequest.Builder request =
                GetTraceRequest.newBuilder().setTraceId(id).setRawTraces(true);
        if (range != null) {
            request.setStartTime(timestamp(range.from())).setEndTime(timestamp(range.to()));
        }
        return stream(request.build(), withDeadline(async)::getTrace).stream()
                .filter(trace -> trace.traceId().equals(id))
                .findFirst();
    }

    /** The traces with at least one span matching the query, in no particular order. */
    public List<Trace> findTraces(TraceQuery query) {
        FindTracesRequest request =
                FindTracesRequest.newBuilder().setQuery(parameters(query)).build();
        return stream(request, withDeadline(async)::findTraces);
    }

    /*
     * Every read asks for raw traces, as stored, without Jaeger's adjusters (clock skew, span id dedupe):
     * the journey model does its own skew handling and dedupe, raw reads are cheaper for Jaeger, and
     * Jaeger v2.13 crashes (panic in its trace aggregator) when a client stops reading an adjusted
     * stream part-way, which every deadline or cancel does. Raw streams do not take that path.
     */
    private TraceQueryParameters parameters(TraceQuery query) {
        TraceQueryParameters.Builder parameters = TraceQueryParameters.newBuilder()
                .setRawTraces(true)
                .putAllAttributes(query.attributes())
                .setStartTimeMin(timestamp(query.startMin()))
                .setStartTimeMax(timestamp(query.startMax()))
                .setSearchDepth(query.searchDepth() > 0 ? query.searchDepth() : settings.searchDepth());
        Optional.ofNullable(query.service()).ifPresent(parameters::setServiceName);
        Optional.ofNullable(query.operation()).ifPresent(parameters::setOperationName);
        Optional.ofNullable(query.durationMin()).map(JaegerClient::duration).ifPresent(parameters::setDurationMin);
        Optional.ofNullable(query.durationMax()).map(JaegerClient::duration).ifPresent(parameters::setDurationMax);
        return parameters.build();
    }

    private <T> T unary(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException failure) {
            throw errors.of(failure);
        }
    }

    private <Q> List<Trace> stream(Q request, BiConsumer<Q, StreamObserver<TracesData>> call) {
        TraceStreamCollector<Q> collector = new TraceStreamCollector<>(errors);
        call.accept(request, collector);
        return collector.await(settings.deadline());
    }

    private <S extends AbstractStub<S>> S withDeadline(S stub) {
        return stub.withDeadlineAfter(settings.deadline().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Jaeger answers with 128-bit ids in lower case; a 64-bit id is the same id with leading zeros. */
    private static String normalized(String traceId) {
        if (traceId == null || !TRACE_ID.matcher(traceId).matches()) {
            throw new IllegalArgumentException("a trace id is 1 to 32 hex digits, got '" + traceId + "'");
        }
        String lower = traceId.toLowerCase(Locale.ROOT);
        return "0".repeat(TRACE_ID_HEX_DIGITS - lower.length()) + lower;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    private static com.google.protobuf.Duration duration(Duration duration) {
        return com.google.protobuf.Duration.newBuilder()
                .setSeconds(duration.getSeconds())
                .setNanos(duration.getNano())
                .build();
    }
}

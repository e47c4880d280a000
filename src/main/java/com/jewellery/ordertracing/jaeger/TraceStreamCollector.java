package com.jewellery.ordertracing.jaeger;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives one GetTrace or FindTraces stream and waits for its end. The stream always ends: it is
 * drained to completion, ends with an error, or is cancelled here when a chunk cannot be read or the
 * waiting thread gives up, so no call stays open on the channel.
 */
final class TraceStreamCollector<Q> implements ClientResponseObserver<Q, TracesData> {

    /** Room beyond the call's own deadline for gRPC to report it, before we cancel by hand. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final TraceAssembler assembler = new TraceAssembler();
    private final CompletableFuture<List<Trace>> result = new CompletableFuture<>();
    private final JaegerErrors errors;
    private volatile ClientCallStreamObserver<Q> call;

    TraceStreamCollector(JaegerErrors errors) {
        this.errors = errors;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
        call = requestStream;
    }

    @Override
    public void onNext(TracesData chunk) {
        try {
            assembler.add(chunk);
        } catch (RuntimeException unreadable) {
            result.completeExceptionally(errors.badResponse(unreadable));
            call.cancel("the portal cannot read a chunk", unreadable);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure instanceof StatusRuntimeException grpc ? errors.of(grpc) : failure);
    }

    @Override
    public void onCompleted() {
        result.complete(assembler.traces());
    }

    /** Waits for the stream's end, at most the deadline plus a little. */
    List<Trace> await(Duration deadline) {
        try {
            return result.get(deadline.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            call.cancel("the waiting thread was interrupted", interrupted);
            Thread.currentThread().interrupt();
            throw errors.interrupted(interrupted);
        } catch (TimeoutException late) {
            call.cancel("no end of stream within the deadline", late);
            throw errors.of(Status.DEADLINE_EXCEEDED.withCause(late).asRuntimeException());
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException known ? known : new IllegalStateException(failed);
        }
    }
}

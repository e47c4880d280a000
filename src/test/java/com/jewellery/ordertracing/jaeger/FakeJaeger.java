package com.jewellery.ordertracing.jaeger;

import com.jewellery.ordertracing.jaeger.v3.FindTracesRequest;
import com.jewellery.ordertracing.jaeger.v3.GetOperationsRequest;
import com.jewellery.ordertracing.jaeger.v3.GetOperationsResponse;
import com.jewellery.ordertracing.jaeger.v3.GetServicesRequest;
import com.jewellery.ordertracing.jaeger.v3.GetServicesResponse;
import com.jewellery.ordertracing.jaeger.v3.GetTraceRequest;
import com.jewellery.ordertracing.jaeger.v3.Operation;
import com.jewellery.ordertracing.jaeger.v3.QueryServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * An in-process stand-in for Jaeger's query service, for the faults a real Jaeger will not produce on
 * demand. It streams the given chunks, then ends as told, and records how each stream ended.
 */
final class FakeJaeger extends QueryServiceGrpc.QueryServiceImplBase {

    /** How a call ends after the chunks. */
    enum Ending {
        COMPLETE,
        FAIL,
        HANG
    }

    volatile List<TracesData> chunks = List.of();
    volatile List<String> services = List.of();
    volatile List<Operation> operations = List.of();
    volatile Ending ending = Ending.COMPLETE;
    volatile Status failure = Status.INTERNAL;

    volatile FindTracesRequest lastFind;
    volatile GetTraceRequest lastGet;
    volatile GetOperationsRequest lastOperations;

    /** Counts down when the client cancels a call (deadline, cancel, disconnect). */
    final CountDownLatch cancelledByClient = new CountDownLatch(1);

    @Override
    public void getTrace(GetTraceRequest request, StreamObserver<TracesData> response) {
        lastGet = request;
        stream(response);
    }

    @Override
    public void findTraces(FindTracesRequest request, StreamObserver<TracesData> response) {
        lastFind = request;
        stream(response);
    }

    @Override
    public void getServices(GetServicesRequest request, StreamObserver<GetServicesResponse> response) {
        answer(
                response,
                GetServicesResponse.newBuilder().addAllServices(services).build());
    }

    @Override
    public void getOperations(GetOperationsRequest request, StreamObserver<GetOperationsResponse> response) {
        lastOperations = request;
        answer(
                response,
                GetOperationsResponse.newBuilder().addAllOperations(operations).build());
    }

    private void stream(StreamObserver<TracesData> response) {
        watchCancel(response);
        chunks.forEach(response::onNext);
        end(response);
    }

    private <T> void answer(StreamObserver<T> response, T message) {
        watchCancel(response);
        if (ending == Ending.COMPLETE) {
            response.onNext(message);
        }
        end(response);
    }

    private void end(StreamObserver<?> response) {
        switch (ending) {
            case COMPLETE -> response.onCompleted();
            case FAIL -> response.onError(failure.asRuntimeException());
            case HANG -> {} // the client's deadline or cancel has to end the call
        }
    }

    private void watchCancel(StreamObserver<?> response) {
        ((ServerCallStreamObserver<?>) response).setOnCancelHandler(cancelledByClient::countDown);
    }
}

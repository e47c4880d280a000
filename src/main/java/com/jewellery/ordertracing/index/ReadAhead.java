package com.jewellery.ordertracing.index;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Works through steps in order, reading the next step's input (from Jaeger) while the current one is
 * stored (in PostgreSQL): the two wait on different servers, so overlapping them roughly halves a
 * catch-up. Storing stays sequential, in step order.
 */
final class ReadAhead {

    private ReadAhead() {
    }

    static <S, R> IndexStats run(List<S> steps, Function<S, R> read, BiFunction<S, R, IndexStats> store) {
        IndexStats total = IndexStats.NONE;
        if (steps.isEmpty()) {
            return total;
        }
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<R> next = reader.submit(() -> read.apply(steps.getFirst()));
            for (int i = 0; i < steps.size(); i++) {
                R current = await(next);
                S step = steps.get(i);
                int following = i + 1;
                next = following < steps.size() ? reader.submit(() -> read.apply(steps.get(following))) : null;
                try {
                    total = total.plus(store.apply(step, current));
                } catch (RuntimeException failure) {
                    cancel(next);
                    throw failure;
                }
            }
        }
        return total;
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading from Jaeger", interrupted);
        }
    }

    private static void cancel(Future<?> future) {
        if (future != null) {
            future.cancel(true);
        }
    }
}

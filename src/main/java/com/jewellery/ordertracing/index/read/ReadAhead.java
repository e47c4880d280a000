package com.jewellery.ordertracing.index.read;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads (from Jaeger) on a virtual thread while the calling thread stores (in PostgreSQL) what was read
 * before: the two wait on different servers, so overlapping them shortens a catch-up. At most
 * {@value #CAPACITY} read items wait, which bounds memory; storing stays sequential, in reading order.
 */
public final class ReadAhead {

    static final int CAPACITY = 2;
    private static final Object END = new Object();

    private ReadAhead() {}

    /**
     * @param producer hands every item, in order, to the consumer it is given; runs on another thread
     * @param store    stores one item on the calling thread
     * @return the sum of what storing reported
     * @throws RuntimeException the first failure of either side; the other side is stopped
     */
    public static <T> IndexStats run(Consumer<Consumer<T>> producer, Function<T, IndexStats> store) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
        IndexStats total = IndexStats.NONE;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> reading = executor.submit(() -> produce(producer, queue));
            try {
                for (Object item = take(queue); item != END; item = take(queue)) {
                    if (item instanceof Failure failure) {
                        throw failure.cause();
                    }
                    @SuppressWarnings("unchecked")
                    T read = (T) item;
                    total = total.plus(store.apply(read));
                }
            } catch (RuntimeException failure) {
                reading.cancel(true);
                throw failure;
            }
        }
        return total;
    }

    private static <T> void produce(Consumer<Consumer<T>> producer, BlockingQueue<Object> queue) {
        try {
            producer.accept(item -> put(queue, item));
            put(queue, END);
        } catch (RuntimeException failure) {
            // interrupted means the consumer gave up already and waits for nothing
            if (!Thread.currentThread().isInterrupted()) {
                put(queue, new Failure(failure));
            }
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("storing stopped");
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Jaeger", interrupted);
        }
    }

    private record Failure(RuntimeException cause) {}
}

package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.journey.OrderJourney;
import java.time.Instant;
import java.util.List;

/**
 * What the indexer tells analytics: these journeys were just written (inserted or re-assembled), in the
 * caller's transaction. The implementation keeps the measurements ({@code order_measurement}) and their rollups in step with them
 * in that same transaction, so a rolled-back piece leaves no measurement behind.
 */
public interface JourneyMeasurements {

    /** Writes nothing: for indexers that do not keep analytics (e.g. the benchmark's baseline). */
    JourneyMeasurements NONE = journeys -> {};

    void saved(List<Saved> journeys);

    /**
     * Tells each of them, in turn, in the same transaction (analytics, and the incidents' linked outcomes), and lets
     * each catch up.
     */
    static JourneyMeasurements all(List<JourneyMeasurements> each) {
        List<JourneyMeasurements> listeners = List.copyOf(each);
        return new JourneyMeasurements() {
            @Override
            public void saved(List<Saved> journeys) {
                listeners.forEach(listener -> listener.saved(journeys));
            }

            @Override
            public int catchUp() {
                return listeners.stream().mapToInt(JourneyMeasurements::catchUp).sum();
            }
        };
    }

    /**
     * Called by the indexer once per run, under its lock, after the new traces: measures a batch of the
     * journeys stored before measurements were kept.
     *
     * @return journeys measured; 0 when there are none (left)
     */
    default int catchUp() {
        return 0;
    }

    /**
     * @param partitionKey the journey row's {@code first_seen} (kept from its first insert)
     * @param replaced     the journey had a row before, so it may have measurements to replace
     */
    record Saved(OrderJourney journey, Instant partitionKey, boolean replaced) {}
}

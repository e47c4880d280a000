package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.journey.JourneyStage;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.StageState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One order's measurement at one stage: one of the stages of its {@code order_measurement} row.
 *
 * @param stageId  a catalog stage id or {@link #END_TO_END}
 * @param endedAt  when the stage ended: the time the stage is counted at
 * @param micros   the stage's duration in microseconds
 * @param error    the stage's (last) span failed; end to end: the order failed
 * @param slaOk    the duration is within the stage's SLA (end to end: the catalog's end-to-end SLA)
 */
public record StageMeasurement(
        String orderId, String stageId, Instant endedAt, long micros, boolean error, boolean slaOk) {

    /** The pseudo stage of a whole order, first span to the end of its last stage. */
    public static final String END_TO_END = "end_to_end";

    public int bucket() {
        return LogBuckets.bucketOf(micros);
    }

    /**
     * Every reached stage of the journey, plus end to end once the order completed or failed. Stages still
     * open or missing are not measured yet; they are when a later re-assembly reaches them.
     */
    public static List<StageMeasurement> of(OrderJourney journey) {
        List<StageMeasurement> measurements = new ArrayList<>();
        Optional<String> origin = failedFirst(journey);
        for (JourneyStage stage : journey.stages()) {
            if (stage.isReached() && stage.end() != null && stage.duration() != null) {
                boolean failed = stage.state() == StageState.ERROR
                        && origin.map(stage.id()::equals).orElse(true);
                measurements.add(new StageMeasurement(
                        journey.orderId(),
                        stage.id(),
                        stage.end(),
                        micros(stage.duration()),
                        failed,
                        !stage.slaExceeded()));
            }
        }
        if (journey.outcome() != JourneyOutcome.IN_PROGRESS) {
            // first span to last span, as the journey's end-to-end SLA flag measures it
            measurements.add(new StageMeasurement(
                    journey.orderId(),
                    END_TO_END,
                    journey.lastSeen(),
                    micros(journey.totalDuration()),
                    journey.outcome() == JourneyOutcome.FAILED,
                    !journey.endToEndSlaExceeded()));
        }
        return measurements;
    }

    /**
     * Of the failed stages, the one whose error came first: where the error originated. A pricing error also
     * fails the MES consumer span around it, which only passed the exception on; it must not count against
     * "MES: received" as well. Empty when no failed stage recorded an error (then every failed stage counts).
     */
    static Optional<String> failedFirst(OrderJourney journey) {
        Set<String> failed = journey.stages().stream()
                .filter(stage -> stage.state() == StageState.ERROR)
                .map(JourneyStage::id)
                .collect(Collectors.toSet());
        return journey.errors().stream()
                .filter(error -> failed.contains(error.stageId()))
                .min(Comparator.comparing(JourneyError::time))
                .map(JourneyError::stageId);
    }

    private static long micros(Duration duration) {
        return Math.max(0, duration.toNanos() / 1000);
    }
}

package com.jewellery.ordertracing.index.read;

import com.jewellery.ordertracing.jaeger.TimeRange;
import java.util.ArrayList;
import java.util.List;

/**
 * What indexing did, for one window or summed over a run.
 *
 * @param tracesRead     traces Jaeger returned (a trace found by several services counts each time)
 * @param tracesIndexed  traces new to the run (or grown since it saw them), whose spans went to the store
 * @param spansStored    order spans new to their journeys
 * @param journeysSaved  orders re-assembled and saved
 * @param searches       Jaeger searches made
 * @param saturated      windows where Jaeger still returned search-depth traces at the smallest width
 */
public record IndexStats(
        int tracesRead,
        int tracesIndexed,
        int spansStored,
        int journeysSaved,
        int searches,
        List<TimeRange> saturated) {

    public static final IndexStats NONE = new IndexStats(0, 0, 0, 0, 0, List.of());

    public IndexStats {
        saturated = List.copyOf(saturated);
    }

    public IndexStats plus(IndexStats other) {
        List<TimeRange> allSaturated = new ArrayList<>(saturated);
        allSaturated.addAll(other.saturated);
        return new IndexStats(
                tracesRead + other.tracesRead,
                tracesIndexed + other.tracesIndexed,
                spansStored + other.spansStored,
                journeysSaved + other.journeysSaved,
                searches + other.searches,
                allSaturated);
    }
}

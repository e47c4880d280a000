package com.jewellery.ordertracing.index.read;

import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import java.util.List;

/**
 * A stretch of one service's window, read completely from Jaeger.
 *
 * @param service   the service searched for
 * @param range     the stretch (Jaeger's bounds are inclusive, so neighbours may share a trace)
 * @param traces    the traces Jaeger returned
 * @param searches  Jaeger searches it took, including full answers that made the reader narrow down
 * @param saturated Jaeger returned search-depth traces even at the smallest width: traces may be missing
 */
public record Piece(String service, TimeRange range, List<Trace> traces, int searches, boolean saturated) {

    public Piece {
        traces = List.copyOf(traces);
    }
}

package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.jaeger.TimeRange;
import java.util.List;

/** Where traces come from: Jaeger in the portal, a fake in unit tests. */
@FunctionalInterface
interface TraceSource {

    /**
     * At most {@code depth} traces holding a span of the service that started in the range (both ends
     * inclusive, as Jaeger searches).
     */
    List<Trace> find(String service, TimeRange range, int depth);
}

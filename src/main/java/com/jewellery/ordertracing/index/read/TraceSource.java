package com.jewellery.ordertracing.index.read;

import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.jaeger.TraceQuery;
import java.util.List;

/** Where traces come from: Jaeger in the portal, a fake in unit tests. */
@FunctionalInterface
public interface TraceSource {

    /** The service name that matches every service: Jaeger reads an empty name as no service filter. */
    String ANY_SERVICE = "";

    /**
     * At most {@code depth} traces holding a span of the service (of any, for {@link #ANY_SERVICE}) that
     * started in the range (both ends inclusive, as Jaeger searches).
     */
    List<Trace> find(String service, TimeRange range, int depth);

    /** Searches Jaeger's api_v3 by service and span start time; the spans come as stored, unadjusted. */
    static TraceSource jaeger(JaegerClient client) {
        return (service, range, depth) -> client.findTraces(TraceQuery.between(range.from(), range.to())
                .withService(service)
                .withSearchDepth(depth));
    }
}

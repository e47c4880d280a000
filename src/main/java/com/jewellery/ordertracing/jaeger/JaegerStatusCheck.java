package com.jewellery.ordertracing.jaeger;

import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.status.StatusCheck;
import com.jewellery.ordertracing.status.TimedCheck;

/** Jaeger's api_v3 over gRPC: the status row also lists the services Jaeger has traces for. */
class JaegerStatusCheck implements StatusCheck {

    private final JaegerClient client;
    private final JaegerProperties properties;

    JaegerStatusCheck(JaegerClient client, JaegerProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public ComponentStatus check() {
        return TimedCheck.run(
                "status.component.jaeger",
                "status.problem.jaeger",
                () -> new TimedCheck.Probe("api_v3 gRPC · " + properties.endpoint(), client.services()));
    }

    @Override
    public String nameKey() {
        return "status.component.jaeger";
    }

    @Override
    public int order() {
        return 10;
    }
}

package com.jewellery.ordertracing.grafana;

import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.status.StatusCheck;
import com.jewellery.ordertracing.status.TimedCheck;
import java.util.List;
import org.springframework.stereotype.Component;

/** Grafana's row on the status page: its health endpoint at the configured base URL. */
@Component
class GrafanaStatusCheck implements StatusCheck {

    private final GrafanaProperties properties;
    private final GrafanaProbe probe;

    GrafanaStatusCheck(GrafanaProperties properties, GrafanaProbe probe) {
        this.properties = properties;
        this.probe = probe;
    }

    @Override
    public ComponentStatus check() {
        String problemKey = properties.configured() ? "grafana.status.problem" : "grafana.status.unconfigured";
        return TimedCheck.run("grafana.status.name", problemKey, () -> {
            probe.problem().ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
            return new TimedCheck.Probe("Grafana at " + properties.baseUrl(), List.of());
        });
    }

    @Override
    public String nameKey() {
        return "grafana.status.name";
    }

    @Override
    public int order() {
        return 60;
    }
}

package com.jewellery.ordertracing.grafana;

import com.jewellery.ordertracing.security.Roles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The Grafana panels for the analytics page, or why there are none. */
@Service
public class GrafanaService {

    private final GrafanaProperties properties;
    private final PanelLinks links;
    private final GrafanaProbe probe;

    GrafanaService(GrafanaProperties properties, GrafanaProbe probe) {
        this.properties = properties;
        this.links = new PanelLinks(properties);
        this.probe = probe;
    }

    /** The panels for this range and stage, or the reason Grafana cannot show them. */
    @PreAuthorize(Roles.CAN_ANALYTICS)
    public Embedding embedding(Instant from, Instant to, String stage, ZoneId zone, Locale locale) {
        if (!properties.configured()) {
            return new Embedding(List.of(), Optional.of(Unavailable.NOT_CONFIGURED), null);
        }
        Optional<String> problem = probe.problem();
        if (problem.isPresent()) {
            return new Embedding(List.of(), Optional.of(Unavailable.NOT_ANSWERING), problem.get());
        }
        return new Embedding(
                properties.panels().stream()
                        .map(panel -> new Frame(panel.title(locale), links.panel(panel.id(), from, to, stage, zone)))
                        .toList(),
                Optional.empty(),
                null);
    }

    /** Why no panels are shown. */
    public enum Unavailable {
        NOT_CONFIGURED,
        NOT_ANSWERING
    }

    /** One panel's title and address. */
    public record Frame(String title, String url) {}

    /**
     * @param frames      the panels, empty when unavailable
     * @param unavailable why not, if so
     * @param detail      the probe's technical answer when Grafana did not answer
     */
    public record Embedding(List<Frame> frames, Optional<Unavailable> unavailable, String detail) {}
}

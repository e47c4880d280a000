package com.jewellery.ordertracing.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.MutableClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe's answer stands for {@code probe-cache}: the analytics page and the status row share it, Grafana gets
 * one request per period, a change shows after it, concurrent callers wait for one probe. A real HTTP server
 * stands in for Grafana's health endpoint and counts the requests.
 */
class GrafanaProbeCacheTest {

    private static final List<GrafanaProperties.Panel> PANELS =
            List.of(new GrafanaProperties.Panel(1, "Latency", "Задержка"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 200;
    private volatile long delayMillis;
    private HttpServer grafana;

    @BeforeEach
    void startStandIn() throws IOException {
        grafana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        grafana.createContext("/grafana/api/health", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        grafana.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        grafana.start();
    }

    @AfterEach
    void stopStandIn() {
        grafana.stop(0);
    }

    @Test
    void oneProbeServesThePageAndTheStatusRowUntilTheCacheTimePasses() {
        GrafanaProperties properties = properties(base(), null, Duration.ofSeconds(15));
        GrafanaProbe probe = new GrafanaProbe(properties, clock);
        GrafanaService service = new GrafanaService(properties, probe);
        GrafanaStatusCheck statusRow = new GrafanaStatusCheck(properties, probe);

        for (int i = 0; i < 5; i++) {
            assertThat(embed(service).unavailable()).isEmpty();
            assertThat(statusRow.check().up()).isTrue();
        }
        assertThat(requests).as("ten page and status views, one probe").hasValue(1);

        status = 503;
        clock.advance(Duration.ofSeconds(14));
        assertThat(embed(service).unavailable()).as("still the cached answer").isEmpty();
        assertThat(requests).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        GrafanaService.Embedding down = embed(service);
        assertThat(down.unavailable()).contains(GrafanaService.Unavailable.NOT_ANSWERING);
        assertThat(down.detail()).endsWith("/grafana/api/health answered HTTP 503");
        assertThat(statusRow.check().up()).isFalse();
        assertThat(requests).as("the period over: probed again, once").hasValue(2);
    }

    @Test
    void aCacheTimeOfZeroProbesEveryTime() {
        GrafanaProbe probe = new GrafanaProbe(properties(base(), null, Duration.ZERO), clock);

        probe.problem();
        probe.problem();
        probe.problem();

        assertThat(requests).hasValue(3);
    }

    @Test
    void callersArrivingDuringAProbeWaitForItsAnswer() {
        delayMillis = 300;
        GrafanaProbe probe = new GrafanaProbe(properties(base(), null, Duration.ofSeconds(15)), clock);

        List<CompletableFuture<Boolean>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> probe.problem().isEmpty()));
        }

        assertThat(callers).allSatisfy(caller -> assertThat(caller.join()).isTrue());
        assertThat(requests).hasValue(1);
    }

    @Test
    void theProbeGoesToTheProbeUrlWhileFramesKeepTheBrowsersAddress() {
        GrafanaProperties properties =
                properties("https://portal.example.com/grafana", base() + "/", Duration.ofSeconds(15));
        GrafanaService service = new GrafanaService(properties, new GrafanaProbe(properties, clock));

        GrafanaService.Embedding embedding = embed(service);

        assertThat(requests).hasValue(1);
        assertThat(embedding.frames())
                .singleElement()
                .satisfies(frame -> assertThat(frame.url()).startsWith("https://portal.example.com/grafana/d-solo/"));
    }

    private String base() {
        return "http://127.0.0.1:" + grafana.getAddress().getPort() + "/grafana";
    }

    private static GrafanaProperties properties(String baseUrl, String probeUrl, Duration cache) {
        return new GrafanaProperties(baseUrl, null, null, null, Duration.ofSeconds(2), PANELS, probeUrl, cache);
    }

    private static GrafanaService.Embedding embed(GrafanaService service) {
        return service.embedding(
                Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), "mes.price", ZoneOffset.UTC, Locale.ENGLISH);
    }
}

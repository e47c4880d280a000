package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A scan from outside cannot flood the audit log: one report a minute per address, with the count. */
class NetworkAllowlistFilterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final List<NetworkRefusedEvent> events = new ArrayList<>();
    private final NetworkAllowlistFilter filter = new NetworkAllowlistFilter(
            ClientNetworks.parse(List.of("127.0.0.1")), event -> events.add((NetworkRefusedEvent) event), clock);

    @Test
    void refusalsAreReportedOnceAMinutePerAddressWithTheirCount() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(request("8.8.8.8", "/page" + i)).isEqualTo(403);
        }
        assertThat(request("9.9.9.9", "/")).isEqualTo(403);
        clock.advance(Duration.ofSeconds(59));
        request("8.8.8.8", "/again");
        clock.advance(Duration.ofSeconds(1));
        request("8.8.8.8", "/later");

        assertThat(events)
                .containsExactly(
                        new NetworkRefusedEvent("8.8.8.8", "/page0", 1),
                        new NetworkRefusedEvent("9.9.9.9", "/", 1),
                        new NetworkRefusedEvent("8.8.8.8", "/later", 4));
    }

    @Test
    void anAllowedClientPassesUnreported() throws Exception {
        assertThat(request("127.0.0.1", "/")).isEqualTo(200);
        assertThat(events).isEmpty();
    }

    private int request(String address, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}

package com.jewellery.ordertracing.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request from outside the allowed client networks, before sign-in or anything else runs.
 * The address is Tomcat's remote address, which {@link TrustedProxies} lets only configured proxies change
 * through {@code X-Forwarded-For}. Refusals are logged and audited at most once a minute per address, so a
 * scan from outside cannot fill the audit log; the count in between is kept.
 */
class NetworkAllowlistFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(NetworkAllowlistFilter.class);
    static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 10_000;

    private final ClientNetworks allowed;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Refusals> refusals = new ConcurrentHashMap<>();

    NetworkAllowlistFilter(ClientNetworks allowed, ApplicationEventPublisher events, Clock clock) {
        this.allowed = allowed;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (allowed.contains(client)) {
            chain.doFilter(request, response);
            return;
        }
        report(client, request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(message(request.getLocale()).getBytes(StandardCharsets.UTF_8));
    }

    private void report(String client, String path) {
        Instant now = clock.instant();
        if (refusals.size() > MAX_TRACKED) {
            refusals.clear();
        }
        Refusals seen = refusals.compute(
                client,
                (address, before) ->
                        before == null ? new Refusals(null, 1) : new Refusals(before.reportedAt(), before.count() + 1));
        if (seen.reportedAt() != null
                && Duration.between(seen.reportedAt(), now).compareTo(REPORT_EVERY) < 0) {
            return;
        }
        refusals.put(client, new Refusals(now, 0));
        log.warn(
                "Refused {} {}: not in the allowed networks ({}); {} refusal(s) since the last report",
                client,
                path,
                allowed,
                seen.count());
        events.publishEvent(new NetworkRefusedEvent(client, path, seen.count()));
    }

    private static String message(Locale locale) {
        Locale language =
                locale != null && "ru".equals(locale.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ROOT;
        return ResourceBundle.getBundle(
                        "vaadin-i18n/translations",
                        language,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("security.networkRefused");
    }

    private record Refusals(Instant reportedAt, int count) {}
}

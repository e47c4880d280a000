package com.jewellery.ordertracing.security;

import java.net.URI;
import java.util.Locale;

/**
 * The portal's Content-Security-Policy, as strict as Vaadin Flow allows.
 *
 * <p>Flow starts its client engine with an inline script and runs the expressions the server sends by
 * constructing functions, so {@code 'unsafe-eval'} stays. Inline scripts are allowed only with the per-response
 * nonce, which the bootstrap page's own scripts carry: an injected {@code <script>} or {@code onerror=} handler
 * does not run. Lit and Vaadin components write {@code <style>} elements, hence {@code style-src 'unsafe-inline'}.
 * Only the configured Grafana origin may be framed; only the portal itself may frame the portal.
 */
public final class ContentSecurityPolicy {

    private final String frameSource;

    /** @param grafanaOrigin {@code https://grafana.example:3000}, or blank when no Grafana panels are embedded */
    public ContentSecurityPolicy(String grafanaOrigin) {
        this.frameSource = grafanaOrigin == null || grafanaOrigin.isBlank() ? "'none'" : origin(grafanaOrigin.trim());
    }

    /** The header value for one response, whose inline scripts carry {@code nonce}. */
    public String withNonce(String nonce) {
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "frame-src " + frameSource,
                "frame-ancestors 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'");
    }

    /**
     * Accepts a bare http(s) origin only: a path, a wildcard or a quote would widen the policy or break it,
     * so a mistyped setting stops the start instead.
     */
    static String origin(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("portal.security.grafana-origin is not a URL: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getPath() == null
                        || uri.getPath().isEmpty()
                        || uri.getPath().equals("/"))
                && uri.getQuery() == null
                && uri.getFragment() == null
                && uri.getUserInfo() == null;
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || !bare
                || !uri.getHost().matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]")) {
            throw new IllegalArgumentException(
                    "portal.security.grafana-origin must be an origin like https://grafana.example:3000, not " + value);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}

package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentSecurityPolicyTest {

    @Test
    void withoutGrafanaNothingMayBeFramedAndOnlyThePortalFramesItself() {
        List<String> directives = directives(new ContentSecurityPolicy("").withNonce("abc"));

        assertThat(directives)
                .contains(
                        "frame-src 'none'",
                        "frame-ancestors 'self'",
                        "object-src 'none'",
                        "default-src 'self'",
                        "base-uri 'self'",
                        "script-src 'self' 'nonce-abc' 'unsafe-eval'");
        assertThat(directives)
                .noneMatch(directive -> directive.startsWith("script-src") && directive.contains("unsafe-inline"));
    }

    @Test
    void theConfiguredGrafanaOriginIsTheOnlyFrameSource() {
        assertThat(directives(new ContentSecurityPolicy(" HTTPS://Grafana.Example:3000/ ").withNonce("n")))
                .contains("frame-src https://grafana.example:3000");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://grafana.example/d/panel",
                "https://*.example",
                "grafana.example:3000",
                "javascript:alert(1)",
                "https://grafana.example; script-src *",
                "https://user@grafana.example",
                "https://grafana.example?x=1",
                "ftp://grafana.example"
            })
    void anythingButABareOriginIsRefused(String value) {
        assertThatThrownBy(() -> new ContentSecurityPolicy(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portal.security.grafana-origin");
    }

    private static List<String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::trim).toList();
    }
}

package com.jewellery.ordertracing.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the portal reads the identity provider.
 *
 * @param registrationId the Spring OAuth2 client registration used for sign-in
 * @param roleClaim      the token claim that lists the user's roles (a list or a space/comma separated string)
 * @param grafanaOrigin  the one origin whose pages the portal may frame (embedded Grafana panels); blank: none
 * @param allowedNetworks client networks (CIDR) that may reach the portal at all; others are refused before sign-in
 * @param trustedProxies reverse proxies (CIDR) whose {@code X-Forwarded-For} is believed; none by default
 */
@ConfigurationProperties("portal.security")
public record SecurityProperties(
        String registrationId,
        String roleClaim,
        String grafanaOrigin,
        List<String> allowedNetworks,
        List<String> trustedProxies) {

    /** Loopback and the private ranges: the company's internal network, wherever it is numbered. */
    public static final List<String> INTERNAL_NETWORKS =
            List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");

    public SecurityProperties {
        registrationId = registrationId == null || registrationId.isBlank() ? "keycloak" : registrationId;
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
        grafanaOrigin = grafanaOrigin == null ? "" : grafanaOrigin.trim();
        allowedNetworks = allowedNetworks == null ? INTERNAL_NETWORKS : List.copyOf(allowedNetworks);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        ClientNetworks.parse(allowedNetworks); // a mistyped network stops the start with the entry named
        ClientNetworks.parse(trustedProxies);
        if (!grafanaOrigin.isEmpty()) {
            ContentSecurityPolicy.origin(grafanaOrigin); // a bad value stops the start with the reason
        }
    }
}

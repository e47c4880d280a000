package com.jewellery.ordertracing.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the portal reads the identity provider.
 *
 * @param registrationId the Spring OAuth2 client registration used for sign-in
 * @param roleClaim      the token claim that lists the user's roles (a list or a space/comma separated string)
 * @param grafanaOrigin  the one origin whose pages the portal may frame (embedded Grafana panels); blank: none
 */
@ConfigurationProperties("portal.security")
public record SecurityProperties(String registrationId, String roleClaim, String grafanaOrigin) {

    public SecurityProperties {
        registrationId = registrationId == null || registrationId.isBlank() ? "keycloak" : registrationId;
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
        grafanaOrigin = grafanaOrigin == null ? "" : grafanaOrigin.trim();
        if (!grafanaOrigin.isEmpty()) {
            ContentSecurityPolicy.origin(grafanaOrigin); // a bad value stops the start with the reason
        }
    }
}

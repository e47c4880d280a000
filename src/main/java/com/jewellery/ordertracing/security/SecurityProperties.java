package com.jewellery.ordertracing.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the portal reads the identity provider.
 *
 * @param registrationId the Spring OAuth2 client registration used for sign-in
 * @param roleClaim      the token claim that lists the user's roles (a list or a space/comma separated string)
 */
@ConfigurationProperties("portal.security")
public record SecurityProperties(String registrationId, String roleClaim) {

    public SecurityProperties {
        registrationId = registrationId == null || registrationId.isBlank() ? "keycloak" : registrationId;
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
    }
}

package com.jewellery.ordertracing.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The name recorded for who did something: the IdP's {@code preferred_username} ("admin"), not the
 * opaque subject id that {@link Authentication#getName()} gives for an OIDC sign-in.
 */
public final class Usernames {

    private Usernames() {}

    /** @param nobody what to record when no one is signed in, e.g. "system" for a scheduled job */
    public static String of(Authentication authentication, String nobody) {
        return authentication == null ? nobody : of(authentication);
    }

    public static String of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof OidcUser user && user.getPreferredUsername() != null) {
            return user.getPreferredUsername();
        }
        return authentication.getName();
    }
}

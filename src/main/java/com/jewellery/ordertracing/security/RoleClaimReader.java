package com.jewellery.ordertracing.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the portal's roles from a token claim. Identity providers disagree on the claim's shape
 * (a JSON list, or one string separated by spaces or commas), so both are accepted. Only the
 * portal's own roles are kept: a corporate IdP sends many groups the portal does not care about.
 */
public final class RoleClaimReader {

    private final String claimName;

    public RoleClaimReader(String claimName) {
        this.claimName = claimName;
    }

    /** The portal roles found in the claims, upper case, in the order the IdP sent them. */
    public Set<String> rolesIn(Map<String, Object> claims) {
        Object value = claims.get(claimName);
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> addIfKnown(roles, String.valueOf(item)));
        } else if (value instanceof String text) {
            for (String item : text.split("[\\s,]+")) {
                addIfKnown(roles, item);
            }
        }
        return roles;
    }

    private static void addIfKnown(Set<String> roles, String candidate) {
        String role = candidate.trim().toUpperCase(java.util.Locale.ROOT);
        if (role.startsWith(Roles.PREFIX)) {
            role = role.substring(Roles.PREFIX.length());
        }
        if (Roles.PEOPLE.contains(role)) {
            roles.add(role);
        }
    }
}

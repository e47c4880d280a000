package com.jewellery.ordertracing.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The portal's roles and who may do what: the one place to change access.
 *
 * <p>People's roles ({@link #SUPPORT}, ...) arrive in the identity provider's role claim. Each role set
 * ({@link #ORDER_WORK}, ...) is granted to the people's roles listed for it in {@link #GRANTS}, as an extra
 * authority at sign-in and through the role hierarchy for method security. Views name a role set in
 * {@code @RolesAllowed}; services name the matching expression ({@code CAN_...}) in {@code @PreAuthorize}.
 */
public final class Roles {

    public static final String SUPPORT = "SUPPORT";
    public static final String DEVELOPER = "DEVELOPER";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    /** Every role of the portal: the ones kept from the identity provider's claim. */
    public static final List<String> PEOPLE = List.of(SUPPORT, DEVELOPER, ANALYST, ADMIN);

    /** Anyone signed in with one of the portal's roles: status page, counts. */
    public static final String STAFF = "STAFF";
    /** Support work on orders: look up orders, the lost-orders list, alerts. */
    public static final String ORDER_WORK = "ORDER_WORK";
    /** Technical detail of an order: span attributes and full stack traces. */
    public static final String TECHNICAL_DETAIL = "TECHNICAL_DETAIL";
    /** Analytics: latency charts, Grafana panels. */
    public static final String ANALYTICS = "ANALYTICS";
    /** Administration: audit log, alert rules, re-indexing. */
    public static final String ADMINISTRATION = "ADMINISTRATION";
    /** Reading incidents, their orders and timelines; the weekly review counts them. */
    public static final String INCIDENT_READ = "INCIDENT_READ";
    /** Working on an incident's cause: comments, root cause, status up to resolved. */
    public static final String INCIDENT_NOTE = "INCIDENT_NOTE";
    /** Owning incidents: create, edit, link orders, close, cancel, reopen, merge. */
    public static final String INCIDENT_WORK = "INCIDENT_WORK";

    /** Writing the weekly review's commentary (every role reads the review: {@link #STAFF}). */
    public static final String REVIEW_EDIT = "REVIEW_EDIT";

    /** Who holds each role set. */
    static final Map<String, Set<String>> GRANTS = Map.of(
            STAFF, Set.of(SUPPORT, DEVELOPER, ANALYST, ADMIN),
            ORDER_WORK, Set.of(SUPPORT, DEVELOPER, ADMIN),
            TECHNICAL_DETAIL, Set.of(DEVELOPER, ADMIN),
            ANALYTICS, Set.of(ANALYST, DEVELOPER, ADMIN),
            ADMINISTRATION, Set.of(ADMIN),
            INCIDENT_READ, Set.of(SUPPORT, DEVELOPER, ANALYST, ADMIN),
            INCIDENT_NOTE, Set.of(SUPPORT, DEVELOPER, ADMIN),
            INCIDENT_WORK, Set.of(SUPPORT, ADMIN),
            REVIEW_EDIT, Set.of(ANALYST, ADMIN));

    public static final String CAN_STAFF = "hasRole('" + STAFF + "')";
    public static final String CAN_ORDER_WORK = "hasRole('" + ORDER_WORK + "')";
    public static final String CAN_TECHNICAL_DETAIL = "hasRole('" + TECHNICAL_DETAIL + "')";
    public static final String CAN_ANALYTICS = "hasRole('" + ANALYTICS + "')";
    public static final String CAN_ADMINISTRATION = "hasRole('" + ADMINISTRATION + "')";
    public static final String CAN_INCIDENT_READ = "hasRole('" + INCIDENT_READ + "')";
    public static final String CAN_INCIDENT_NOTE = "hasRole('" + INCIDENT_NOTE + "')";
    public static final String CAN_INCIDENT_WORK = "hasRole('" + INCIDENT_WORK + "')";
    public static final String CAN_REVIEW_EDIT = "hasRole('" + REVIEW_EDIT + "')";

    /** Spring Security's prefix of role authorities. */
    public static final String PREFIX = "ROLE_";

    private Roles() {}

    /** The people's roles among granted authority names ({@code ROLE_SUPPORT} → {@code SUPPORT}); role sets left out. */
    public static List<String> peopleRolesIn(java.util.Collection<String> authorities) {
        return authorities.stream()
                .filter(authority -> authority.startsWith(PREFIX))
                .map(authority -> authority.substring(PREFIX.length()))
                .filter(PEOPLE::contains)
                .toList();
    }

    /** The role sets a person's role grants, in a stable order. */
    public static Set<String> setsGrantedTo(String role) {
        Set<String> sets = new LinkedHashSet<>();
        GRANTS.entrySet().stream()
                .filter(grant -> grant.getValue().contains(role))
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(sets::add);
        return sets;
    }
}

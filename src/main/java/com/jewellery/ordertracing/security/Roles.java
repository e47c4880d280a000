package com.jewellery.ordertracing.security;

/** The portal's roles, as they arrive in the identity provider's role claim. */
public final class Roles {

    public static final String SUPPORT = "SUPPORT";
    public static final String DEVELOPER = "DEVELOPER";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    /** Method-security expressions for services ({@code @PreAuthorize}); views use {@code @RolesAllowed}. */
    public static final String ANY_ROLE = "hasAnyRole('SUPPORT','DEVELOPER','ANALYST','ADMIN')";
    public static final String ORDER_READERS = "hasAnyRole('SUPPORT','DEVELOPER','ADMIN')";
    public static final String ADMIN_ONLY = "hasRole('ADMIN')";

    private Roles() {
    }
}

package com.jewellery.ordertracing.security;

/** The portal's roles, as they arrive in the identity provider's role claim. */
public final class Roles {

    public static final String SUPPORT = "SUPPORT";
    public static final String DEVELOPER = "DEVELOPER";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}

package com.jewellery.ordertracing.security;

import java.util.List;

/** The signed-in person as the UI shows them. */
public record CurrentUser(String username, String displayName, List<String> roles) {}

package com.jewellery.ordertracing.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The defaults in application.yml are the local stack's well-known secrets, so that bin/demo and the tests
 * work with nothing set. Anywhere else they would be an open door: outside the {@code local}, {@code demo} and
 * test ({@code it}) profiles the portal refuses to start with them, before it connects to anything. Real
 * secrets come from the environment ({@code PORTAL_OIDC_CLIENT_SECRET}, {@code PORTAL_DB_PASSWORD}) or files
 * ({@code spring.config.import=configtree:/run/secrets/}).
 */
public class DemoSecretsGuard implements EnvironmentPostProcessor, Ordered {

    static final Set<String> DEMO_PROFILES = Set.of("local", "demo", "it");
    static final String CLIENT_SECRET = "spring.security.oauth2.client.registration.keycloak.client-secret";
    static final String DB_PASSWORD = "spring.datasource.password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.stream(environment.getActiveProfiles()).anyMatch(DEMO_PROFILES::contains)) {
            return;
        }
        List<String> found = new ArrayList<>();
        if ("portal-secret".equals(environment.getProperty(CLIENT_SECRET))) {
            found.add("the OIDC client secret (" + CLIENT_SECRET + ", PORTAL_OIDC_CLIENT_SECRET)");
        }
        if ("portal".equals(environment.getProperty(DB_PASSWORD))) {
            found.add("the database password (" + DB_PASSWORD + ", PORTAL_DB_PASSWORD)");
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the local demo's " + String.join(" and ", found)
                    + ": set the real secret in the environment or a secrets file, or run with the 'demo' or"
                    + " 'local' profile on a developer machine (active profiles: "
                    + Arrays.toString(environment.getActiveProfiles()) + ")");
        }
    }

    /** After the config files are read and the profiles are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

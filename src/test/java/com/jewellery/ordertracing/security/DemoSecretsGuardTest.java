package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DemoSecretsGuardTest {

    private final DemoSecretsGuard guard = new DemoSecretsGuard();

    @Test
    void withoutADemoProfileTheDemoSecretsStopTheStartNamingBothSettings() {
        assertThatThrownBy(() ->
                        guard.postProcessEnvironment(environment("portal-secret", "portal"), new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTAL_OIDC_CLIENT_SECRET")
                .hasMessageContaining("PORTAL_DB_PASSWORD");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment("real", "portal"), new SpringApplication()))
                .hasMessageContaining("database password")
                .hasMessageNotContaining("client secret");
    }

    @Test
    void realSecretsOrADemoProfilePass() {
        assertThatCode(() -> guard.postProcessEnvironment(environment("s3cr3t", "d4t4b4s3"), new SpringApplication()))
                .doesNotThrowAnyException();
        for (String profile : DemoSecretsGuard.DEMO_PROFILES) {
            StandardEnvironment demo = environment("portal-secret", "portal");
            demo.setActiveProfiles(profile, "plain-http");
            assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication()))
                    .doesNotThrowAnyException();
        }
    }

    /** The real application, started with its own application.yml defaults and no profile, stops at once. */
    @Test
    void theApplicationWithItsDefaultsAndNoProfileRefusesToStart() {
        assertThatThrownBy(() -> {
                    try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(
                                    com.jewellery.ordertracing.OrderTracingPortalApplication.class)
                            .properties("server.port=0")
                            .run()) {
                        // not reached
                    }
                })
                .hasStackTraceContaining("Refusing to start with the local demo's");
    }

    private static StandardEnvironment environment(String clientSecret, String dbPassword) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> values = new HashMap<>();
        values.put(DemoSecretsGuard.CLIENT_SECRET, clientSecret);
        values.put(DemoSecretsGuard.DB_PASSWORD, dbPassword);
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}

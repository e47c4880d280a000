package com.jewellery.ordertracing.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class StartupFailureAnalyzerTest {

    private final StartupFailureAnalyzer analyzer = new StartupFailureAnalyzer();

    @Test
    void anUnreachableIssuerNamesTheSettingToCheck() {
        Throwable failure = new IllegalStateException(
                "bean creation failed",
                new IllegalArgumentException(
                        "Unable to resolve Configuration with the provided Issuer of \"http://idp.example/realms/x\""));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription()).contains("identity provider", "http://idp.example/realms/x");
        assertThat(analysis.getAction()).contains("PORTAL_OIDC_ISSUER_URI");
    }

    @Test
    void anUnreachableDatabaseNamesTheSettingToCheck() {
        Throwable failure = new IllegalStateException(
                "flyway failed",
                new org.postgresql.util.PSQLException(
                        "Connection to 127.0.0.1:15432 refused.", null, new ConnectException("Connection refused")));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription()).contains("database", "127.0.0.1:15432");
        assertThat(analysis.getAction()).contains("PORTAL_DB_URL");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("something else")))
                .isNull();
    }
}

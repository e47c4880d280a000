package com.jewellery.ordertracing.base;

import java.net.ConnectException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the two start-up failures operators meet most (identity provider or database not reachable)
 * into one clear line with what to do, instead of a page of nested bean-creation errors.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

    private static final String ISSUER_MESSAGE = "Unable to resolve Configuration with the provided Issuer";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof IllegalArgumentException && message.startsWith(ISSUER_MESSAGE)) {
                return new FailureAnalysis(
                        "The OIDC identity provider did not answer: " + message,
                        "Check PORTAL_OIDC_ISSUER_URI (spring.security.oauth2.client.provider.keycloak.issuer-uri) "
                                + "and that the provider runs; locally: bin/stack start.",
                        failure);
            }
            if (cause.getClass().getName().equals("org.postgresql.util.PSQLException")
                    && cause.getCause() instanceof ConnectException) {
                return new FailureAnalysis(
                        "The portal database is not reachable: " + message,
                        "Check PORTAL_DB_URL (spring.datasource.url) and that PostgreSQL runs; locally: bin/stack start.",
                        failure);
            }
        }
        return null;
    }
}

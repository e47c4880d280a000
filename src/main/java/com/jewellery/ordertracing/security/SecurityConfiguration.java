package com.jewellery.ordertracing.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in through the company's OIDC provider only: no local passwords. Every page needs a signed-in
 * user; only the health endpoint is open, for load balancers and the container health check.
 * Sign-out also ends the IdP session (RP-initiated logout, set up by {@code oauth2LoginPage}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
// Services are guarded with @PreAuthorize. JSR-250 stays off so that the views' @RolesAllowed
// (read by Vaadin's navigation access control) does not wrap every view in a Spring proxy.
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The one origin whose pages the portal may frame: the configured one, else that of the Grafana whose
     * panels the analytics page embeds ({@code portal.grafana.base-url}), so one setting is enough.
     */
    static String framedOrigin(String configured, String grafanaBaseUrl) {
        if (!configured.isBlank() || grafanaBaseUrl == null || grafanaBaseUrl.isBlank()) {
            return configured;
        }
        URI grafana = URI.create(grafanaBaseUrl.trim());
        return grafana.getScheme() + "://" + grafana.getHost() + (grafana.getPort() < 0 ? "" : ":" + grafana.getPort());
    }

    /** Browser features the portal never uses, switched off so an injected script cannot ask for them. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=(), display-capture=(), fullscreen=(self)";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            @Value("${portal.grafana.base-url:}") String grafanaBaseUrl)
            throws Exception {
        http.authorizeHttpRequests(auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        ContentSecurityPolicy policy =
                new ContentSecurityPolicy(framedOrigin(properties.grafanaOrigin(), grafanaBaseUrl));
        http.headers(headers -> headers.addHeaderWriter((request, response) ->
                        response.setHeader("Content-Security-Policy", policy.withNonce(CspNonce.of(request))))
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                // Vaadin's pages are forwarded to its servlet, and Tomcat commits a forwarded response past
                // Spring's wrapper: headers written at commit would be lost, so they are written up front.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.oauth2LoginPage("/oauth2/authorization/" + properties.registrationId()));
        return http.build();
    }

    /**
     * The role sets of {@link Roles} for method security, so a caller holding only a person's role (a test
     * user, a scheduled job's authentication) is judged the same way as a signed-in user, whose role sets
     * the authorities mapper adds.
     */
    @Bean
    static RoleHierarchy roleHierarchy() {
        RoleHierarchyImpl.Builder builder = RoleHierarchyImpl.withDefaultRolePrefix();
        for (String role : Roles.PEOPLE) {
            builder.role(role).implies(Roles.setsGrantedTo(role).toArray(String[]::new));
        }
        return builder.build();
    }

    @Bean
    GrantedAuthoritiesMapper roleMappingAuthoritiesMapper(SecurityProperties properties) {
        return new RoleMappingAuthoritiesMapper(new RoleClaimReader(properties.roleClaim()));
    }
}

package com.jewellery.ordertracing.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.web.SecurityFilterChain;

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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(),
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

package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.CallerContext;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Every role boundary, found by scanning: each {@code @Route} view and each {@code @PreAuthorize} method, for
 * each person's role and for no sign-in, against the matrix {@link Roles#GRANTS} intends. A new view or service
 * method is covered without touching this test. People's authorities come from the portal's own mapper, fed a
 * token claim as Keycloak sends it; denials go through the real method-security proxies.
 */
@IntegrationTest
class RoleMatrixIT {

    private static final String BASE_PACKAGE = "com.jewellery.ordertracing";
    private static final String ANONYMOUS = "(not signed in)";

    @Autowired
    ApplicationContext context;

    @Autowired
    GrantedAuthoritiesMapper authoritiesMapper;

    @AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    @Test
    void everyViewOpensForExactlyTheRolesItsRoleSetIsGrantedTo() {
        List<Class<?>> views = scan(new AnnotationTypeFilter(Route.class));
        assertThat(views).hasSizeGreaterThanOrEqualTo(6);
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        List<String> wrong = new ArrayList<>();

        for (Class<?> view : views) {
            RolesAllowed rolesAllowed = view.getAnnotation(RolesAllowed.class);
            assertThat(rolesAllowed)
                    .as("%s has @RolesAllowed(Roles.<SET>)", view.getSimpleName())
                    .isNotNull();
            Set<String> intended = intendedHolders(List.of(rolesAllowed.value()));
            for (String role : everyone()) {
                Set<String> authorities = authoritiesOf(role);
                boolean opens = checker.hasAccess(
                        view,
                        role.equals(ANONYMOUS) ? null : () -> role,
                        name -> authorities.contains(Roles.PREFIX + name));
                if (opens != intended.contains(role)) {
                    wrong.add(view.getSimpleName() + " for " + role + ": opens=" + opens);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everySecuredServiceMethodServesExactlyTheRolesItsExpressionNames() throws Exception {
        Map<Method, Set<String>> methods = securedMethods();
        assertThat(methods).hasSizeGreaterThanOrEqualTo(20);
        List<String> wrong = new ArrayList<>();
        PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
        manager.setApplicationContext(context);

        for (Map.Entry<Method, Set<String>> entry : methods.entrySet()) {
            Method method = entry.getKey();
            Object bean = context.getBean(method.getDeclaringClass());
            for (String role : everyone()) {
                boolean intended = entry.getValue().contains(role);
                Authentication caller = role.equals(ANONYMOUS) ? null : authenticationOf(role);
                if (intended) {
                    // allowed: judged by the same expression evaluation, without running the method
                    boolean granted = manager.authorize(() -> caller, invocation(bean, method))
                            .isGranted();
                    if (!granted) {
                        wrong.add(name(method) + " refuses " + role);
                    }
                } else if (!refusedThroughTheProxy(bean, method, caller)) {
                    wrong.add(name(method) + " lets " + role + " in");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A @PreAuthorize on a class Spring does not manage guards nothing. */
    @Test
    void everyClassWithPreAuthorizeIsASpringBean() {
        List<String> notBeans = securedMethods().keySet().stream()
                .map(Method::getDeclaringClass)
                .distinct()
                .filter(type -> context.getBeanNamesForType(type).length == 0)
                .map(Class::getName)
                .toList();
        assertThat(notBeans).isEmpty();
    }

    private boolean refusedThroughTheProxy(Object bean, Method method, Authentication caller) {
        Class<? extends Throwable> expected =
                caller == null ? AuthenticationCredentialsNotFoundException.class : AccessDeniedException.class;
        return CallerContext.as(caller, () -> {
            try {
                invokeWithDefaults(bean, method);
                return false;
            } catch (Throwable thrown) {
                return expected.isInstance(thrown);
            }
        });
    }

    private static void invokeWithDefaults(Object bean, Method method) throws Throwable {
        Object[] arguments = Arrays.stream(method.getParameterTypes())
                .map(RoleMatrixIT::defaultValue)
                .toArray();
        try {
            method.invoke(bean, arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The intended holders of a view's or method's role sets, straight from {@link Roles#GRANTS}. */
    private static Set<String> intendedHolders(Collection<String> sets) {
        Set<String> holders = new TreeSet<>();
        for (String set : sets) {
            if (Roles.PEOPLE.contains(set)) {
                holders.add(set);
            } else {
                assertThat(Roles.GRANTS)
                        .as("role set %s is defined in Roles.GRANTS", set)
                        .containsKey(set);
                holders.addAll(Roles.GRANTS.get(set));
            }
        }
        return holders;
    }

    /** Each @PreAuthorize method (on the method or its class) with the people its CAN_ expression is for. */
    private Map<Method, Set<String>> securedMethods() {
        Map<String, String> setOfExpression = canExpressions();
        Map<Method, Set<String>> methods = new LinkedHashMap<>();
        for (Class<?> type : scan((reader, factory) -> true)) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                PreAuthorize preAuthorize = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
                if (preAuthorize == null) {
                    preAuthorize = AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
                }
                if (preAuthorize == null) {
                    continue;
                }
                String set = setOfExpression.get(preAuthorize.value());
                assertThat(set)
                        .as("%s names one of Roles.CAN_* (found %s)", name(method), preAuthorize.value())
                        .isNotNull();
                methods.put(method, intendedHolders(List.of(set)));
            }
        }
        return methods;
    }

    private static Map<String, String> canExpressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Field field : Roles.class.getFields()) {
            if (field.getName().startsWith("CAN_")) {
                try {
                    expressions.put((String) field.get(null), field.getName().substring("CAN_".length()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return expressions;
    }

    private static List<Class<?>> scan(org.springframework.core.type.filter.TypeFilter filter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(filter);
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            try {
                classes.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    private static List<String> everyone() {
        List<String> everyone = new ArrayList<>(Roles.PEOPLE);
        everyone.add(ANONYMOUS);
        return everyone;
    }

    /** What the portal grants someone whose token's role claim names {@code role}. */
    private Set<String> authoritiesOf(String role) {
        if (role.equals(ANONYMOUS)) {
            return Set.of();
        }
        OidcIdToken token = OidcIdToken.withTokenValue("token")
                .subject(role.toLowerCase())
                .claim("roles", List.of(role.toLowerCase()))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        return authoritiesMapper.mapAuthorities(List.of(new OidcUserAuthority(token))).stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }

    private Authentication authenticationOf(String role) {
        TestingAuthenticationToken authentication = new TestingAuthenticationToken(
                role.toLowerCase(), null, authoritiesOf(role).toArray(String[]::new));
        authentication.setAuthenticated(true);
        return authentication;
    }

    private static MethodInvocation invocation(Object bean, Method method) {
        Object[] arguments = Arrays.stream(method.getParameterTypes())
                .map(RoleMatrixIT::defaultValue)
                .toArray();
        return new MethodInvocation() {
            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Object[] getArguments() {
                return arguments;
            }

            @Override
            public Object proceed() {
                throw new UnsupportedOperationException("only judged, never run");
            }

            @Override
            public Object getThis() {
                return bean;
            }

            @Override
            public AccessibleObject getStaticPart() {
                return method;
            }
        };
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}

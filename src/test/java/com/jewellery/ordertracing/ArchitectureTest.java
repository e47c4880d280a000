package com.jewellery.ordertracing;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.jewellery.ordertracing.security.Roles;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** The layering rules that keep views thin, access decided in one place, and domain logic free of frameworks. */
class ArchitectureTest {

    /**
     * Public methods of services that are open to everyone on purpose, each with its reason. Everything else a
     * {@code @Service} offers is guarded with {@code @PreAuthorize}.
     */
    private static final Set<String> OPEN_SERVICE_METHODS = Set.of(
            // written by the security layer for every sign-in, sign-out and refusal, also of people without a
            // portal role; it reads nothing back
            "com.jewellery.ordertracing.audit.AuditService.record",
            "com.jewellery.ordertracing.audit.AuditService.recordAccessDenied",
            // who the caller is and signing the caller out: about the caller only, needed before any role is known
            "com.jewellery.ordertracing.security.CurrentUserService.currentUser",
            "com.jewellery.ordertracing.security.CurrentUserService.signOut");

    /**
     * The one {@code @Repository} other features use: the alert evaluator, a scheduled job without a signed-in
     * user, reads the lost-order tallies without the people's service and its {@code @PreAuthorize}. Views
     * cannot reach it (see {@link #viewsUseNoRepositoryClassNoJdbcAndNoGrpcStub}).
     */
    private static final String PUBLIC_REPOSITORY = "com.jewellery.ordertracing.lost.LostOrderQueries";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.jewellery.ordertracing", "com.jewellery.orderflow");
    }

    @Test
    void viewsCallServicesNeverRepositoriesOrGrpc() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("io.grpc..", "..jaeger.v3..", "org.springframework.jdbc..", "jakarta.persistence..")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("JaegerClient")
                .check(classes);
    }

    @Test
    void viewsUseNoRepositoryClassNoJdbcAndNoGrpcStub() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .or()
                .areAnnotatedWith(Route.class)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(org.springframework.stereotype.Repository.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcTemplate.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(NamedParameterJdbcTemplate.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(DataSource.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("io.grpc..", "..api_v3..")
                .orShould()
                .dependOnClassesThat()
                .haveNameMatching(".*Grpc(\\$.*)?")
                .check(classes);
    }

    @Test
    void servicesAndDomainDoNotImportUiCode() {
        noClasses()
                .that()
                .resideInAPackage("com.jewellery.ordertracing..")
                .and()
                .resideOutsideOfPackage("..ui..")
                .and()
                .doNotHaveSimpleName("OrderTracingPortalApplication")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin.flow.component..", "..ui..")
                .check(classes);
    }

    @Test
    void servicesAreGuardedWithPreAuthorizeBecauseRolesAllowedIsOnlyReadOnViews() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..ui..")
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .check(classes);
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..ui..")
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .check(classes);
    }

    @Test
    void everyPublicServiceMethodIsGuardedOrAListedException() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Service.class)
                .and()
                .arePublic()
                .and(are(notListedAsOpen()))
                .should(beGuardedWithPreAuthorize())
                .check(classes);
    }

    @Test
    void aBeanGuardedAtAllIsGuardedOnEveryPublicMethod() {
        methods()
                .that()
                .areDeclaredInClassesThat(haveAMethodAnnotatedWithPreAuthorize())
                .and()
                .arePublic()
                .and(are(notListedAsOpen()))
                .should(beGuardedWithPreAuthorize())
                .check(classes);
    }

    @Test
    void everyRouteNamesTheRolesThatMayOpenIt() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .check(classes);
    }

    @Test
    void onlyTheLayoutAndTheErrorViewsAreOpenToEveryone() {
        noClasses()
                .that()
                .areNotAssignableTo(HasErrorParameter.class)
                .and()
                .areNotAnnotatedWith(Layout.class)
                .should()
                .beAnnotatedWith(PermitAll.class)
                .orShould()
                .beAnnotatedWith(AnonymousAllowed.class)
                .check(classes);
    }

    @Test
    void rolesAllowedNamesRoleSetsOfRolesNotPeoplesRoles() {
        classes()
                .that()
                .areAnnotatedWith(RolesAllowed.class)
                .should(nameOnlyRoleSets())
                .check(classes);
    }

    @Test
    void viewsArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .or()
                .areAnnotatedWith(Layout.class)
                .or()
                .areAssignableTo(HasErrorParameter.class)
                .should()
                .notBePublic()
                .check(classes);
    }

    @Test
    void repositoryClassesArePackagePrivateUnlessListed() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Repository.class)
                .and()
                .doNotHaveFullyQualifiedName(PUBLIC_REPOSITORY)
                .should()
                .notBePublic()
                .check(classes);
    }

    @Test
    void journeyDomainIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("com.jewellery.ordertracing.journey..")
                .and()
                .resideOutsideOfPackage("com.jewellery.ordertracing.journey.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.vaadin..",
                        "io.grpc..",
                        "jakarta.persistence..",
                        "com.jewellery.ordertracing.journey.config..")
                .check(classes);
    }

    /** Decision 0004: jaeger/, journey/ and index/ are plain Java wired by {@code @Bean} methods, not scanned. */
    @Test
    void beanMethodFeaturesHaveNoScannedComponents() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.jewellery.ordertracing.jaeger..",
                        "com.jewellery.ordertracing.journey..",
                        "com.jewellery.ordertracing.index..")
                .and()
                .areNotAnnotatedWith(Configuration.class)
                .should()
                .beMetaAnnotatedWith(Component.class)
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.jewellery.ordertracing.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void indexPackagesHaveNoCycles() {
        slices().matching("com.jewellery.ordertracing.index.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void orderFlowAndPortalStayApart() {
        noClasses()
                .that()
                .resideInAPackage("com.jewellery.orderflow..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.jewellery.ordertracing..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("com.jewellery.ordertracing..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.jewellery.orderflow..")
                .check(classes);
    }

    private static DescribedPredicate<JavaMethod> notListedAsOpen() {
        return DescribedPredicate.describe(
                "not listed as open on purpose",
                method -> !OPEN_SERVICE_METHODS.contains(method.getOwner().getName() + "." + method.getName()));
    }

    private static DescribedPredicate<JavaClass> haveAMethodAnnotatedWithPreAuthorize() {
        return DescribedPredicate.describe(
                "have a method annotated with @PreAuthorize",
                owner -> owner.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(PreAuthorize.class)));
    }

    private static ArchCondition<JavaMethod> beGuardedWithPreAuthorize() {
        return new ArchCondition<>("be annotated with @PreAuthorize, or be declared in a class that is") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean guarded = method.isAnnotatedWith(PreAuthorize.class)
                        || method.getOwner().isAnnotatedWith(PreAuthorize.class);
                boolean synthetic = method.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || method.getModifiers().contains(JavaModifier.BRIDGE);
                if (!guarded && !synthetic) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " has no @PreAuthorize"));
                }
            }
        };
    }

    /** The role sets are what {@link Roles} grants to people's roles; a people's role itself is not one. */
    private static ArchCondition<JavaClass> nameOnlyRoleSets() {
        Set<String> roleSets = Roles.PEOPLE.stream()
                .flatMap(role -> Roles.setsGrantedTo(role).stream())
                .collect(Collectors.toSet());
        return new ArchCondition<>("name only role sets of Roles " + roleSets) {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                List<String> named = Arrays.asList(
                        view.getAnnotationOfType(RolesAllowed.class).value());
                named.stream()
                        .filter(role -> !roleSets.contains(role))
                        .forEach(role -> events.add(SimpleConditionEvent.violated(
                                view, view.getName() + " allows " + role + ", not a role set")));
            }
        };
    }
}

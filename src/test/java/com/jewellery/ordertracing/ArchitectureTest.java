package com.jewellery.ordertracing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The layering rules that keep views thin and domain logic free of frameworks. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.jewellery.ordertracing", "com.jewellery.orderflow");
    }

    @Test
    void viewsCallServicesNeverRepositoriesOrGrpc() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("io.grpc..", "..jaeger.v3..",
                        "org.springframework.jdbc..", "jakarta.persistence..")
                .orShould().dependOnClassesThat().haveSimpleName("JaegerClient")
                .check(classes);
    }

    @Test
    void servicesAndDomainDoNotImportUiCode() {
        noClasses().that().resideInAPackage("com.jewellery.ordertracing..")
                .and().resideOutsideOfPackage("..ui..")
                .and().doNotHaveSimpleName("OrderTracingPortalApplication")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component..", "..ui..")
                .check(classes);
    }

    @Test
    void servicesAreGuardedWithPreAuthorizeBecauseRolesAllowedIsOnlyReadOnViews() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .should().beAnnotatedWith(RolesAllowed.class)
                .check(classes);
        noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage("..ui..")
                .should().beAnnotatedWith(RolesAllowed.class)
                .check(classes);
    }

    @Test
    void journeyDomainIsPlainJava() {
        noClasses().that().resideInAPackage("com.jewellery.ordertracing.journey..")
                .and().resideOutsideOfPackage("com.jewellery.ordertracing.journey.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "io.grpc..",
                        "jakarta.persistence..", "com.jewellery.ordertracing.journey.config..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.jewellery.ordertracing.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void indexPackagesHaveNoCycles() {
        slices().matching("com.jewellery.ordertracing.index.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void orderFlowAndPortalStayApart() {
        noClasses().that().resideInAPackage("com.jewellery.orderflow..")
                .should().dependOnClassesThat().resideInAPackage("com.jewellery.ordertracing..")
                .check(classes);
        noClasses().that().resideInAPackage("com.jewellery.ordertracing..")
                .should().dependOnClassesThat().resideInAPackage("com.jewellery.orderflow..")
                .check(classes);
    }
}

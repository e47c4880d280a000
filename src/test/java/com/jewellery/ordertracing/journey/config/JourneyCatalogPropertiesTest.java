package com.jewellery.ordertracing.journey.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.journey.InvalidStageCatalogException;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class JourneyCatalogPropertiesTest {

    /**
     * The stages of docs/decisions/0002-trace-contract.md, copied from its table: id, service, span name
     * (empty for the derived queue wait), kind, terminal. SLAs are not part of the trace contract: they are
     * the operators' targets per stage, set in application.yml ({@code portal.journey.stages[].sla}).
     */
    private static final List<String> TRACE_CONTRACT = List.of(
            "1 shop.create shop order.create SPAN false",
            "2 shop.send shop crm.send SPAN false",
            "3 crm.process crm order.process SPAN false",
            "4 crm.publish crm publish orders.mes SPAN false",
            "5 rabbitmq.queue rabbitmq  QUEUE_WAIT false",
            "6 mes.consume mes process orders.mes SPAN false",
            "7 mes.price mes price.calculate SPAN false",
            "8 mes.approve mes status.change SPAN true");

    /** The SLAs application.yml ships with, per stage in order; the end-to-end SLA is 5 minutes. */
    private static final List<Duration> SHIPPED_SLAS = List.of(
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10));

    @Test
    void theCatalogInApplicationYmlHasTheTraceContractsStagesAndTheShippedSlas() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }

        StageCatalog configured = bind(environment).catalog();

        assertThat(contractView(configured)).isEqualTo(TRACE_CONTRACT);
        assertThat(configured.stages()).extracting(StageDefinition::sla).isEqualTo(SHIPPED_SLAS);
        assertThat(configured.endToEndSla()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theBuiltInCatalogHasTheTraceContractsStagesToo() {
        assertThat(contractView(StageCatalog.defaults())).isEqualTo(TRACE_CONTRACT);
    }

    private static List<String> contractView(StageCatalog catalog) {
        return catalog.stages().stream()
                .map(stage -> stage.order() + " " + stage.id() + " " + stage.service() + " "
                        + (stage.spanName() == null ? "" : stage.spanName()) + " " + stage.kind() + " "
                        + stage.terminal())
                .toList();
    }

    @Test
    void withoutStagesTheBuiltInCatalogApplies() {
        assertThat(new JourneyCatalogProperties(null, null, null).catalog()).isEqualTo(StageCatalog.defaults());
    }

    @Test
    void servicesDefaultToThoseTheStagesName() {
        List<StageDefinition> stages = List.of(
                StageDefinition.span("web.order", "web", "order.create", 1, Duration.ofSeconds(1)),
                StageDefinition.span("erp.book", "erp", "order.book", 2, Duration.ofSeconds(3))
                        .asTerminal());

        StageCatalog catalog = new JourneyCatalogProperties(Set.of(), stages, Duration.ofMinutes(1)).catalog();

        assertThat(catalog.services()).containsExactlyInAnyOrder("web", "erp");
        assertThat(catalog.endToEndSla()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aBrokenCatalogFailsWithEveryProblem() {
        MapPropertySource source = new MapPropertySource(
                "test",
                Map.of(
                        "portal.journey.stages[0].id",
                        "a",
                        "portal.journey.stages[0].service",
                        "shop",
                        "portal.journey.stages[0].order",
                        "1",
                        "portal.journey.stages[0].sla",
                        "1s"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);

        assertThatThrownBy(() -> bind(environment).catalog())
                .isInstanceOf(InvalidStageCatalogException.class)
                .hasMessageContaining("matches no span")
                .hasMessageContaining("no terminal stage");
    }

    private static JourneyCatalogProperties bind(StandardEnvironment environment) {
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("portal.journey", JourneyCatalogProperties.class)
                .get();
    }
}

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

    @Test
    void theCatalogInApplicationYmlIsTheTraceContractsCatalog() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }

        assertThat(bind(environment).catalog()).isEqualTo(StageCatalog.defaults());
    }

    @Test
    void withoutStagesTheBuiltInCatalogApplies() {
        assertThat(new JourneyCatalogProperties(null, null, null).catalog()).isEqualTo(StageCatalog.defaults());
    }

    @Test
    void servicesDefaultToThoseTheStagesName() {
        List<StageDefinition> stages = List.of(
                StageDefinition.span("web.order", "web", "order.create", 1, Duration.ofSeconds(1)),
                StageDefinition.span("erp.book", "erp", "order.book", 2, Duration.ofSeconds(3)).asTerminal());

        StageCatalog catalog = new JourneyCatalogProperties(Set.of(), stages, Duration.ofMinutes(1)).catalog();

        assertThat(catalog.services()).containsExactlyInAnyOrder("web", "erp");
        assertThat(catalog.endToEndSla()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aBrokenCatalogFailsWithEveryProblem() {
        MapPropertySource source = new MapPropertySource("test", Map.of(
                "portal.journey.stages[0].id", "a", "portal.journey.stages[0].service", "shop",
                "portal.journey.stages[0].order", "1", "portal.journey.stages[0].sla", "1s"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);

        assertThatThrownBy(() -> bind(environment).catalog())
                .isInstanceOf(InvalidStageCatalogException.class)
                .hasMessageContaining("matches no span")
                .hasMessageContaining("no terminal stage");
    }

    private static JourneyCatalogProperties bind(StandardEnvironment environment) {
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("portal.journey", JourneyCatalogProperties.class).get();
    }
}

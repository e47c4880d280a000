package com.jewellery.ordertracing;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The order tracing portal: Jaeger traces of the order flow turned into answers for support, development and analytics. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@CssImport("./portal.css")
public class OrderTracingPortalApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(OrderTracingPortalApplication.class, args);
    }
}

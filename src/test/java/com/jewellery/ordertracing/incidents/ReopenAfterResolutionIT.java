package com.jewellery.ordertracing.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.incidents.api.IncidentDetails;
import com.jewellery.ordertracing.incidents.api.TimelineKind;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.support.CallerContext;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** With {@code after-resolution=REOPEN} a matching failure after the fix reopens the incident, recorded and notified. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=incidents_reopen_it",
            "spring.flyway.schemas=incidents_reopen_it",
            "portal.index.enabled=false",
            "portal.incidents.matcher-interval=1h",
            "portal.incidents.after-resolution=REOPEN"
        })
class ReopenAfterResolutionIT {

    @Autowired
    IncidentService service;

    @Autowired
    IncidentMatcher matcher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailureAfterTheFixReopensTheIncidentAsTheRule() {
        JourneyRows rows = new JourneyRows(jdbc, "ORD-RE-");
        Instant now = Instant.now();
        rows.insert(rows.failed("1", now.minusSeconds(60), "mes.price", now.minusSeconds(50), "quote 1 expired"));
        matcher.match(Instant.now());
        String key = as(() -> service.create(
                new IncidentDraft("Expired quotes", null, Severity.MEDIUM, null, Set.of(), List.of()),
                List.of(rows.id("1"))));
        as(() -> service.changeStatus(key, service.details(key).version(), IncidentStatus.RESOLVED, "renewed"));

        rows.insert(rows.failed("2", Instant.now(), "mes.price", Instant.now(), "quote 2 expired"));
        IncidentMatcher.Run run = matcher.match(Instant.now());

        assertThat(run.reopened()).isEqualTo(1);
        IncidentDetails reopened = as(() -> service.details(key));
        assertThat(reopened.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(as(() -> service.timeline(key, 0, 10))).anySatisfy(item -> {
            assertThat(item.kind()).isEqualTo(TimelineKind.REOPENED);
            assertThat(item.actor()).isEqualTo(IncidentMatcher.ACTOR);
        });
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM alert_notification WHERE fields ->> 'incident' = ?"
                                + " AND fields ->> 'by' = 'rule' AND event = 'INCIDENT_STATUS'",
                        Long.class,
                        key))
                .isPositive();
    }

    private <T> T as(Supplier<T> work) {
        return CallerContext.as("support", Roles.SUPPORT, work);
    }
}

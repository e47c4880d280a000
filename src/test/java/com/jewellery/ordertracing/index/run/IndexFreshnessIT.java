package com.jewellery.ordertracing.index.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.base.IndexAge;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.support.CallerContext;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The age the data pages' banner shows comes from the indexer's cursors in the database: past the configured
 * threshold it is reported, within it nothing is (in a schema of its own, the indexer off).
 */
@IntegrationTest
@TestPropertySource(properties = {"server.port=0", "portal.index.enabled=false", "portal.outage.stale-index-after=2m"})
class IndexFreshnessIT {

    private static final String SCHEMA = "index_freshness_it";

    @Autowired
    IndexAge indexAge;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        TestDatabase.ownSchema(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabase.dropSchema(SCHEMA);
    }

    @Test
    void anIndexBehindByMoreThanTheThresholdIsReportedWithItsAge() {
        Authentication support = UsernamePasswordAuthenticationToken.authenticated(
                "support", "n/a", List.of(new SimpleGrantedAuthority(Roles.PREFIX + Roles.SUPPORT)));

        cursorsAt(Instant.now().minus(Duration.ofMinutes(7)));
        Optional<Duration> stale = CallerContext.as(support, indexAge::staleBy);
        assertThat(stale)
                .hasValueSatisfying(age -> assertThat(age).isBetween(Duration.ofMinutes(7), Duration.ofMinutes(8)));

        cursorsAt(Instant.now().minusSeconds(30));
        assertThat(CallerContext.as(support, indexAge::staleBy)).isEmpty();
    }

    private void cursorsAt(Instant readUntil) {
        jdbc.update("DELETE FROM indexer_cursor");
        for (String service : List.of("shop", "crm", "rabbitmq", "mes")) {
            jdbc.update(
                    "INSERT INTO indexer_cursor (service, read_until, updated_at) VALUES (?, ?, now())",
                    service,
                    Timestamp.from(readUntil));
        }
    }
}

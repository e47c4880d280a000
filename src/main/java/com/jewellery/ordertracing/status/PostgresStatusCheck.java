package com.jewellery.ordertracing.status;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The portal's own database: answers a query, and says which server it is. */
@Component
class PostgresStatusCheck implements StatusCheck {

    private final JdbcTemplate jdbc;

    PostgresStatusCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ComponentStatus check() {
        return TimedCheck.run(
                "status.component.postgres",
                "status.problem.postgres",
                () -> new TimedCheck.Probe(jdbc.queryForObject("select version()", String.class), List.of()));
    }

    @Override
    public String nameKey() {
        return "status.component.postgres";
    }

    @Override
    public int order() {
        return 20;
    }
}

package com.jewellery.ordertracing.base.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * TIMESTAMPTZ values in and out of JDBC as instants, independent of the JVM's time zone: the one helper
 * every feature's queries use.
 */
public final class SqlTimes {

    private SqlTimes() {}

    /** The instant as a UTC offset date-time, the type the PostgreSQL driver binds as TIMESTAMPTZ; null stays null. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The column's TIMESTAMPTZ as an instant; SQL NULL as null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

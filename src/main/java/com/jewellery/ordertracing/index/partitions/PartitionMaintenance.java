package com.jewellery.ordertracing.index.partitions;

import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps the daily partitions of {@code order_journey} in step with the calendar:
 * creates today's and the next days' partitions, drops those past retention, and deletes expired rows
 * from the DEFAULT partitions. Runs in the indexer lock holder only, at its first run and then once per
 * UTC day.
 *
 * <p>A new range partition cannot be attached while the DEFAULT partition holds rows of its range (for
 * example journeys backfilled from a day that had no partition yet). Each partition is therefore created
 * as a plain table, the DEFAULT partition's rows of that day are moved into it, and then it is attached,
 * all in one transaction, so readers never see the rows twice or not at all. The move is cheap in normal
 * operation, where partitions exist days ahead and DEFAULT stays empty.
 */
public final class PartitionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
    /** The partitioned tables and their partition keys. */
    private static final List<Table> TABLES = List.of(
            new Table("order_journey", "first_seen"),
            new Table("order_measurement", "first_seen"),
            new Table("stage_drill_down", "first_seen"),
            new Table("stage_rollup_minute", "bucket_start"),
            new Table("stage_rollup_15m", "bucket_start"),
            new Table("stage_rollup_hour", "bucket_start"),
            new Table("stage_rollup_6h", "bucket_start"));

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;
    private final int ahead;
    private final int retentionDays;
    private final Clock clock;
    private LocalDate lastDone;

    public PartitionMaintenance(
            JdbcTemplate jdbc, TransactionOperations transactions, int ahead, int retentionDays, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ahead = ahead;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /** Maintains the partitions unless that was already done today. */
    public void maintainIfDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(lastDone)) {
            maintain(today);
            lastDone = today;
        }
    }

    void maintain(LocalDate today) {
        for (Table table : TABLES) {
            PartitionPlan plan = PartitionPlan.of(table.name, partitions(table), today, ahead, retentionDays);
            plan.create().forEach(day -> transactions.executeWithoutResult(status -> create(table, day)));
            plan.drop().forEach(partition -> jdbc.execute("DROP TABLE IF EXISTS " + partition));
            int expired = jdbc.update(
                    "DELETE FROM " + table.defaultPartition() + " WHERE " + table.key + " < ?",
                    SqlTimes.timestamp(start(plan.retainFrom())));
            if (!plan.create().isEmpty() || !plan.drop().isEmpty() || expired > 0) {
                log.info(
                        "Partitions of {}: created {}, dropped {}, deleted {} expired rows from the default partition",
                        table.name,
                        plan.create(),
                        plan.drop(),
                        expired);
            }
        }
    }

    List<String> partitions(Table table) {
        return jdbc.queryForList("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = CAST(? AS regclass) ORDER BY c.relname""", String.class, table.name);
    }

    private void create(Table table, LocalDate day) {
        String partition = PartitionPlan.name(table.name, day);
        String from = "'" + start(day) + "'";
        String to = "'" + start(day.plusDays(1)) + "'";
        jdbc.execute(
                "CREATE TABLE " + partition + " (LIKE " + table.name + " INCLUDING DEFAULTS INCLUDING COMPRESSION)");
        int moved = jdbc.update("WITH moved AS (DELETE FROM " + table.defaultPartition() + " WHERE " + table.key
                + " >= " + from + " AND " + table.key + " < " + to + " RETURNING *) INSERT INTO " + partition
                + " SELECT * FROM moved");
        jdbc.execute("ALTER TABLE " + table.name + " ATTACH PARTITION " + partition + " FOR VALUES FROM (" + from
                + ") TO (" + to + ")");
        if (moved > 0) {
            log.info("Moved {} rows of {} from the default partition into {}", moved, day, partition);
        }
    }

    private static java.time.Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A partitioned table: its name and its partition key column. */
    record Table(String name, String key) {
        String defaultPartition() {
            return name + "_default";
        }
    }
}

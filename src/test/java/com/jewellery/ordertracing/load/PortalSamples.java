package com.jewellery.ordertracing.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load run watches every few seconds: the portal process's CPU, its heap after each collection (from its
 * GC log), how far the index is behind (the indexer's earliest cursor, and the age of the newest order it
 * holds), and the whole machine's CPU, since other processes share it. Also keeps the file of recently indexed
 * order ids the browser users look up.
 */
final class PortalSamples {

    /** One sampling interval. */
    record Sample(
            Instant at,
            double portalCores,
            double machineBusyCores,
            double cursorLagSeconds,
            double newestOrderAgeSeconds,
            long journeys,
            List<GcLog.Collection> collections) {}

    private final ProcessHandle portal;
    private final GcLog gcLog;
    private final Connection database;
    private final Path idsFile;
    private final List<Sample> samples = new ArrayList<>();
    private Duration lastCpu;
    private long[] lastMachine;
    private Instant lastAt;
    private int collectionsSeen;

    PortalSamples(long portalPid, GcLog gcLog, Connection database, Path idsFile) throws IOException {
        this.portal =
                ProcessHandle.of(portalPid).orElseThrow(() -> new IllegalStateException("no process " + portalPid));
        this.gcLog = gcLog;
        this.database = database;
        this.idsFile = idsFile;
        this.lastCpu = cpu();
        this.lastMachine = MachineCpu.read();
        this.lastAt = Instant.now();
        this.collectionsSeen = gcLog.collections().size();
    }

    Sample take() throws IOException, SQLException {
        Instant now = Instant.now();
        Duration cpu = cpu();
        long[] machine = MachineCpu.read();
        double seconds = Duration.between(lastAt, now).toMillis() / 1000.0;
        List<GcLog.Collection> all = gcLog.collections();
        List<GcLog.Collection> fresh = List.copyOf(all.subList(Math.min(collectionsSeen, all.size()), all.size()));
        double[] lag = lag(now);
        Sample sample = new Sample(
                now,
                cpu.minus(lastCpu).toMillis() / 1000.0 / seconds,
                MachineCpu.busyCores(lastMachine, machine),
                lag[0],
                lag[1],
                (long) lag[2],
                fresh);
        samples.add(sample);
        lastCpu = cpu;
        lastMachine = machine;
        lastAt = now;
        collectionsSeen = all.size();
        writeRecentIds();
        return sample;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    private Duration cpu() {
        return portal.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Seconds behind now of the earliest cursor and of the newest order's first span; and the journey count. */
    private double[] lag(Instant now) throws SQLException {
        try (Statement statement = database.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT (SELECT min(read_until) FROM indexer_cursor),
                               (SELECT max(first_seen) FROM order_journey),
                               (SELECT count(*) FROM order_journey)""")) {
            row.next();
            return new double[] {
                secondsBefore(now, row.getTimestamp(1)), secondsBefore(now, row.getTimestamp(2)), row.getLong(3)
            };
        }
    }

    private static double secondsBefore(Instant now, java.sql.Timestamp at) {
        return at == null ? Double.NaN : Duration.between(at.toInstant(), now).toMillis() / 1000.0;
    }

    private void writeRecentIds() throws SQLException, IOException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT order_id FROM order_journey ORDER BY first_seen DESC LIMIT 2000")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        Path next = idsFile.resolveSibling(idsFile.getFileName() + ".next");
        Files.write(next, ids);
        Files.move(next, idsFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

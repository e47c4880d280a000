package com.jewellery.ordertracing.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own, from the binaries bin/stack installed, on a free port: a fault test may
 * stop and start it without touching the shared database everyone else's tests use. As root (the build
 * machines) the server runs as user postgres, as bin/stack runs it. About two seconds to create, one to start.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN =
            Path.of("/usr/lib/postgresql", System.getenv().getOrDefault("POSTGRES_MAJOR", "15"), "bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path directory;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path directory, int port) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
    }

    /** Creates and starts a cluster with database {@code portal} owned by user {@code portal} (password portal). */
    public static PrivatePostgres start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("private-postgres-");
        PrivatePostgres postgres = new PrivatePostgres(directory, freePort());
        if (ROOT) {
            run(List.of("chown", "postgres:postgres", directory.toString()));
        }
        postgres.asServerUser(
                "initdb",
                "-D",
                postgres.data.toString(),
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--auth-local=trust",
                "--auth-host=scram-sha-256");
        postgres.startServer();
        postgres.asServerUser(
                "psql",
                "-h",
                directory.toString(),
                "-p",
                Integer.toString(postgres.port),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-qc",
                "CREATE ROLE portal LOGIN PASSWORD 'portal'",
                "-c",
                "CREATE DATABASE portal OWNER portal");
        return postgres;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/portal";
    }

    public int port() {
        return port;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "portal", "portal");
    }

    /** Stops the server the way a crash looks to its clients: every connection cut, no checkpoint. */
    public void stop() throws IOException, InterruptedException {
        asServerUser("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
    }

    /** Starts it again on the same port, with the same data. */
    public void startServer() throws IOException, InterruptedException {
        asServerUser(
                "pg_ctl",
                "-D",
                data.toString(),
                "-l",
                directory.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asServerUser("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        run(List.of("rm", "-rf", directory.toString()));
    }

    private void asServerUser(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

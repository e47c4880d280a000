package com.jewellery.ordertracing.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The stack's real Keycloak, paused for a fault test: {@code SIGSTOP} to its process group (bin/stack starts it in
 * a session of its own), so its port still accepts connections but nothing answers, as a hung provider; {@code
 * SIGCONT} when closed, after which it answers again at once. Never left paused: use it in try-with-resources.
 */
public final class StackKeycloak implements AutoCloseable {

    private static final Path PID_FILE = LocalTls.DIR.getParent().resolve("run/keycloak.pid");

    private final long group;

    private StackKeycloak(long group) {
        this.group = group;
    }

    /** Pauses the stack's Keycloak until {@link #close()}. */
    public static StackKeycloak pause() {
        try {
            long group = Long.parseLong(Files.readString(PID_FILE).trim());
            signal("-STOP", group);
            return new StackKeycloak(group);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no Keycloak started by bin/stack (" + PID_FILE + "): run bin/stack start", e);
        }
    }

    @Override
    public void close() {
        signal("-CONT", group);
    }

    private static void signal(String signal, long group) {
        try {
            Process kill = new ProcessBuilder("kill", signal, "--", "-" + group)
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " -" + group + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill " + signal + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling Keycloak", e);
        }
    }
}

package com.jewellery.ordertracing.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser users of a load run: {@code src/test/load/users.mjs} in Node, one Chromium with a context per
 * user (see there why Node), whose one JSON line per step is counted here per step kind.
 */
final class BrowserUsers {

    private final Process process;
    private final Thread reader;
    private final Map<String, Distribution> okMillis = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<String> firstErrors = new ArrayList<>();

    private BrowserUsers(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().start(this::read);
    }

    /**
     * @param browserHome HOME for Chromium, whose NSS store trusts the stack's CA (as the browser tests use)
     * @param idle        the browsers run under the idle scheduling policy, below every server process
     */
    static BrowserUsers start(
            String node,
            Path script,
            Path playwrightCore,
            String portal,
            int users,
            Duration duration,
            Path idsFile,
            Duration ramp,
            Path browserHome,
            boolean idle)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (idle) {
            // only on CPU no server process wants: on one machine the browsers stand in for the users' own
            // computers. Not nice(1): Chromium sets its processes' nice values itself (its main one at -8)
            command.addAll(List.of("chrt", "--idle", "0"));
        }
        command.addAll(List.of(
                node,
                script.toString(),
                playwrightCore.toString(),
                portal,
                Integer.toString(users),
                Long.toString(duration.toSeconds()),
                idsFile.toString(),
                Long.toString(ramp.toSeconds())));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (browserHome != null) {
            builder.environment().put("HOME", browserHome.toString());
        }
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new BrowserUsers(builder.start());
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                count(line);
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    private void count(String line) {
        if (!line.startsWith("{")) {
            System.out.println("users: " + line);
            return;
        }
        JsonNode step = JsonMapper.shared().readTree(line);
        String action = step.get("action").asString();
        if (step.get("ok").asBoolean()) {
            okMillis.computeIfAbsent(action, a -> new Distribution())
                    .add(step.get("ms").asDouble());
        } else {
            failures.merge(action, 1, Integer::sum);
            synchronized (firstErrors) {
                if (firstErrors.size() < 10) {
                    firstErrors.add(action + ": " + step.path("error").asString(""));
                }
            }
        }
    }

    /** Waits for the users to finish (they stop at their deadline) and for their last lines to be counted. */
    int await(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroy();
        }
        reader.join(10_000);
        return process.exitValue();
    }

    Map<String, Distribution> okMillis() {
        return new TreeMap<>(okMillis);
    }

    Map<String, Integer> failures() {
        return new TreeMap<>(failures);
    }

    List<String> firstErrors() {
        synchronized (firstErrors) {
            return List.copyOf(firstErrors);
        }
    }
}

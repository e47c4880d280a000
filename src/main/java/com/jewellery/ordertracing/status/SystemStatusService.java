package com.jewellery.ordertracing.status;

import com.jewellery.ordertracing.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Asks every component at once, so one slow component does not add to the others' waits, and answers
 * within {@code portal.status.timeout} whatever a component does: a check still running then is shown as
 * not answering and interrupted (a hung socket, a pool waiting for a dead database).
 */
@Service
public class SystemStatusService {

    /** Time for the checks' own timeouts to fire first, so their messages (which name the setting) win. */
    private static final Duration GRACE = Duration.ofMillis(250);

    private final List<StatusCheck> checks;
    private final Duration timeout;
    private final Clock clock;

    SystemStatusService(List<StatusCheck> checks, StatusProperties properties, Clock clock) {
        this.checks = checks.stream()
                .sorted(Comparator.comparingInt(StatusCheck::order))
                .toList();
        this.timeout = properties.timeout();
        this.clock = clock;
    }

    @PreAuthorize(Roles.CAN_STAFF)
    public SystemStatus currentStatus() {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<ComponentStatus>> answers =
                    checks.stream().map(check -> executor.submit(check::check)).toList();
            long deadline = System.nanoTime() + timeout.plus(GRACE).toNanos();
            List<ComponentStatus> statuses = new ArrayList<>(checks.size());
            for (int i = 0; i < checks.size(); i++) {
                statuses.add(answer(checks.get(i), answers.get(i), deadline));
            }
            return new SystemStatus(clock.instant(), statuses);
        } finally {
            // not close(): that would wait for a hung check
            executor.shutdownNow();
        }
    }

    private ComponentStatus answer(StatusCheck check, Future<ComponentStatus> answer, long deadlineNanos) {
        try {
            return answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException silent) {
            answer.cancel(true);
            return ComponentStatus.down(
                    check.nameKey(),
                    "fault.status.timeout",
                    "no answer within " + timeout.toMillis() + " ms (portal.status.timeout)",
                    timeout);
        } catch (ExecutionException failed) {
            return ComponentStatus.down(
                    check.nameKey(), "fault.status.checkFailed", String.valueOf(failed.getCause()), timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the status checks", interrupted);
        }
    }
}

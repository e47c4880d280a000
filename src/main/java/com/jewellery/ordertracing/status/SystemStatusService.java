package com.jewellery.ordertracing.status;

import com.jewellery.ordertracing.security.Roles;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Asks every component at once, so one slow component does not add to the others' waits. */
@Service
public class SystemStatusService {

    private final List<StatusCheck> checks;
    private final Clock clock;

    SystemStatusService(List<StatusCheck> checks, Clock clock) {
        this.checks = checks.stream()
                .sorted(Comparator.comparingInt(StatusCheck::order))
                .toList();
        this.clock = clock;
    }

    @PreAuthorize(Roles.CAN_STAFF)
    public SystemStatus currentStatus() {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<ComponentStatus>> answers = checks.stream()
                    .map(check -> CompletableFuture.supplyAsync(check::check, executor))
                    .toList();
            return new SystemStatus(
                    clock.instant(),
                    answers.stream().map(CompletableFuture::join).toList());
        }
    }
}

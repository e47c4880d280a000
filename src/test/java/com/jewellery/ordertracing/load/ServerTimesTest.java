package com.jewellery.ordertracing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTimesTest {

    @Test
    void onlyTheUidlRequestsCountInMilliseconds(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        Files.writeString(log, """
                POST /?v-r=uidl&v-uiId=3 200 12500
                GET /VAADIN/build/bundle.js 200 900
                POST /?v-r=uidl&v-uiId=4 200 250000
                POST /login 302 4000
                POST /?v-r=heartbeat&v-uiId=3 200 300
                """);

        Distribution times = ServerTimes.uidl(log);

        assertThat(times.count()).isEqualTo(2);
        assertThat(times.percentile(0.5)).isEqualTo(12.5);
        assertThat(times.max()).isEqualTo(250.0);
    }

    @Test
    void aRunWithoutALogHasNoTimes(@TempDir Path dir) throws Exception {
        assertThat(ServerTimes.uidl(dir.resolve("none.log")).count()).isZero();
    }
}

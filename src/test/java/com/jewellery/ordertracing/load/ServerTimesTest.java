package com.jewellery.ordertracing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTimesTest {

    @Test
    void onlyTheUidlRequestsCountInMilliseconds(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        Files.writeString(log, """
                1764633600000 POST /?v-r=uidl&v-uiId=3 200 12500
                1764633600100 GET /VAADIN/build/bundle.js 200 900
                1764633600200 POST /?v-r=uidl&v-uiId=4 200 250000
                1764633600300 POST /login 302 4000
                1764633600400 POST /?v-r=heartbeat&v-uiId=3 200 300
                1764633601000 POST /?v-r=uidl&v-uiId=3 200 3000
                """);

        Distribution all = ServerTimes.uidl(log, Instant.EPOCH);
        Distribution later = ServerTimes.uidl(log, Instant.ofEpochMilli(1764633600500L));

        assertThat(all.count()).isEqualTo(3);
        assertThat(all.percentile(0.5)).isEqualTo(12.5);
        assertThat(all.max()).isEqualTo(250.0);
        assertThat(later.count()).isEqualTo(1);
        assertThat(later.max()).isEqualTo(3.0);
    }

    @Test
    void aRunWithoutALogHasNoTimes(@TempDir Path dir) throws Exception {
        assertThat(ServerTimes.uidl(dir.resolve("none.log"), Instant.EPOCH).count())
                .isZero();
    }
}

package com.jewellery.ordertracing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

    @Test
    void readsTheHeapAfterEachPauseAndTellsAFullCollectionApart() {
        List<GcLog.Collection> collections = GcLog.parse(List.of(
                "[0.012s][info][gc] Using G1",
                "[5.331s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->7M(260M) 4.120ms",
                "[9.002s][info][gc] GC(1) Pause Young (Concurrent Start) (Metadata GC Threshold) 61M->12M(260M) 6.9ms",
                "[9.010s][info][gc] GC(2) Concurrent Mark Cycle",
                "[99.5s][info][gc] GC(3) Pause Full (System.gc()) 140M->88M(300M) 120.2ms"));

        assertThat(collections)
                .extracting(GcLog.Collection::number, GcLog.Collection::afterMb, GcLog.Collection::full)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 7, false),
                        org.assertj.core.groups.Tuple.tuple(1, 12, false),
                        org.assertj.core.groups.Tuple.tuple(3, 88, true));
    }

    @Test
    void aLogNotWrittenYetHasNoCollections(@TempDir Path dir) throws Exception {
        GcLog log = new GcLog(dir.resolve("gc.log"));
        assertThat(log.collections()).isEmpty();

        Files.writeString(
                dir.resolve("gc.log"),
                "[1.0s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 9M->3M(16M) 1ms\n");
        assertThat(log.collections()).extracting(GcLog.Collection::afterMb).containsExactly(3);
    }
}

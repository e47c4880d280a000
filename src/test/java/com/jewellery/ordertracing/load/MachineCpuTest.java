package com.jewellery.ordertracing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void busyCoresCountEverythingButIdleAndIoWait() {
        long[] before = MachineCpu.parse("cpu  100 0 50 800 50 0 0 0 0 0");
        long[] after = MachineCpu.parse("cpu  160 0 70 900 70 0 0 0 0 0");

        // 80 busy of 200 jiffies
        assertThat(MachineCpu.busyCores(before, after))
                .isCloseTo(0.4 * Runtime.getRuntime().availableProcessors(), within(1e-9));
    }
}

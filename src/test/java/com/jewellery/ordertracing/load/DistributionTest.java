package com.jewellery.ordertracing.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void percentilesAreNearestRank() {
        Distribution d = new Distribution();
        for (int i = 100; i >= 1; i--) {
            d.add(i);
        }
        assertThat(d.percentile(0.5)).isEqualTo(50);
        assertThat(d.percentile(0.95)).isEqualTo(95);
        assertThat(d.percentile(0)).isEqualTo(1);
        assertThat(d.max()).isEqualTo(100);
        assertThat(d.count()).isEqualTo(100);
    }

    @Test
    void anEmptyDistributionSaysSoInsteadOfAFigure() {
        assertThat(new Distribution().percentile(0.95)).isNaN();
        assertThat(new Distribution().max()).isNaN();
    }
}

package com.jewellery.ordertracing.index.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** The indexer's advisory lock on the real PostgreSQL: one holder at a time, and free the moment it is given up. */
class IndexerLockIT {

    private static final long KEY = 424_242_017L;

    @Test
    void oneInstanceHoldsItAndAnotherTakesItTheMomentItIsGivenUp() throws Exception {
        for (int handover = 0; handover < 50; handover++) {
            try (IndexerLock first = new IndexerLock(TestDatabase::connect, KEY);
                    IndexerLock second = new IndexerLock(TestDatabase::connect, KEY)) {
                assertThat(first.holdOrAcquire()).isTrue();
                assertThat(second.holdOrAcquire()).as("held by the first").isFalse();

                first.close();

                assertThat(second.holdOrAcquire())
                        .as("free at once (handover %d)", handover)
                        .isTrue();
            }
        }
    }
}

package com.jewellery.ordertracing.base;

import java.time.Duration;
import java.util.Optional;

/**
 * How far the index is behind, for the data pages' banner. The indexer provides it; the layout shows it without
 * depending on the indexer.
 */
public interface IndexAge {

    /** How far the index is behind now when that is past the configured threshold; empty otherwise. */
    Optional<Duration> staleBy();
}

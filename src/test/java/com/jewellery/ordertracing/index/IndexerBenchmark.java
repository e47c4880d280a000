package com.jewellery.ordertracing.index;

/**
 * The name {@code bin/index-benchmark} starts; the benchmark itself is {@link
 * com.jewellery.ordertracing.index.run.IndexerBenchmark}, beside the indexer internals it drives. Goes once
 * the script names that class.
 */
public final class IndexerBenchmark {

    private IndexerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        com.jewellery.ordertracing.index.run.IndexerBenchmark.main(args);
    }
}

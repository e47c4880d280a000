package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistogramTest {

    @Test
    void theStatedErrorIsUnderOnePercent() {
        assertThat(LogBuckets.RELATIVE_ERROR).isLessThan(0.01).isCloseTo(0.0099, within(0.0001));
    }

    @Test
    void everyDurationLiesInItsBucketAndItsRepresentativeIsWithinTheBound() {
        Random random = new Random(7);
        long[] samples = LongStream.concat(LongStream.rangeClosed(1, 5000), random.longs(200_000, 1, 86_400_000_000L))
                .toArray();
        for (long micros : samples) {
            int bucket = LogBuckets.bucketOf(micros);
            assertThat(LogBuckets.lowerEdge(bucket))
                    .as("lower edge of %d", micros)
                    .isLessThanOrEqualTo(micros);
            assertThat(LogBuckets.upperEdge(bucket))
                    .as("upper edge of %d", micros)
                    .isGreaterThan(micros);
            assertThat(relativeError(LogBuckets.representative(bucket), micros))
                    .as("%d µs", micros)
                    .isLessThanOrEqualTo(LogBuckets.RELATIVE_ERROR + 1e-12);
        }
    }

    @Test
    void bucketEdges() {
        assertThat(LogBuckets.bucketOf(0)).isZero();
        assertThat(LogBuckets.bucketOf(-5)).as("a clock-skewed negative wait").isZero();
        assertThat(LogBuckets.representative(0)).isZero();
        assertThat(LogBuckets.bucketOf(1)).isEqualTo(1);
        // 1.02^k rounded up is the first whole microsecond of the next bucket once buckets are wider than 1 µs
        int bucket = LogBuckets.bucketOf(1_000_000);
        long lower = (long) Math.ceil(LogBuckets.lowerEdge(bucket));
        assertThat(LogBuckets.bucketOf(lower)).isEqualTo(bucket);
        assertThat(LogBuckets.bucketOf(lower - 1)).isEqualTo(bucket - 1);
        assertThat(LogBuckets.bucketOf(Long.MAX_VALUE)).isEqualTo(LogBuckets.MAX_BUCKET);
        assertThat(LogBuckets.MAX_BUCKET).isLessThan(Short.MAX_VALUE);
    }

    @Test
    void anEmptyHistogramHasNoPercentilesAndNoRates() {
        Histogram empty = new Histogram();
        assertThat(empty.percentileMicros(0.5)).isEmpty();
        assertThat(empty.errorRate()).isEmpty();
        assertThat(empty.slaCompliance()).isEmpty();
        assertThat(empty.total()).isZero();
        assertThatThrownBy(() -> empty.percentileMicros(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Log-normal stage durations (and a slow tail) as the flow produces them, from 20 to 100,000 samples. */
    @ParameterizedTest
    @ValueSource(ints = {20, 1_000, 100_000})
    void percentilesOfSummedBucketsAreWithinTheBoundOfTheExactNearestRankPercentiles(int size) {
        Random random = new Random(size);
        long[] durations = new long[size];
        for (int i = 0; i < size; i++) {
            double millis = Math.exp(3 + random.nextGaussian()) * (random.nextInt(100) == 0 ? 40 : 1);
            durations[i] = Math.round(millis * 1000);
        }
        // split over several "minutes" and summed, as a range query sums rollup rows
        Histogram[] minutes = {new Histogram(), new Histogram(), new Histogram()};
        for (int i = 0; i < size; i++) {
            minutes[i % 3].add(LogBuckets.bucketOf(durations[i]), 1, i % 10 == 0 ? 1 : 0, 1);
        }
        Histogram range = new Histogram();
        Arrays.stream(minutes).forEach(range::addAll);
        long[] sorted = durations.clone();
        Arrays.sort(sorted);

        for (double p : new double[] {0.5, 0.95, 0.99, 1.0}) {
            long exact = sorted[(int) Math.ceil(p * size) - 1];
            double estimate = range.percentileMicros(p).orElseThrow();
            assertThat(relativeError(estimate, exact))
                    .as("p%s of %d durations", p * 100, size)
                    .isLessThanOrEqualTo(LogBuckets.RELATIVE_ERROR + 1e-12);
        }
        assertThat(range.total()).isEqualTo(size);
        assertThat(range.errorRate().orElseThrow()).isCloseTo((size + 9) / 10 / (double) size, within(1e-12));
        assertThat(range.slaCompliance().orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void subtractingAMeasurementTakesItOutAgain() {
        Histogram histogram = new Histogram();
        histogram.add(LogBuckets.bucketOf(10_000), 1, 0, 1);
        histogram.add(LogBuckets.bucketOf(900_000), 1, 1, 0);
        histogram.add(LogBuckets.bucketOf(900_000), -1, -1, 0);

        assertThat(histogram.total()).isEqualTo(1);
        assertThat(histogram.percentileMicros(0.99).orElseThrow()).isCloseTo(10_000, within(100.0));
        assertThat(histogram.errorRate()).hasValue(0.0);
    }

    /** The same two rows as PostgreSQL writes them in text and in its binary array format. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRollupRowsArrayAddsAtItsLowerBoundZerosNullsAndGapsIncluded(boolean binary) {
        Histogram fromRows = new Histogram();
        fromRows.addRow(binary ? binaryArray(300, 2, 0, null, 1) : ascii("[300:303]={2,0,NULL,1}"), 1, 2);
        fromRows.addRow(binary ? binaryArray(298, 1, 0, 0, 0, 0, 4) : ascii("[298:303]={1,0,0,0,0,4}"), 0, 5);
        Histogram fromCells = new Histogram();
        fromCells.add(298, 1, 0, 0);
        fromCells.add(300, 2, 0, 0);
        fromCells.add(303, 5, 1, 7);

        assertThat(fromRows.total()).isEqualTo(8).isEqualTo(fromCells.total());
        assertThat(fromRows.errors()).isEqualTo(1);
        assertThat(fromRows.slaOk()).isEqualTo(7);
        for (double p : new double[] {0.1, 0.2, 0.4, 0.5, 0.99}) {
            assertThat(fromRows.percentileMicros(p)).as("p%s", p).isEqualTo(fromCells.percentileMicros(p));
        }
        assertThat(fromRows.percentileMicros(0.1).orElseThrow()).isEqualTo(LogBuckets.representative(298));
        assertThat(fromRows.percentileMicros(1.0).orElseThrow()).isEqualTo(LogBuckets.representative(303));
    }

    @Test
    void arrayTextWithoutBoundsStartsAtOneAndNegativeChangesSubtract() {
        Histogram histogram = new Histogram();
        histogram.addRow(ascii("{3,1}"), 0, 0);
        histogram.addRow(ascii("[1:2]={-1,-1}"), 0, 0);
        histogram.addRow(ascii("{}"), 0, 0);
        histogram.addRow(binaryArray(5), 0, 0);

        assertThat(histogram.total()).isEqualTo(2);
        assertThat(histogram.percentileMicros(1.0).orElseThrow()).isEqualTo(LogBuckets.representative(1));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** PostgreSQL's binary send format of a one-dimensional integer[] (an empty one without elements has 0 dims). */
    private static byte[] binaryArray(int lowerBound, Integer... elements) {
        ByteBuffer out = ByteBuffer.allocate(20 + 8 * elements.length);
        out.putInt(elements.length == 0 ? 0 : 1)
                .putInt(Arrays.asList(elements).contains(null) ? 1 : 0)
                .putInt(23);
        if (elements.length > 0) {
            out.putInt(elements.length).putInt(lowerBound);
        }
        for (Integer element : elements) {
            if (element == null) {
                out.putInt(-1);
            } else {
                out.putInt(4).putInt(element);
            }
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private static double relativeError(double estimate, double exact) {
        return exact == 0 ? Math.abs(estimate) : Math.abs(estimate - exact) / exact;
    }
}

package com.jewellery.ordertracing.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journey rows planted by SQL for benchmarks, millions at a time: {@code count} orders first seen evenly over
 * {@code [from, from + span)}; every 100th is open (stopped at one of seven stages), one in five of those
 * failed there with a pricing error; the rest completed. The partitions must exist.
 */
public final class PlantedJourneys {

    private PlantedJourneys() {}

    public static void insert(JdbcTemplate jdbc, String prefix, Instant from, Duration span, long count) {
        jdbc.update("""
                WITH base AS (
                    SELECT i, CAST(? AS timestamptz) + (i - 1) * (interval '1 second' * ? / ?) AS first_seen,
                           (ARRAY['shop.create','shop.send','crm.process','crm.publish','mes.consume','mes.price',
                                  'mes.price'])[1 + (i / 100) % 7] AS open_stage
                    FROM generate_series(1, ?) AS i)
                INSERT INTO order_journey (order_id, first_seen, last_seen, last_stage, last_stage_ended_at,
                    current_status, outcome, has_error, error_stage, error_message, trace_ids, journey, indexed_at)
                SELECT ? || lpad(i::text, 8, '0'), first_seen, first_seen + interval '20 seconds',
                       CASE WHEN i % 100 = 0 THEN open_stage ELSE 'mes.approve' END,
                       first_seen + CASE WHEN i % 100 = 0 THEN interval '3 seconds' ELSE interval '20 seconds' END,
                       CASE WHEN i % 100 = 0 THEN 'IN_CRM' ELSE 'MANUFACTURING_APPROVED' END,
                       CASE WHEN i % 100 <> 0 THEN 'COMPLETED' WHEN i % 500 = 0 THEN 'FAILED' ELSE 'IN_PROGRESS' END,
                       i % 500 = 0, CASE WHEN i % 500 = 0 THEN open_stage END,
                       CASE WHEN i % 500 = 0 THEN 'Pricing service answered 503, retries exhausted' END,
                       ARRAY[md5(i::text)],
                       jsonb_build_object('stages', jsonb_build_array(
                           jsonb_build_object('definition', jsonb_build_object('id', 'shop.create'), 'state', 'OK'),
                           jsonb_build_object('definition', jsonb_build_object('id', 'shop.send'), 'state', 'OK'),
                           jsonb_build_object('definition', jsonb_build_object('id', 'crm.process'), 'state', 'OK'),
                           jsonb_build_object('definition', jsonb_build_object('id', 'crm.publish'), 'state', 'OK'),
                           jsonb_build_object('definition', jsonb_build_object('id', 'rabbitmq.queue'),
                               'state', CASE WHEN i % 100 = 0 THEN 'MISSING' ELSE 'OK' END),
                           jsonb_build_object('definition', jsonb_build_object('id', 'mes.consume'),
                               'state', CASE WHEN i % 100 = 0 THEN 'MISSING' ELSE 'OK' END),
                           jsonb_build_object('definition', jsonb_build_object('id', 'mes.price'),
                               'state', CASE WHEN i % 100 = 0 THEN 'MISSING' ELSE 'OK' END),
                           jsonb_build_object('definition', jsonb_build_object('id', 'mes.approve'),
                               'state', CASE WHEN i % 100 = 0 THEN 'MISSING' ELSE 'OK' END))),
                       first_seen + interval '25 seconds'
                FROM base""", Timestamp.from(from), span.toSeconds(), count, count, prefix);
    }
}

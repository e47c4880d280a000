-- The error columns of order_journey (error_stage, error_message: the lost-orders list, the alerts, the reporting
-- views) named a journey's latest error. Since V24 the indexer writes the error where the failure started, as the
-- incidents' fingerprints always did (OrderJourney.originError: the earliest error at the furthest stage of the
-- journey): a price calculation's exception is recorded again, later, on the MES consumer span that passed it on,
-- and the list said "MES: received" for a pricing error. Rows written before are brought in line from their JSON
-- here; a re-index would not do it, as it rewrites only the journeys that gain spans. The message now follows the
-- exception's simple name when the error has one ("PricingException: no price quote …", JourneyColumns.message).
UPDATE order_journey j
SET (error_stage, error_message) = (
        SELECT e.error ->> 'stageId',
            CASE
                WHEN e.error ->> 'exceptionType' IS NULL
                    OR starts_with(coalesce(e.error ->> 'message', ''),
                        regexp_replace(e.error ->> 'exceptionType', '^.*[.$]', ''))
                    THEN e.error ->> 'message'
                ELSE regexp_replace(e.error ->> 'exceptionType', '^.*[.$]', '') || ': '
                    || coalesce(e.error ->> 'message', '')
            END
        FROM jsonb_array_elements(j.journey -> 'errors') AS e (error)
        LEFT JOIN LATERAL (
            SELECT s.position
            FROM jsonb_array_elements(j.journey -> 'stages') WITH ORDINALITY AS s (stage, position)
            WHERE s.stage -> 'definition' ->> 'id' = e.error ->> 'stageId'
        ) AS at_stage ON true
        ORDER BY coalesce(at_stage.position, 0) DESC, CAST(e.error ->> 'time' AS timestamptz)
        LIMIT 1)
WHERE j.has_error AND jsonb_array_length(j.journey -> 'errors') > 0;

-- Each linked order's current outcome, kept on the link (issue 10): the incident page counts its orders by
-- outcome from one index of incident_order instead of looking up every order's journey (210 ms for 20,000
-- orders). The indexer sets it in the transaction that writes the journey (incidents/LinkedOutcomes);
-- NULL: the index has not seen the order yet. The grid still reads the journey's outcome for its page.
ALTER TABLE incident_order ADD COLUMN outcome VARCHAR(32);

UPDATE incident_order io SET outcome = j.outcome FROM order_journey j WHERE j.order_id = io.order_id;

-- counts by outcome: an index-only scan of one incident's entries
CREATE INDEX incident_order_outcome_idx ON incident_order (incident_id, outcome);
-- links made while the indexer wrote the same order in a concurrent transaction may have read the outcome
-- before that commit: the matcher re-reads the outcome of recent links (IncidentMatcher)
CREATE INDEX incident_order_attached_idx ON incident_order (attached_at);

-- The matcher (and the critical-error alert) read the failed orders by when they last moved
-- (LostOrderQueries.failedBetween): without this index that is a scan of every journey on each matcher run,
-- 0.9 s at a million journeys (bin/incidents-benchmark). Only failed orders are in it (about 1 %), so the
-- indexer's writes barely pay for it.
CREATE INDEX order_journey_failed_moved_idx ON order_journey ((COALESCE(last_stage_ended_at, first_seen)), order_id)
    WHERE outcome = 'FAILED';

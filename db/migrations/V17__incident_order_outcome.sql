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

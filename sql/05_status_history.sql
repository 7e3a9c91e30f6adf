-- Every status or response assertion that applies to a recommendation: about it (rec_id, or its
-- report and number) or about every recommendation of its report (scope all). Claims about "many"
-- or "some" recommendations of a report are not about this one and are left out (see claims_by_source).
CREATE OR REPLACE VIEW recommendation_status_history AS
SELECT r.rec_id, e.kind, e.value, e.asserted_by, e.as_of, e.as_of_source, e.scope, e.hedge, e.event_id, e.doc_id,
       e.quote, e.rec_id IS NULL AS applies_via_report
FROM recommendations AS r
JOIN status_events AS e
  ON e.rec_id = r.rec_id
  OR (e.rec_id IS NULL AND e.report_id = r.report_id
      AND (e.rec_number = r.rec_number OR (e.rec_number IS NULL AND e.scope = 'all')))
ORDER BY r.rec_id, e.as_of NULLS FIRST, e.event_id;

-- Every status or response assertion that applies to a recommendation, directly or through its report.
CREATE OR REPLACE VIEW recommendation_status_history AS
SELECT r.rec_id, e.kind, e.value, e.asserted_by, e.as_of, e.event_id, e.doc_id, e.quote,
       e.rec_id IS NULL AS applies_via_report
FROM recommendations AS r
JOIN status_events AS e
  ON e.rec_id = r.rec_id OR (e.rec_id IS NULL AND e.report_id = r.report_id)
ORDER BY r.rec_id, e.as_of NULLS FIRST, e.event_id;

-- Recommendations whose derived status is open, newest assertion first, with who says so: the
-- status_events row the status comes from (asserted_by, its scope, its date and source document).
-- A second-hand row that describes a primary recommendation (primary_rec_id set) is left out: the
-- primary counts.
CREATE OR REPLACE VIEW open_recommendations AS
SELECT r.rec_id, r.report_id, r.report_link, rp.title AS report_title, rp.issued_on AS report_issued_on,
       r.rec_number, r.text, r.themes, r.response, r.resolution, r.status_as_of,
       e.asserted_by AS status_asserted_by, e.scope AS status_scope, e.hedge AS status_hedge,
       sd.title AS status_source_title, e.doc_id AS status_doc_id, e.quote AS status_quote,
       r.evidence, r.estimated_completion_on, r.citations, r.doc_id, d.title AS source_title, d.url AS source_url,
       r.page, r.quote
FROM recommendations AS r
LEFT JOIN reports AS rp ON rp.report_id = r.report_id
LEFT JOIN documents AS d ON d.doc_id = r.doc_id
LEFT JOIN status_events AS e ON e.event_id = r.status_event_id
LEFT JOIN documents AS sd ON sd.doc_id = e.doc_id
WHERE r.status = 'open' AND r.primary_rec_id IS NULL
ORDER BY r.status_as_of DESC NULLS LAST, r.rec_id;

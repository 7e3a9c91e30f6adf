-- When was each recommendation first said to be closed, and by whom: the earliest closing
-- assertion of each asserter, with the passage that says so.
CREATE OR REPLACE VIEW recommendation_closures AS
SELECT h.rec_id, r.report_id, r.rec_number, h.asserted_by, min(h.as_of) AS first_closed_on,
       arg_min(h.quote, coalesce(h.as_of, DATE '9999-12-31')) AS quote,
       arg_min(h.doc_id, coalesce(h.as_of, DATE '9999-12-31')) AS doc_id
FROM recommendation_status_history AS h
JOIN recommendations AS r USING (rec_id)
WHERE h.kind = 'status' AND h.value = 'closed'
GROUP BY ALL
ORDER BY h.rec_id, h.asserted_by;

-- What OIG, the agency and third parties each say about a report's recommendations, side by side:
-- one row per report and kind of claim (response or status), each asserter's claims as
-- "value (scope[, n of m], as_of) [Rn]" joined in date order. `conflicting` is true when asserters
-- disagree on the implementation status (open against closed) or on the response. Claims attached
-- to a recommendation count for its report.
CREATE OR REPLACE VIEW claims_by_source AS
WITH c AS (
    SELECT coalesce(e.report_id, r.report_id) AS report_id, e.kind, e.asserted_by, e.value, e.as_of,
           e.value || ' (' || e.scope
             || CASE WHEN e.count IS NOT NULL THEN ', ' || e.count || coalesce(' of ' || e.total, '') ELSE '' END
             || ', ' || coalesce(strftime(e.as_of, '%Y-%m-%d'), 'undated') || ')'
             || CASE WHEN coalesce(e.rec_number, r.rec_number) IS NOT NULL
                     THEN ' R' || coalesce(e.rec_number, r.rec_number) ELSE '' END AS claim,
           e.event_id
    FROM status_events AS e
    LEFT JOIN recommendations AS r ON r.rec_id = e.rec_id
)
SELECT c.report_id, rp.title AS report_title, c.kind,
       string_agg(claim, '; ' ORDER BY as_of NULLS FIRST, event_id) FILTER (WHERE asserted_by = 'oig') AS oig,
       string_agg(claim, '; ' ORDER BY as_of NULLS FIRST, event_id) FILTER (WHERE asserted_by = 'agency') AS agency,
       string_agg(claim, '; ' ORDER BY as_of NULLS FIRST, event_id) FILTER (WHERE asserted_by = 'secondary')
         AS secondary,
       count(DISTINCT CASE WHEN value IN ('resolved', 'unresolved') THEN NULL ELSE value END) > 1
         AND count(DISTINCT asserted_by) > 1 AS conflicting,
       count(*) AS n_claims
FROM c
LEFT JOIN reports AS rp USING (report_id)
WHERE c.report_id IS NOT NULL
GROUP BY c.report_id, rp.title, c.kind
ORDER BY c.report_id, c.kind;

-- One row per theme: how many recommendations carry it, how many are open, closed or unknown, and
-- who asserts the open and closed statuses (OIG, the agency, a third party). Second-hand rows that
-- describe a primary recommendation are counted once, as the primary.
CREATE OR REPLACE VIEW recommendations_by_theme AS
SELECT theme,
       count(*) AS n_recommendations,
       count(*) FILTER (WHERE status = 'open') AS n_open,
       count(*) FILTER (WHERE status = 'closed') AS n_closed,
       count(*) FILTER (WHERE status = 'unknown') AS n_status_unknown,
       count(*) FILTER (WHERE status <> 'unknown' AND asserted_by = 'oig') AS n_status_by_oig,
       count(*) FILTER (WHERE status <> 'unknown' AND asserted_by = 'agency') AS n_status_by_agency,
       count(*) FILTER (WHERE status <> 'unknown' AND asserted_by = 'secondary') AS n_status_by_secondary,
       count(*) FILTER (WHERE evidence = 'primary') AS n_primary,
       count(DISTINCT report_id) AS n_reports
FROM (SELECT unnest(r.themes) AS theme, r.status, r.report_id, r.evidence, e.asserted_by
      FROM recommendations AS r LEFT JOIN status_events AS e ON e.event_id = r.status_event_id
      WHERE r.primary_rec_id IS NULL)
GROUP BY theme
ORDER BY n_recommendations DESC, theme;

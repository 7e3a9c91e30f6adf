-- One row per theme: how many recommendations carry it, and how many are open, closed or unknown
-- (second-hand rows that describe a primary recommendation are counted once, as the primary).
CREATE OR REPLACE VIEW recommendations_by_theme AS
SELECT theme,
       count(*) AS n_recommendations,
       count(*) FILTER (WHERE status = 'open') AS n_open,
       count(*) FILTER (WHERE status = 'closed') AS n_closed,
       count(*) FILTER (WHERE status = 'unknown') AS n_status_unknown,
       count(DISTINCT report_id) AS n_reports
FROM (SELECT unnest(themes) AS theme, status, report_id FROM recommendations WHERE primary_rec_id IS NULL)
GROUP BY theme
ORDER BY n_recommendations DESC, theme;

-- Training requirements per program, basic before refresher, with where each was stated.
CREATE OR REPLACE VIEW training_requirements_by_program AS
SELECT t.program, t.kind, t.course, t.course_code, t.mandatory, t.duration_value, t.duration_unit,
       t.frequency_months, t.location, t.audience, t.topics,
       d.title AS source_title, d.published_on AS source_published_on, t.doc_id, t.req_id
FROM training_requirements AS t
JOIN documents AS d USING (doc_id)
ORDER BY t.program, CASE t.kind WHEN 'basic' THEN 0 WHEN 'refresher' THEN 1 ELSE 2 END, t.course, t.req_id;

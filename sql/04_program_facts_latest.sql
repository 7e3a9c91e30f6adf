-- The latest value of each program attribute: latest as_of (or the stating document's date),
-- then the highest value (a later MOA revision year, for example), then the fact id.
CREATE OR REPLACE VIEW program_facts_latest AS
SELECT program, attribute, value_num, value_text, unit, as_of, doc_id, quote, fact_id
FROM (
    SELECT f.*, row_number() OVER (
        PARTITION BY f.program, f.attribute
        ORDER BY coalesce(f.as_of, d.published_on) DESC NULLS LAST, f.value_num DESC NULLS LAST,
                 f.value_text DESC NULLS LAST, f.fact_id
    ) AS rn
    FROM program_facts AS f JOIN documents AS d USING (doc_id)
)
WHERE rn = 1
ORDER BY program, attribute;

-- Prompts of each inspection (docs/programme.md; the example report's Annex 4): one row per
-- inspection and prompt of a counted key question, in framework order. R2, R3 as for key questions.
-- Runs unchanged on DuckDB and BigQuery (set the dataset holding the exported tables as default).
WITH
counts AS (
  SELECT
    inspection,
    question AS prompt,
    CAST(SUM(CASE WHEN answer = 'Yes' THEN 1 ELSE 0 END) AS INT64) AS yes,
    CAST(SUM(CASE WHEN answer IN ('Yes', 'No') THEN 1 ELSE 0 END) AS INT64) AS applicable
  FROM answers
  WHERE kind = 'prompt'
  GROUP BY inspection, question
)
SELECT
  i.inspection, i.provider, i.year, i.framework, s.standard, k.key_question, p.prompt, p.text,
  q.question IS NOT NULL AS has_column,
  COALESCE(n.yes, 0) AS yes,
  COALESCE(n.applicable, 0) AS applicable,
  CAST(FLOOR((200 * COALESCE(n.yes, 0) + COALESCE(n.applicable, 0)) / NULLIF(2 * COALESCE(n.applicable, 0), 0)) AS INT64) AS percent
FROM inspections AS i
JOIN standards AS s ON s.framework = i.framework AND s.kind = 'case-based'
JOIN key_questions AS k ON k.framework = s.framework AND k.standard = s.standard AND NOT k.qualitative
JOIN prompts AS p ON p.framework = k.framework AND p.key_question = k.key_question
LEFT JOIN question_columns AS q ON q.inspection = i.inspection AND q.question = p.prompt
LEFT JOIN counts AS n ON n.inspection = i.inspection AND n.prompt = p.prompt
ORDER BY i.position, s.position, k.position, p.position

-- Key questions of each inspection (docs/programme.md): one row per inspection and counted key
-- question of a case-based standard (R7 leaves qualitative ones out), in framework order.
-- R2: applicable = Yes + No. R3: the whole percentage, floor((200*yes + n) / (2*n)). R4: its band.
-- Wilson's 80% interval as fractions (z = 1.2815515641401451, the normal quantile of 0.9).
-- Runs unchanged on DuckDB and BigQuery (set the dataset holding the exported tables as default).
WITH
thresholds AS (
  SELECT
    framework,
    MAX(CASE WHEN score = 1 THEN lower_percent END) AS t1,
    MAX(CASE WHEN score = 2 THEN lower_percent END) AS t2,
    MAX(CASE WHEN score = 3 THEN lower_percent END) AS t3
  FROM bands
  GROUP BY framework
),
counted AS (
  SELECT s.framework, s.standard, s.position AS standard_position, k.key_question, k.position AS key_question_position
  FROM standards AS s
  JOIN key_questions AS k ON k.framework = s.framework AND k.standard = s.standard
  WHERE s.kind = 'case-based' AND NOT k.qualitative
),
counts AS (
  SELECT
    inspection,
    question AS key_question,
    CAST(SUM(CASE WHEN answer = 'Yes' THEN 1 ELSE 0 END) AS INT64) AS yes,
    CAST(SUM(CASE WHEN answer IN ('Yes', 'No') THEN 1 ELSE 0 END) AS INT64) AS applicable
  FROM answers
  WHERE kind = 'key question'
  GROUP BY inspection, question
),
figures AS (
  SELECT
    i.inspection, i.position AS inspection_position, i.provider, i.year, c.framework, c.standard, c.key_question,
    c.standard_position, c.key_question_position,
    q.question IS NOT NULL AS has_column,
    COALESCE(n.yes, 0) AS yes,
    COALESCE(n.applicable, 0) AS applicable,
    CAST(FLOOR((200 * COALESCE(n.yes, 0) + COALESCE(n.applicable, 0)) / NULLIF(2 * COALESCE(n.applicable, 0), 0)) AS INT64) AS percent
  FROM inspections AS i
  JOIN counted AS c ON c.framework = i.framework
  LEFT JOIN question_columns AS q ON q.inspection = i.inspection AND q.question = c.key_question
  LEFT JOIN counts AS n ON n.inspection = i.inspection AND n.key_question = c.key_question
),
banded AS (
  SELECT
    f.*,
    CASE WHEN f.percent IS NULL THEN NULL WHEN f.percent >= t.t3 THEN 3 WHEN f.percent >= t.t2 THEN 2 WHEN f.percent >= t.t1 THEN 1 ELSE 0 END AS score,
    f.yes / NULLIF(f.applicable, 0) AS p,
    1.2815515641401451 AS z
  FROM figures AS f
  JOIN thresholds AS t ON t.framework = f.framework
)
SELECT
  b.inspection, b.provider, b.year, b.framework, b.standard, b.key_question, b.has_column,
  b.yes, b.applicable, b.percent, bands.band,
  GREATEST(0, (b.p + b.z * b.z / NULLIF(2 * b.applicable, 0) - b.z * SQRT(b.p * (1 - b.p) / NULLIF(b.applicable, 0) + b.z * b.z / NULLIF(4 * b.applicable * b.applicable, 0))) / (1 + b.z * b.z / NULLIF(b.applicable, 0))) AS interval_lower,
  LEAST(1, (b.p + b.z * b.z / NULLIF(2 * b.applicable, 0) + b.z * SQRT(b.p * (1 - b.p) / NULLIF(b.applicable, 0) + b.z * b.z / NULLIF(4 * b.applicable * b.applicable, 0))) / (1 + b.z * b.z / NULLIF(b.applicable, 0))) AS interval_upper
FROM banded AS b
LEFT JOIN bands ON bands.framework = b.framework AND bands.score = b.score
ORDER BY b.inspection_position, b.standard_position, b.key_question_position

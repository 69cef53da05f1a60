-- Programme figures (docs/programme.md): every counted key question that some inspection's case tab
-- has, pooled over all the inspections (Yes and applicable summed exactly, R3's whole percentage,
-- R4's band, Wilson's 80% interval), with one row per inspection: its own figures and whether it
-- differs from all the other inspections pooled (R10: two-sided two-proportion z-test with pooled
-- proportion at 0.1; z = 1.644853625133601, the normal quantile of 0.95). NULL where that cannot be
-- tested (the inspection or the rest has no applicable case).
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
    i.inspection, i.position AS inspection_position, i.provider, c.framework, c.standard, c.key_question,
    c.standard_position, c.key_question_position,
    q.question IS NOT NULL AS has_column,
    COALESCE(n.yes, 0) AS yes,
    COALESCE(n.applicable, 0) AS applicable
  FROM inspections AS i
  JOIN counted AS c ON c.framework = i.framework
  LEFT JOIN question_columns AS q ON q.inspection = i.inspection AND q.question = c.key_question
  LEFT JOIN counts AS n ON n.inspection = i.inspection AND n.key_question = c.key_question
),
pooled AS (
  SELECT
    framework, standard, key_question, standard_position, key_question_position,
    CAST(SUM(yes) AS INT64) AS pooled_yes,
    CAST(SUM(applicable) AS INT64) AS pooled_applicable
  FROM figures
  GROUP BY framework, standard, key_question, standard_position, key_question_position
  HAVING MAX(CASE WHEN has_column THEN 1 ELSE 0 END) = 1
),
tested AS (
  SELECT
    p.*,
    CAST(FLOOR((200 * p.pooled_yes + p.pooled_applicable) / NULLIF(2 * p.pooled_applicable, 0)) AS INT64) AS pooled_percent,
    p.pooled_yes / NULLIF(p.pooled_applicable, 0) AS pooled_p,
    1.2815515641401451 AS z,
    f.inspection, f.inspection_position, f.provider, f.has_column, f.yes, f.applicable,
    CAST(FLOOR((200 * f.yes + f.applicable) / NULLIF(2 * f.applicable, 0)) AS INT64) AS percent,
    f.yes / NULLIF(f.applicable, 0) AS p1,
    (p.pooled_yes - f.yes) / NULLIF(p.pooled_applicable - f.applicable, 0) AS p2,
    p.pooled_applicable - f.applicable AS rest_applicable,
    SQRT(
      (p.pooled_yes / NULLIF(p.pooled_applicable, 0)) * (1 - p.pooled_yes / NULLIF(p.pooled_applicable, 0))
      * (1 / NULLIF(f.applicable, 0) + 1 / NULLIF(p.pooled_applicable - f.applicable, 0))
    ) AS standard_error
  FROM pooled AS p
  JOIN figures AS f ON f.framework = p.framework AND f.key_question = p.key_question
)
SELECT
  t.framework, t.standard, t.key_question,
  t.pooled_yes, t.pooled_applicable, t.pooled_percent,
  b.band AS pooled_band,
  GREATEST(0, (t.pooled_p + t.z * t.z / NULLIF(2 * t.pooled_applicable, 0) - t.z * SQRT(t.pooled_p * (1 - t.pooled_p) / NULLIF(t.pooled_applicable, 0) + t.z * t.z / NULLIF(4 * t.pooled_applicable * t.pooled_applicable, 0))) / (1 + t.z * t.z / NULLIF(t.pooled_applicable, 0))) AS pooled_interval_lower,
  LEAST(1, (t.pooled_p + t.z * t.z / NULLIF(2 * t.pooled_applicable, 0) + t.z * SQRT(t.pooled_p * (1 - t.pooled_p) / NULLIF(t.pooled_applicable, 0) + t.z * t.z / NULLIF(4 * t.pooled_applicable * t.pooled_applicable, 0))) / (1 + t.z * t.z / NULLIF(t.pooled_applicable, 0))) AS pooled_interval_upper,
  t.inspection, t.provider, t.has_column, t.yes, t.applicable, t.percent,
  CASE
    WHEN t.applicable = 0 OR t.rest_applicable = 0 THEN NULL
    ELSE ABS(COALESCE((t.p1 - t.p2) / NULLIF(t.standard_error, 0), 0)) > 1.644853625133601
  END AS significant
FROM tested AS t
JOIN thresholds AS h ON h.framework = t.framework
LEFT JOIN bands AS b ON b.framework = t.framework AND b.score = CASE WHEN t.pooled_percent >= h.t3 THEN 3 WHEN t.pooled_percent >= h.t2 THEN 2 WHEN t.pooled_percent >= h.t1 THEN 1 WHEN t.pooled_percent >= 0 THEN 0 END
ORDER BY t.standard_position, t.key_question_position, t.inspection_position

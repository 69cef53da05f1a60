-- Slices of the programme (docs/programme.md): every counted key question's figures for each
-- provider, each inspection year and each value of each sub-sample field (case_fields), each
-- against all the other cases of the programme (R10's z-test at 0.1, NULL where it cannot be
-- tested), with R3's whole percentage, R4's band and Wilson's 80% interval.
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
-- Each case's answer to each counted key question, as Yes and applicable counts.
scored AS (
  SELECT
    a.framework, a.provider, a.year, a.inspection, a.tab, a.sheet_row, a.question AS key_question,
    CASE WHEN a.answer = 'Yes' THEN 1 ELSE 0 END AS yes,
    CASE WHEN a.answer IN ('Yes', 'No') THEN 1 ELSE 0 END AS applicable
  FROM answers AS a
  WHERE a.kind = 'key question'
),
by_case AS (
  SELECT framework, inspection, tab, sheet_row, key_question, yes, applicable FROM scored
),
sliced AS (
  SELECT framework, 'provider' AS slice, provider AS value, key_question, CAST(SUM(yes) AS INT64) AS yes, CAST(SUM(applicable) AS INT64) AS applicable
  FROM scored
  GROUP BY framework, provider, key_question
  UNION ALL
  SELECT framework, 'year' AS slice, CAST(year AS STRING) AS value, key_question, CAST(SUM(yes) AS INT64) AS yes, CAST(SUM(applicable) AS INT64) AS applicable
  FROM scored
  GROUP BY framework, year, key_question
  UNION ALL
  SELECT c.framework, CONCAT('field: ', f.field) AS slice, f.value, c.key_question, CAST(SUM(c.yes) AS INT64) AS yes, CAST(SUM(c.applicable) AS INT64) AS applicable
  FROM by_case AS c
  JOIN case_fields AS f ON f.inspection = c.inspection AND f.tab = c.tab AND f.sheet_row = c.sheet_row
  GROUP BY c.framework, f.field, f.value, c.key_question
),
totals AS (
  SELECT framework, key_question, CAST(SUM(yes) AS INT64) AS all_yes, CAST(SUM(applicable) AS INT64) AS all_applicable
  FROM scored
  GROUP BY framework, key_question
),
tested AS (
  SELECT
    s.*, c.standard, c.standard_position, c.key_question_position,
    CAST(FLOOR((200 * s.yes + s.applicable) / NULLIF(2 * s.applicable, 0)) AS INT64) AS percent,
    s.yes / NULLIF(s.applicable, 0) AS p,
    1.2815515641401451 AS z,
    s.yes / NULLIF(s.applicable, 0) AS p1,
    (t.all_yes - s.yes) / NULLIF(t.all_applicable - s.applicable, 0) AS p2,
    t.all_applicable - s.applicable AS rest_applicable,
    SQRT(
      (t.all_yes / NULLIF(t.all_applicable, 0)) * (1 - t.all_yes / NULLIF(t.all_applicable, 0))
      * (1 / NULLIF(s.applicable, 0) + 1 / NULLIF(t.all_applicable - s.applicable, 0))
    ) AS standard_error
  FROM sliced AS s
  JOIN counted AS c ON c.framework = s.framework AND c.key_question = s.key_question
  JOIN totals AS t ON t.framework = s.framework AND t.key_question = s.key_question
)
SELECT
  t.framework, t.slice, t.value, t.standard, t.key_question, t.yes, t.applicable, t.percent, b.band,
  GREATEST(0, (t.p + t.z * t.z / NULLIF(2 * t.applicable, 0) - t.z * SQRT(t.p * (1 - t.p) / NULLIF(t.applicable, 0) + t.z * t.z / NULLIF(4 * t.applicable * t.applicable, 0))) / (1 + t.z * t.z / NULLIF(t.applicable, 0))) AS interval_lower,
  LEAST(1, (t.p + t.z * t.z / NULLIF(2 * t.applicable, 0) + t.z * SQRT(t.p * (1 - t.p) / NULLIF(t.applicable, 0) + t.z * t.z / NULLIF(4 * t.applicable * t.applicable, 0))) / (1 + t.z * t.z / NULLIF(t.applicable, 0))) AS interval_upper,
  CASE
    WHEN t.applicable = 0 OR t.rest_applicable = 0 THEN NULL
    ELSE ABS(COALESCE((t.p1 - t.p2) / NULLIF(t.standard_error, 0), 0)) > 1.644853625133601
  END AS significant
FROM tested AS t
JOIN thresholds AS h ON h.framework = t.framework
LEFT JOIN bands AS b ON b.framework = t.framework AND b.score = CASE WHEN t.percent >= h.t3 THEN 3 WHEN t.percent >= h.t2 THEN 2 WHEN t.percent >= h.t1 THEN 1 WHEN t.percent >= 0 THEN 0 END
ORDER BY t.slice, t.value, t.standard_position, t.key_question_position

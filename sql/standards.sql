-- Standards of each inspection (docs/programme.md): one row per inspection and standard, in
-- framework order. R5: a case-based standard's indicative rating is the band of its lowest key
-- question; R12: "not rated" while a counted key question has no applicable case ("missing column"
-- where its case tab has no column for one). R6, R7: whether the panel may raise or lower it one
-- band, and the panel's rating applied where allowed (with a rationale). R8: a lead judgement
-- standard's rating is the lead inspector's ("invalid rating" where it is not a band).
-- Runs unchanged on DuckDB and BigQuery (set the dataset holding the exported tables as default).
WITH
thresholds AS (
  SELECT
    framework,
    MAX(CASE WHEN score = 1 THEN lower_percent END) AS t1,
    MAX(CASE WHEN score = 2 THEN lower_percent END) AS t2,
    MAX(CASE WHEN score = 3 THEN lower_percent END) AS t3,
    MAX(CASE WHEN score = 1 THEN overall_minimum END) AS m1,
    MAX(CASE WHEN score = 2 THEN overall_minimum END) AS m2,
    MAX(CASE WHEN score = 3 THEN overall_minimum END) AS m3
  FROM bands
  GROUP BY framework
),
counted AS (
  SELECT s.framework, s.standard, k.key_question
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
-- R3: the whole percentage; and as it would be with one No turned Yes, or one Yes turned No (R6).
figures AS (
  SELECT
    i.inspection, c.framework, c.standard, c.key_question,
    q.question IS NOT NULL AS has_column,
    COALESCE(n.yes, 0) AS yes,
    COALESCE(n.applicable, 0) AS applicable,
    CAST(FLOOR((200 * COALESCE(n.yes, 0) + COALESCE(n.applicable, 0)) / NULLIF(2 * COALESCE(n.applicable, 0), 0)) AS INT64) AS percent,
    CAST(FLOOR((200 * (COALESCE(n.yes, 0) + 1) + COALESCE(n.applicable, 0)) / NULLIF(2 * COALESCE(n.applicable, 0), 0)) AS INT64) AS raised_percent,
    CAST(FLOOR((200 * (COALESCE(n.yes, 0) - 1) + COALESCE(n.applicable, 0)) / NULLIF(2 * COALESCE(n.applicable, 0), 0)) AS INT64) AS lowered_percent
  FROM inspections AS i
  JOIN counted AS c ON c.framework = i.framework
  LEFT JOIN question_columns AS q ON q.inspection = i.inspection AND q.question = c.key_question
  LEFT JOIN counts AS n ON n.inspection = i.inspection AND n.key_question = c.key_question
),
-- R4: the band's score (0 Inadequate … 3 Outstanding) of each percentage.
banded AS (
  SELECT
    f.*,
    CASE WHEN f.percent IS NULL THEN NULL WHEN f.percent >= t.t3 THEN 3 WHEN f.percent >= t.t2 THEN 2 WHEN f.percent >= t.t1 THEN 1 ELSE 0 END AS score,
    CASE WHEN f.raised_percent IS NULL THEN NULL WHEN f.raised_percent >= t.t3 THEN 3 WHEN f.raised_percent >= t.t2 THEN 2 WHEN f.raised_percent >= t.t1 THEN 1 ELSE 0 END AS raised_score,
    CASE WHEN f.lowered_percent IS NULL THEN NULL WHEN f.lowered_percent >= t.t3 THEN 3 WHEN f.lowered_percent >= t.t2 THEN 2 WHEN f.lowered_percent >= t.t1 THEN 1 ELSE 0 END AS lowered_score
  FROM figures AS f
  JOIN thresholds AS t ON t.framework = f.framework
),
-- R5, R12: the band of the lowest key question; not rated while a key question has no applicable case.
standard_figures AS (
  SELECT
    inspection, framework, standard,
    CAST(SUM(CASE WHEN has_column THEN 0 ELSE 1 END) AS INT64) AS missing_columns,
    CAST(SUM(CASE WHEN applicable = 0 THEN 1 ELSE 0 END) AS INT64) AS waiting,
    MIN(percent) AS lowest_percent,
    MIN(score) AS indicative_score
  FROM banded
  GROUP BY inspection, framework, standard
),
-- R6's one-case test: one answer changed on a lowest key question moves the standard's rating.
one_case AS (
  SELECT
    s.inspection, s.standard,
    CAST(SUM(CASE WHEN b.score = s.indicative_score THEN 1 ELSE 0 END) AS INT64) AS in_lowest_band,
    MAX(CASE WHEN b.percent = s.lowest_percent AND b.yes < b.applicable AND b.raised_score > s.indicative_score THEN 1 ELSE 0 END) AS one_more_yes_raises,
    MAX(CASE WHEN b.percent = s.lowest_percent AND b.yes > 0 AND b.lowered_score < s.indicative_score THEN 1 ELSE 0 END) AS one_yes_fewer_lowers
  FROM standard_figures AS s
  JOIN banded AS b ON b.inspection = s.inspection AND b.standard = s.standard
  GROUP BY s.inspection, s.standard
),
qualitative AS (
  SELECT framework, standard FROM key_questions WHERE qualitative GROUP BY framework, standard
),
-- R6, R7: whether the panel may raise or lower the rating one band.
moves AS (
  SELECT
    s.inspection, s.framework, s.standard, s.lowest_percent, s.indicative_score,
    CASE WHEN s.missing_columns > 0 THEN 'missing column' WHEN s.waiting > 0 THEN 'not rated' ELSE 'rated' END AS status,
    s.indicative_score < 3 AND (
      q.standard IS NOT NULL
      OR (CASE s.indicative_score WHEN 0 THEN t.t1 WHEN 1 THEN t.t2 ELSE t.t3 END) - s.lowest_percent <= 5
      OR (o.in_lowest_band = 1 AND o.one_more_yes_raises = 1)
    ) AS may_raise,
    s.indicative_score > 0 AND (
      q.standard IS NOT NULL
      OR s.lowest_percent - (CASE s.indicative_score WHEN 1 THEN t.t1 WHEN 2 THEN t.t2 ELSE t.t3 END) <= 5
      OR o.one_yes_fewer_lowers = 1
    ) AS may_lower
  FROM standard_figures AS s
  JOIN one_case AS o ON o.inspection = s.inspection AND o.standard = s.standard
  JOIN thresholds AS t ON t.framework = s.framework
  LEFT JOIN qualitative AS q ON q.framework = s.framework AND q.standard = s.standard
),
-- R6: a panel judgement is applied where its rating is a band, it has a rationale and the move is allowed.
panel AS (
  SELECT j.inspection, j.standard, b.score AS panel_score, j.rationale
  FROM judgements AS j
  JOIN inspections AS i ON i.inspection = j.inspection
  LEFT JOIN bands AS b ON b.framework = i.framework AND b.band = j.rating
  WHERE j.kind = 'panel'
),
case_based AS (
  SELECT
    m.inspection, m.standard, m.status, m.lowest_percent, m.may_raise, m.may_lower,
    CASE WHEN m.status = 'rated' THEN m.indicative_score END AS indicative_score,
    CASE
      WHEN m.status <> 'rated' THEN NULL
      WHEN p.panel_score IS NOT NULL AND p.rationale <> '' AND (
        p.panel_score = m.indicative_score
        OR (p.panel_score = m.indicative_score + 1 AND m.may_raise)
        OR (p.panel_score = m.indicative_score - 1 AND m.may_lower)
      ) THEN p.panel_score
      ELSE m.indicative_score
    END AS score
  FROM moves AS m
  LEFT JOIN panel AS p ON p.inspection = m.inspection AND p.standard = m.standard
),
-- R8: a lead judgement standard's rating is the lead inspector's.
lead AS (
  SELECT
    i.inspection, s.standard,
    CASE WHEN j.rating IS NULL OR j.rating = '' THEN 'not rated' WHEN b.score IS NULL THEN 'invalid rating' ELSE 'rated' END AS status,
    b.score
  FROM inspections AS i
  JOIN standards AS s ON s.framework = i.framework AND s.kind = 'lead judgement'
  LEFT JOIN judgements AS j ON j.inspection = i.inspection AND j.standard = s.standard AND j.kind = 'lead'
  LEFT JOIN bands AS b ON b.framework = i.framework AND b.band = j.rating
),
ratings AS (
  SELECT
    i.inspection, i.position AS inspection_position, i.provider, i.year, i.framework,
    s.standard, s.name, s.kind, s.counts, s.position AS standard_position,
    COALESCE(c.status, l.status) AS status,
    c.lowest_percent,
    COALESCE(c.indicative_score, l.score) AS indicative_score,
    COALESCE(c.score, l.score) AS score,
    COALESCE(c.may_raise AND c.status = 'rated', FALSE) AS may_raise,
    COALESCE(c.may_lower AND c.status = 'rated', FALSE) AS may_lower
  FROM inspections AS i
  JOIN standards AS s ON s.framework = i.framework
  LEFT JOIN case_based AS c ON c.inspection = i.inspection AND c.standard = s.standard
  LEFT JOIN lead AS l ON l.inspection = i.inspection AND l.standard = s.standard
)
SELECT
  r.inspection, r.provider, r.year, r.framework, r.standard, r.name, r.kind, r.counts, r.status, r.lowest_percent,
  indicative.band AS indicative, rated.band AS rating, r.score,
  r.may_raise, r.may_lower,
  COALESCE(r.score <> r.indicative_score, FALSE) AS panel_applied
FROM ratings AS r
LEFT JOIN bands AS indicative ON indicative.framework = r.framework AND indicative.score = r.indicative_score
LEFT JOIN bands AS rated ON rated.framework = r.framework AND rated.score = r.score
ORDER BY r.inspection_position, r.standard_position

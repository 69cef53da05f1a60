/**
 * docs/programme.md: the rules that keep one SQL text valid on DuckDB and BigQuery alike, checked on
 * the text itself (the ZetaSQL analyser checks the rest: `npm run check:sql`).
 * - INT64, never BIGINT (BigQuery has no BIGINT type; DuckDB reads INT64 as its BIGINT);
 * - none of DuckDB's own syntax: FILTER (WHERE …), EXCLUDE, `//`, `::` casts, count_if;
 * - QUALIFY only with a WHERE, GROUP BY or HAVING (BigQuery's rule);
 * - every division guarded: its divisor is NULLIF(…, 0), or 1 plus something (never 0), since DuckDB
 *   gives Infinity or NULL where BigQuery stops with an error.
 */

/** One broken rule: the line (1-based) and what is wrong. */
export interface SqlProblem {
  line: number;
  message: string;
}

const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/\bBIGINT\b/i, 'BIGINT is not a BigQuery type: write INT64'],
  [/\bFILTER\s*\(/i, 'FILTER (WHERE …) is DuckDB only: write SUM(CASE WHEN … THEN 1 ELSE 0 END)'],
  [/\bEXCLUDE\b/i, 'EXCLUDE is DuckDB only: name the columns'],
  [/\/\//, '// is DuckDB only: write CAST(FLOOR(a / NULLIF(b, 0)) AS INT64)'],
  [/::/, ':: casts are DuckDB only: write CAST(… AS …)'],
  [/\bcount_if\b/i, 'count_if is DuckDB only: write SUM(CASE WHEN … THEN 1 ELSE 0 END)'],
];

/** The text with comments blanked out (kept the same length, so lines stay where they were). */
function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, (comment) => ' '.repeat(comment.length));
}

export function sqlProblems(sql: string): SqlProblem[] {
  const problems: SqlProblem[] = [];
  const code = withoutComments(sql);
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  code.split('\n').forEach((text, index) => {
    for (const [pattern, message] of FORBIDDEN) if (pattern.test(text)) problems.push({ line: index + 1, message });
  });
  for (const division of code.matchAll(/\/(?!\/)\s*/g)) {
    const divisor = code.slice(division.index + division[0].length);
    if (!/^(NULLIF\s*\(|\(1 \+ )/i.test(divisor)) problems.push({ line: lineOf(division.index), message: `unguarded division (divide by NULLIF(…, 0)): "/ ${divisor.slice(0, 30).split('\n')[0]}"` });
  }
  if (/\bQUALIFY\b/i.test(code) && !/\b(WHERE|GROUP BY|HAVING)\b/i.test(code)) problems.push({ line: lineOf(code.search(/\bQUALIFY\b/i)), message: 'QUALIFY needs a WHERE, GROUP BY or HAVING in BigQuery' });
  return problems;
}

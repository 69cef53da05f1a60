/** The method's SQL keeps to what DuckDB and BigQuery both accept (tools/sqlRules.ts), and the rules catch what they name. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlProblems } from '../../tools/sqlRules';

const SQL_DIR = join(__dirname, '../../sql');

describe('sql/*.sql', () => {
  const files = readdirSync(SQL_DIR).filter((name) => name.endsWith('.sql'));

  it('holds the method: key questions, prompts, standards, overall, programme and slices', () => {
    expect(files.sort()).toEqual(['key_questions.sql', 'overall.sql', 'programme.sql', 'prompts.sql', 'slices.sql', 'standards.sql']);
  });

  it.each(files)('%s breaks none of the rules for one text on DuckDB and BigQuery', (name) => {
    expect(sqlProblems(readFileSync(join(SQL_DIR, name), 'utf8'))).toEqual([]);
  });

  it.each([
    ['SELECT CAST(a AS BIGINT) FROM t', 'BIGINT'],
    ['SELECT COUNT(*) FILTER (WHERE a) FROM t', 'FILTER'],
    ['SELECT * EXCLUDE (a) FROM t', 'EXCLUDE'],
    ['SELECT a // 2 FROM t', '//'],
    ['SELECT a::INT64 FROM t', '::'],
    ['SELECT count_if(a) FROM t', 'count_if'],
    ['SELECT a / b FROM t', 'unguarded division'],
    ['SELECT a FROM t QUALIFY ROW_NUMBER() OVER (ORDER BY a) = 1', 'QUALIFY'],
  ])('refuses %s', (sql, named) => {
    expect(sqlProblems(sql).map((problem) => problem.message).join(' ')).toContain(named);
  });

  it('accepts guarded division, and DuckDB-only words inside comments', () => {
    expect(sqlProblems('-- a // b, count_if\nSELECT a / NULLIF(b, 0), c / (1 + d) FROM t WHERE a > 0')).toEqual([]);
  });
});

/** The common table expressions of a query: name → its text, from `name AS (` to its closing `)` at the line's start. */
function ctes(sql: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of sql.matchAll(/^([a-z_]+) AS \(\n([\s\S]*?)^\)/gm)) found.set(match[1], match[2]);
  return found;
}

describe('sql/*.sql say each rule once', () => {
  const read = (name: string) => readFileSync(join(SQL_DIR, name), 'utf8');

  it('overall.sql rates the standards exactly as standards.sql does: every step they share is the same text', () => {
    const standards = ctes(read('standards.sql'));
    const overall = ctes(read('overall.sql'));
    const shared = [...standards.keys()].filter((name) => overall.has(name));
    // Every step of standards.sql: overall.sql adds only the totals and the overall rating after them.
    expect(shared).toEqual([...standards.keys()]);
    expect(shared.length).toBeGreaterThanOrEqual(10);
    for (const name of shared) expect({ name, text: overall.get(name) }).toEqual({ name, text: standards.get(name) });
  });

  it('every percentage is R3\'s one rounding, floor((200 × yes + applicable) / (2 × applicable)), guarded and whole', () => {
    const percentages = readdirSync(SQL_DIR).filter((name) => name.endsWith('.sql')).flatMap((name) => [...read(name).matchAll(/FLOOR\(.*?AS INT64\)/g)].map((match) => ({ name, text: match[0] })));
    expect(percentages.length).toBeGreaterThanOrEqual(10);
    for (const { name, text } of percentages) {
      const form = /^FLOOR\(\(200 \* (.+) \+ (.+)\) \/ NULLIF\(2 \* (.+), 0\)\) AS INT64\)$/.exec(text);
      expect({ name, text, form: form !== null }).toEqual({ name, text, form: true });
      // The same applicable count above and below the line.
      expect({ name, text, same: form![2] === form![3] }).toEqual({ name, text, same: true });
    }
  });
});

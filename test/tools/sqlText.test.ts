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

/**
 * The method as SQL (sql/*.sql on DuckDB) gives the engine's figures (src/core) on 10,000 random
 * inspections: key-question counts, percentages and intervals, standard ratings before and after
 * the panel, the panel's allowed moves, the overall score and rating; and pooled programmes give
 * the engine's pooled figures and significance. The inspections are loaded into one database and
 * each query runs once over all of them.
 */
import fc from 'fast-check';
import { BANDS, BandThresholds } from '../../src/core/bands';
import { readHeader } from '../../src/core/caseTable';
import { Framework, standardsOf } from '../../src/core/framework';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { YJ_2021 } from '../../src/core/frameworks/youthJustice';
import { panelMoves } from '../../src/core/panel';
import { poolKeyQuestions } from '../../src/core/programme';
import { readCaseTable } from '../../src/core/caseTable';
import { isNotRated, rateCounted } from '../../src/core/standards';
import { wilsonInterval } from '../../src/core/programme';
import { DOMAIN_ONE_HEADER, PANEL_HEADER, caseTabLayouts } from '../../src/core/workbook';
import { findCaseTabs, valuesReader } from '../../src/core/workbookModel';
import { workbookReport } from '../../src/core/workbookReport';
import { ProgrammeDatabase, ResultRow } from '../../tools/duckdb';
import { appendFramework, appendInspection } from '../../tools/programmeData';

jest.setTimeout(600_000);

/** A framework of other bands and explicit overall minimums (R4, R9), so neither rule is CRC's by accident. */
const VARIANT: Framework = { ...CRC_2018, id: 'crc-variant', thresholds: [40, 60, 75] as BandThresholds, overall: { rule: 'scores', minimums: [8, 15, 24] } };
const FRAMEWORKS = [CRC_2018, YJ_2021, VARIANT];

const ANSWERS = ['Yes', 'No', 'N/A', '', 'y', 'n', 'not applicable', true, false];
const PANEL_RATINGS = [...BANDS, 'good', 'Excellent', ''];

interface Inspection {
  framework: Framework;
  tabs: Map<string, unknown[][]>;
}

/** A random inspection: each case tab a few cases with answers leaning Yes or No per column, some columns missing, panel and lead ratings. */
const inspection: fc.Arbitrary<Inspection> = fc
  .record({
    framework: fc.constantFrom(...FRAMEWORKS),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    cases: fc.integer({ min: 0, max: 8 }),
    dropColumn: fc.integer({ min: 0, max: 40 }),
  })
  .map(({ framework, seed, cases, dropColumn }) => {
    // A small deterministic generator from the seed: fast-check shrinks the seed, not thousands of cells.
    let state = seed;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const tabs = new Map<string, unknown[][]>();
    for (const layout of caseTabLayouts(framework)) {
      // In one inspection in forty one key-question column is left out: R11's missing column.
      const keyQuestionColumns = layout.headers.flatMap((header, index) => (readHeader(String(header), index).kind === 'keyQuestion' ? [index] : []));
      const dropped = dropColumn === 0 ? keyQuestionColumns[next(keyQuestionColumns.length)] : -1;
      const headers = layout.headers.filter((_, index) => index !== dropped);
      const lean = headers.map(() => next(100));
      const rows = Array.from({ length: cases + next(3) }, (_, row) =>
        headers.map((header, column) => {
          const kind = readHeader(String(header), column).kind;
          if (header === 'Case ID') return `C${row + 1}`;
          if (header === 'Sentence type') return next(2) ? 'Community' : 'Licence';
          if (kind === 'metadata') return '';
          const roll = next(100);
          if (roll < 15) return ANSWERS[2 + next(ANSWERS.length - 2)];
          return roll - 15 < (lean[column] * 85) / 100 ? (next(4) ? 'Yes' : true) : next(4) ? 'No' : false;
        }),
      );
      tabs.set(layout.name, [headers, ...rows]);
    }
    const standards = standardsOf(framework);
    tabs.set('Panel', [PANEL_HEADER, ...standards.filter((standard) => standard.kind === 'caseBased' && next(3) === 0).map((standard) => {
      const row: unknown[] = PANEL_HEADER.map(() => '');
      row[0] = standard.id;
      row[PANEL_HEADER.indexOf('Panel rating')] = PANEL_RATINGS[next(PANEL_RATINGS.length)];
      row[PANEL_HEADER.indexOf('Rationale')] = next(5) ? 'Near the boundary.' : '';
      return row;
    })]);
    tabs.set('Domain one', [DOMAIN_ONE_HEADER, ...standards.filter((standard) => standard.kind !== 'caseBased').map((standard) => {
      const row: unknown[] = DOMAIN_ONE_HEADER.map(() => '');
      row[0] = standard.id;
      const roll = next(20);
      row[DOMAIN_ONE_HEADER.indexOf('Rating')] = roll === 0 ? '' : roll === 1 ? 'Fine' : BANDS[next(4)];
      return row;
    })]);
    return { framework, tabs };
  });

const byKey = (rows: readonly ResultRow[], ...keys: string[]) => new Map(rows.map((row) => [keys.map((key) => row[key]).join('|'), row]));

describe('the method as SQL on DuckDB equals the engine', () => {
  let database: ProgrammeDatabase;
  beforeAll(async () => {
    database = await ProgrammeDatabase.open();
  });
  afterAll(() => database.close());

  it('on 10,000 random inspections: key questions, standards (panel included) and the overall rating, 0 mismatches', async () => {
    const inspections = fc.sample(inspection, { numRuns: 10_000, seed: 20_250_601 });
    for (const framework of FRAMEWORKS) appendFramework(framework, database);
    const engine = inspections.map(({ framework, tabs }, index) => {
      const reader = valuesReader(tabs);
      const model = { framework, caseTabs: findCaseTabs(reader, framework) };
      appendInspection({ file: `i${index}.xlsx`, inspection: `i${index}`, position: index + 1, reader, ...model }, database);
      return workbookReport(reader, model);
    });
    const keyQuestions = byKey(await database.query('key_questions'), 'inspection', 'key_question');
    const standards = byKey(await database.query('standards'), 'inspection', 'standard');
    const overall = byKey(await database.query('overall'), 'inspection');

    const mismatches: string[] = [];
    const expectSame = (what: string, sql: unknown, expected: unknown) => {
      if (sql !== expected && mismatches.length < 20) mismatches.push(`${what}: SQL ${String(sql)}, engine ${String(expected)}`);
    };
    let checks = 0;
    engine.forEach((report, index) => {
      const key = `i${index}`;
      for (const figure of report.standards) {
        const row = standards.get(`${key}|${figure.standard.id}`)!;
        expectSame(`${key} ${figure.standard.id} indicative`, row.status === 'not rated' ? 'Not rated' : row.indicative, figure.indicative);
        expectSame(`${key} ${figure.standard.id} rating`, row.status === 'not rated' ? 'Not rated' : row.rating, figure.rating);
        checks += 2;
        const counts = [];
        for (const keyQuestion of figure.keyQuestions.filter((candidate) => !candidate.qualitative)) {
          const sql = keyQuestions.get(`${key}|${keyQuestion.id}`)!;
          if (keyQuestion.error) {
            expectSame(`${key} ${keyQuestion.id} column`, sql.has_column, false);
            checks += 1;
            continue;
          }
          expectSame(`${key} ${keyQuestion.id} yes`, sql.yes, keyQuestion.yes);
          expectSame(`${key} ${keyQuestion.id} applicable`, sql.applicable, keyQuestion.applicable);
          expectSame(`${key} ${keyQuestion.id} percent`, sql.percent, keyQuestion.percent);
          expectSame(`${key} ${keyQuestion.id} band`, sql.band, keyQuestion.band);
          checks += 4;
          if (keyQuestion.applicable) {
            const interval = wilsonInterval(keyQuestion.yes!, keyQuestion.applicable);
            expectSame(`${key} ${keyQuestion.id} interval`, Math.abs((sql.interval_lower as number) - interval.lower) < 1e-12 && Math.abs((sql.interval_upper as number) - interval.upper) < 1e-12, true);
            checks += 1;
          }
          counts.push({ keyQuestion: figure.standard.keyQuestions.find((candidate) => candidate.id === keyQuestion.id)!, column: undefined as never, yes: keyQuestion.yes!, applicable: keyQuestion.applicable! });
        }
        // R6, R7: the moves the panel may make, where the standard is rated.
        if (figure.standard.kind === 'caseBased' && !figure.error) {
          const result = rateCounted(figure.standard, counts, report.framework.thresholds);
          if (!isNotRated(result)) {
            const moves = panelMoves(result);
            expectSame(`${key} ${figure.standard.id} may raise`, row.may_raise, moves.raise.allowed);
            expectSame(`${key} ${figure.standard.id} may lower`, row.may_lower, moves.lower.allowed);
            checks += 2;
          }
        }
      }
      const sql = overall.get(key)!;
      expectSame(`${key} overall score`, sql.score, report.overall.score);
      expectSame(`${key} overall rating`, sql.rating, report.overall.rating);
      expectSame(`${key} rated`, sql.rated, report.overall.rated);
      checks += 3;
    });
    expect(mismatches).toEqual([]);
    // Enough of every outcome that the comparison means something.
    const outcomes = [...standards.values()];
    expect(outcomes.filter((row) => row.panel_applied).length).toBeGreaterThan(100);
    expect(outcomes.filter((row) => row.status === 'missing column').length).toBeGreaterThan(100);
    expect(outcomes.filter((row) => row.status === 'not rated').length).toBeGreaterThan(100);
    expect(outcomes.filter((row) => row.may_raise && row.status === 'rated').length).toBeGreaterThan(1000);
    expect(new Set([...overall.values()].map((row) => row.rating)).size).toBeGreaterThanOrEqual(4);
    expect(checks).toBeGreaterThan(500_000);
  });

  it('on 300 random programmes of 2 to 6 inspections: pooled figures and each inspection against the rest (R10)', async () => {
    const programmes = fc.sample(fc.array(inspection.filter((candidate) => candidate.framework === CRC_2018), { minLength: 2, maxLength: 6 }), { numRuns: 300, seed: 42 });
    // One database for all: each programme under its own framework id, which sql/programme.sql pools by.
    const pooledDatabase = await ProgrammeDatabase.open();
    const engine = programmes.map((programme, number) => {
      const framework = { ...CRC_2018, id: `programme-${number}` };
      appendFramework(framework, pooledDatabase);
      // Pooling needs the same columns in every workbook (aggregate refuses otherwise): only complete tabs here.
      const complete = programme.map(({ tabs }) => new Map([...tabs].map(([name, values]) => [name, caseTabLayouts(CRC_2018).some((layout) => layout.name === name) ? completeTab(name, values) : values])));
      complete.forEach((tabs, index) => {
        const reader = valuesReader(tabs);
        appendInspection({ file: `p${number}-${index}.xlsx`, inspection: `p${number}-${index}`, position: index + 1, reader, framework, caseTabs: findCaseTabs(reader, CRC_2018) }, pooledDatabase);
      });
      return poolKeyQuestions(
        complete.map((tabs, index) => ({ name: `p${index}`, tables: caseTabLayouts(CRC_2018).map((layout) => ({ table: readCaseTable(tabs.get(layout.name)), tab: layout.name })) })),
        CRC_2018,
      );
    });
    const sql = new Map<string, ResultRow[]>();
    try {
      for (const row of await pooledDatabase.query('programme')) {
        const key = `${row.framework}|${row.key_question}`;
        sql.set(key, [...(sql.get(key) ?? []), row]);
      }
    } finally {
      pooledDatabase.close();
    }
    const mismatches: string[] = [];
    let tested = 0;
    engine.forEach((rows, number) => {
      for (const pooled of rows) {
        const own = sql.get(`programme-${number}|${pooled.keyQuestion.id}`) ?? [];
        const first = own[0] ?? {};
        const same = first.pooled_yes === pooled.yes && first.pooled_applicable === pooled.applicable && first.pooled_percent === (pooled.percent ?? null) && first.pooled_band === (pooled.band ?? null);
        if (!same) mismatches.push(`programme ${number} ${pooled.keyQuestion.id}: pooled SQL ${JSON.stringify(first)}, engine ${pooled.yes}/${pooled.applicable}`);
        pooled.providers.forEach((provider, index) => {
          const row = own[index] ?? {};
          tested += provider.significant === undefined ? 0 : 1;
          if (row.yes !== provider.yes || row.applicable !== provider.applicable || row.significant !== (provider.significant ?? null)) {
            mismatches.push(`programme ${number} ${pooled.keyQuestion.id} inspection ${index + 1}: SQL ${row.yes}/${row.applicable} ${row.significant}, engine ${provider.yes}/${provider.applicable} ${provider.significant}`);
          }
        });
      }
    });
    expect(sql.size).toBe(engine.reduce((sum, rows) => sum + rows.length, 0));
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(tested).toBeGreaterThan(10_000);
  });
});

/** A case tab with every column of its layout: a dropped column put back, blank. */
function completeTab(name: string, values: unknown[][]): unknown[][] {
  const layout = caseTabLayouts(CRC_2018).find((candidate) => candidate.name === name)!;
  const header = values[0];
  return values.map((row, index) => layout.headers.map((wanted) => (index === 0 ? wanted : row[header.indexOf(wanted)] ?? '')));
}

/**
 * `npm run template` and `npm run rate` as a user runs them (docs/commands.md): a template laid out by New
 * inspection, filled in by another program (exceljs here), rated through the real command line;
 * the expected figures are worked out here from the answers typed, by the method's rules, without
 * the project's code.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RatingsReport } from '../../src/core/report';
import { problemLines, rate } from '../../tools/rate';
import { CommandResult, runTool } from '../support/commands';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(60_000);

const command = (tool: string, args: string[]) => runTool(tool, args);

const lastLine = (text: string) => text.trimEnd().split('\n').pop()!;

// R3, R4, R9, independently: whole percentages half up, bands at 50/65/80, overall by the n-rule.
const BAND_NAMES = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'];
const percentOf = (yes: number, applicable: number) => Math.round((100 * yes) / applicable);
const bandOf = (percent: number) => BAND_NAMES[percent >= 80 ? 3 : percent >= 65 ? 2 : percent >= 50 ? 1 : 0];
function overallOf(ratings: string[]): string {
  const score = ratings.reduce((sum, rating) => sum + BAND_NAMES.indexOf(rating), 0);
  const n = ratings.length;
  return BAND_NAMES[score <= n / 2 ? 0 : score <= (3 * n) / 2 ? 1 : score <= (5 * n) / 2 ? 2 : 3];
}

/** Yes count and N/A count per key question, of CASES cases; the rest No. */
const CASES = 40;
const ANSWERS: Record<string, { yes: number; na: number }> = {
  // 2.1: lowest 2.1.1 at 63% (25 of 40), 2 points below Good: the panel may raise it.
  '2.1.1': { yes: 25, na: 0 },
  '2.1.2': { yes: 30, na: 0 },
  '2.1.3': { yes: 27, na: 10 },
  // 2.2: Inadequate (25%); the panel's "Good" is two bands away and is refused.
  '2.2.1': { yes: 10, na: 0 },
  '2.2.2': { yes: 33, na: 0 },
  '2.2.3': { yes: 20, na: 10 },
  '2.3.1': { yes: 29, na: 0 },
  '2.3.2': { yes: 35, na: 0 },
  '2.3.3': { yes: 30, na: 10 },
  '2.4.1': { yes: 34, na: 0 },
  '2.4.2': { yes: 38, na: 0 },
  '2.4.3': { yes: 27, na: 12 },
};
const UNPAID_CASES = 12;
const UNPAID: Record<string, { yes: number; na: number }> = { '4.1.1': { yes: 11, na: 0 }, '4.1.2': { yes: 9, na: 0 }, '4.1.4': { yes: 7, na: 1 } };
const DOMAIN_ONE: Record<string, string> = { '1.1': 'Good', '1.2': 'Good', '1.3': 'Requires improvement' }; // 1.4 left blank: Not rated
const PANEL: Record<string, [string, string]> = { '2.1': ['Good', 'Assessment is close to Good and improving.'], '2.2': ['Good', 'We think planning is better than the cases show.'] };

/** Fills a case tab as another program would: finds columns by the id its header starts with. */
function fillCases(sheet: ExcelJS.Worksheet, answers: Record<string, { yes: number; na: number }>, cases: number): void {
  const header = sheet.getRow(1).values as unknown[];
  for (let row = 2; row <= cases + 1; row += 1) sheet.getRow(row).getCell(1).value = `C${row - 1}`;
  for (const [id, { yes, na }] of Object.entries(answers)) {
    const column = header.findIndex((cell) => typeof cell === 'string' && cell.startsWith(`${id} `));
    if (column < 1) throw new Error(`The template has no column for ${id}.`);
    for (let index = 0; index < cases; index += 1) sheet.getRow(index + 2).getCell(column).value = index < yes ? 'Yes' : index < yes + na ? 'N/A' : 'No';
  }
}

function fillList(sheet: ExcelJS.Worksheet, cellsById: Record<string, string[]>, firstColumn: number): void {
  sheet.eachRow((row, rowNumber) => {
    const cells = cellsById[String(row.getCell(1).value)];
    if (rowNumber > 1 && cells) cells.forEach((value, offset) => (row.getCell(firstColumn + offset).value = value));
  });
}

/** What the method gives for a case tab's standards, from the answers above. */
function expectedStandard(id: string, answers: Record<string, { yes: number; na: number }>, cases: number) {
  const keyQuestions = Object.entries(answers)
    .filter(([kq]) => kq.startsWith(`${id}.`))
    .map(([kq, { yes, na }]) => ({ id: kq, yes, applicable: cases - na, percent: percentOf(yes, cases - na) }));
  return { indicative: bandOf(Math.min(...keyQuestions.map((keyQuestion) => keyQuestion.percent))), keyQuestions };
}

describe('tools › template then rate, as a user would', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-rate-'));
  const template = join(dir, 'template.xlsx');
  const filled = join(dir, 'filled.xlsx');
  let rated: CommandResult;
  let json: {
    framework: string;
    standards: Array<{ id: string; name: string; indicative: string | null; rating: string | null; score: number | null; keyQuestions: unknown[]; error?: string }>;
    overall: Record<string, unknown>;
    problems: Array<{ tab: string; cell: string; message: string }>;
  };

  beforeAll(async () => {
    const made = await command('template.ts', ['--out', template]);
    expect(made).toMatchObject({ status: 0 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    fillCases(workbook.getWorksheet('Case supervision')!, ANSWERS, CASES);
    fillCases(workbook.getWorksheet('Unpaid work')!, UNPAID, UNPAID_CASES);
    fillList(workbook.getWorksheet('Domain one')!, Object.fromEntries(Object.entries(DOMAIN_ONE).map(([id, rating]) => [id, [rating]])), 4);
    fillList(workbook.getWorksheet('Panel')!, PANEL, 4);
    await workbook.xlsx.writeFile(filled);
    rated = await command('rate.ts', [filled, '--json', '--out', join(dir, 'rated.xlsx')]);
    json = JSON.parse(lastLine(rated.stdout));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a template with every tab and the answer dropdowns', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Case supervision', 'Unpaid work', 'Through the Gate', 'Domain one', 'Panel', 'Comparison', 'Ratings']));
    const cases = workbook.getWorksheet('Case supervision')!;
    const column = (cases.getRow(1).values as unknown[]).findIndex((cell) => String(cell).startsWith('2.1.1 '));
    expect(cases.getRow(121).getCell(column).dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No,N/A"'] });
  });

  it('refuses an unknown framework with the known ones', async () => {
    const result = await command('template.ts', ['--framework', 'no-such', '--out', join(dir, 'never.xlsx')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('Unknown framework "no-such". Known frameworks: crc-2018, yj-2018, yj-2021.');
    expect(existsSync(join(dir, 'never.xlsx'))).toBe(false);
  });

  it('exits 0 and ends stdout with one JSON line for the framework', () => {
    expect(rated.status).toBe(0);
    expect(json.framework).toBe('crc-2018');
    expect(json.standards.map((standard) => standard.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '4.1', '4.2']);
  });

  it('counts every key question of the filled tabs as the method does', () => {
    for (const [answers, cases, ids] of [[ANSWERS, CASES, ['2.1', '2.2', '2.3', '2.4']], [UNPAID, UNPAID_CASES, ['4.1']]] as const) {
      for (const id of ids) {
        const standard = json.standards.find((candidate) => candidate.id === id)!;
        const expected = expectedStandard(id, answers, cases);
        expect([id, standard.indicative, standard.keyQuestions]).toEqual([id, expected.indicative, expected.keyQuestions]);
      }
    }
  });

  it('applies the panel move the method allows, refuses the other, and lists the refusal as a problem', () => {
    const byId = new Map(json.standards.map((standard) => [standard.id, standard]));
    expect(byId.get('2.1')).toMatchObject({ indicative: 'Requires improvement', rating: 'Good', score: 2 });
    expect(byId.get('2.2')).toMatchObject({ indicative: 'Inadequate', rating: 'Inadequate', score: 0 });
    expect(json.problems).toContainEqual({ tab: 'Panel', cell: 'D3', message: expect.stringMatching(/2\.2 Planning by one band only/) });
  });

  it('takes domain one from the lead inspector, and an empty tab or a blank rating is Not rated', () => {
    const byId = new Map(json.standards.map((standard) => [standard.id, standard]));
    expect(['1.1', '1.2', '1.3'].map((id) => byId.get(id)!.rating)).toEqual(['Good', 'Good', 'Requires improvement']);
    expect(byId.get('1.4')).toMatchObject({ rating: 'Not rated', score: null, keyQuestions: [] });
    expect(byId.get('4.2')).toMatchObject({ rating: 'Not rated', score: null });
    expect((byId.get('4.2')!.keyQuestions as Array<{ percent: unknown }>).map((keyQuestion) => keyQuestion.percent)).toEqual([null, null, null]);
  });

  it('gives the provisional overall rating of the rated standards, out of every counted one', () => {
    const rated = json.standards.filter((standard) => standard.rating !== 'Not rated').map((standard) => standard.rating!);
    const score = rated.reduce((sum, rating) => sum + BAND_NAMES.indexOf(rating), 0);
    expect(json.overall).toEqual({ score, outOf: 30, rated: rated.length, of: 10, rating: overallOf(rated) });
    expect(rated).toHaveLength(8);
  });

  it('prints the ratings page and the data problems before the JSON', () => {
    expect(rated.stdout).toMatch(/^ {2}2\.1 Assessment +Good +2\.1\.1 63% {2}2\.1\.2 75% {2}2\.1\.3 90% {2}\(Panel: Requires improvement → Good\)$/m);
    expect(rated.stdout).toMatch(/^Overall: \d+\/30, .+ \(provisional: 8 of 10 standards rated\)$/m);
    // A key question without data is said to have none, never called qualitative (only 4.1.3 is).
    expect(rated.stdout).toMatch(/^ {2}4\.2 Through the Gate +Not rated +4\.2\.1 no Yes\/No yet {2}4\.2\.2 no Yes\/No yet {2}4\.2\.3 no Yes\/No yet$/m);
    expect(rated.stdout.match(/qualitative/g)).toEqual(['qualitative']);
    expect(rated.stdout).toMatch(/^ {2}Panel!D3: The panel may move 2\.2 Planning by one band only/m);
  });

  it('rates the blank template too: every standard Not rated, no score yet, nothing in error (R12)', async () => {
    const blank = await command('rate.ts', [template, '--json', '--out', join(dir, 'blank-rated.xlsx')]);
    expect(blank.status).toBe(0);
    expect(blank.stdout).toMatch(/^Overall: no score yet, Not rated \(provisional: 0 of 10 standards rated\)$/m);
    const result = JSON.parse(lastLine(blank.stdout));
    expect(result.overall).toEqual({ score: null, outOf: 30, rated: 0, of: 10, rating: 'Not rated' });
    expect(result.standards.every((standard: { rating: string; score: unknown }) => standard.rating === 'Not rated' && standard.score === null)).toBe(true);
  });

  it('never changes the input file', async () => {
    const before = { bytes: readFileSync(filled), mtime: statSync(filled).mtimeMs };
    const again = await command('rate.ts', [filled, '--out', join(dir, 'again.xlsx')]);
    expect(again.status).toBe(0);
    expect(readFileSync(filled).equals(before.bytes)).toBe(true);
    expect(statSync(filled).mtimeMs).toBe(before.mtime);
    expect(existsSync(join(dir, 'again.xlsx'))).toBe(true);
  });

  it('gives a standard with an invalid answer an error, still counts its other key questions, and has no overall rating', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(filled);
    const cases = workbook.getWorksheet('Case supervision')!;
    const column = (cases.getRow(1).values as unknown[]).findIndex((cell) => String(cell).startsWith('2.3.2 '));
    cases.getRow(4).getCell(column).value = 'Maybe';
    const broken = join(dir, 'broken.xlsx');
    await workbook.xlsx.writeFile(broken);
    const { report } = await rate({ root: ROOT, file: broken, out: join(dir, 'broken-rated.xlsx') });
    const standard = report.standards.find((figure) => figure.standard.id === '2.3')!;
    expect(standard).toMatchObject({ rating: null, error: expect.stringMatching(/Row 4, column "2\.3\.2 .*": "Maybe" is not an answer/) });
    expect(standard.keyQuestions.map((keyQuestion) => keyQuestion.percent)).toEqual([percentOf(29, 40), null, percentOf(30, 30)]);
    expect(report.overall).toMatchObject({ score: null, rating: null, error: expect.stringContaining('2.3 Implementation and delivery') });
    expect(report.problems).toContainEqual(expect.objectContaining({ tab: 'Case supervision', cell: expect.stringMatching(/4$/), message: expect.stringContaining('"Maybe" is not an answer'), kind: 'invalid' }));
  });
});

describe('tools › rate prints the problems that block a rating first', () => {
  it('lists an invalid answer and a missing column before the key questions not answered yet, each group in row order', () => {
    const problems: RatingsReport['problems'] = [
      { tab: 'Case supervision', cell: 'K2', message: 'Row 2, column "2.1.1 Engaging": the key question is not answered yet.', kind: 'unanswered' },
      { tab: 'Case supervision', cell: 'K3', message: 'Row 3, column "2.1.1 Engaging": "Maybe" is not an answer.', kind: 'invalid' },
      { tab: 'Case supervision', cell: 'L3', message: 'Row 3, column "2.1.2 Planning": the key question is not answered yet.', kind: 'unanswered' },
      { tab: 'Unpaid work', cell: 'A1', message: 'Unpaid work: the cases range has no column for 3.1.1.', kind: 'unreadableTab' },
    ];
    expect(problemLines({ problems } as RatingsReport)).toEqual([
      'Data problems (4):',
      '  Case supervision!K3: Row 3, column "2.1.1 Engaging": "Maybe" is not an answer.',
      '  Unpaid work!A1: Unpaid work: the cases range has no column for 3.1.1.',
      '  Case supervision!K2: Row 2, column "2.1.1 Engaging": the key question is not answered yet.',
      '  Case supervision!L3: Row 3, column "2.1.2 Planning": the key question is not answered yet.',
    ]);
  });
});

describe('tools › rate refuses what it cannot use, in one line, writing nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-refuse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function refused(file: string): Promise<CommandResult> {
    const result = await command('rate.ts', [file, '--json', '--out', join(dir, 'out.xlsx'), '--html', join(dir, 'out.html')]);
    expect(existsSync(join(dir, 'out.xlsx')) || existsSync(join(dir, 'out.html'))).toBe(false);
    return result;
  }

  it('a missing file', async () => {
    const file = join(dir, 'missing.xlsx');
    const result = await refused(file);
    expect([result.status, result.stderr]).toEqual([2, `${file}: no such file.\n`]);
  });

  it('a text file named .xlsx', async () => {
    const file = join(dir, 'notes.xlsx');
    writeFileSync(file, 'just some notes\n');
    const result = await refused(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}: not an \\.xlsx workbook \\([^\\n]+\\)\\.\\n$`));
  });

  it('a workbook with no case tab', async () => {
    const file = join(dir, 'budget.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Budget').addRows([['Item', 'Cost'], ['Tea', 3]]);
    await workbook.xlsx.writeFile(file);
    const result = await refused(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}: no recognisable case tab \\(expected a tab named "Case supervision", [^\\n]+\\)\\.\\n$`));
  });

  it('a case tab with a key question headed twice is still read: its standards have the error, the others are rated', async () => {
    const file = join(dir, 'twice.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Case supervision').addRows([['Case ID', '2.1.1 Engaging?', '2.1.1 Again?'], ['C1', 'Yes', 'No']]);
    workbook.addWorksheet('Unpaid work').addRows([['Case ID', '4.1.1 A?', '4.1.2 B?', '4.1.4 C?'], ['U1', 'Yes', 'Yes', 'No']]);
    await workbook.xlsx.writeFile(file);
    const result = await rate({ root: ROOT, file, out: join(dir, 'twice-rated.xlsx') });
    expect(result.summaries).toEqual([expect.stringMatching(/^Case supervision: Two columns are headed 2\.1\.1/)]);
    const byId = new Map(result.report.standards.map((figure) => [figure.standard.id, figure]));
    expect(byId.get('2.1')).toMatchObject({ rating: null, error: expect.stringMatching(/Two columns are headed 2\.1\.1/) });
    expect(byId.get('4.1')).toMatchObject({ indicative: 'Inadequate', rating: 'Inadequate' });
    expect(result.report.overall).toMatchObject({ rating: null, error: expect.stringContaining('2.1 Assessment') });
  });

  it('a case tab with only some key questions is completed, and the added columns are named', async () => {
    const file = join(dir, 'assessment-only.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Case supervision').addRows([['Case ID', '2.1.1 Engaging?', '2.1.2 Desistance?', '2.1.3 Safety?'], ['C1', 'Yes', 'Yes', 'Yes'], ['C2', 'Yes', 'Yes', 'N/A']]);
    await workbook.xlsx.writeFile(file);
    const result = await rate({ root: ROOT, file, out: join(dir, 'assessment-rated.xlsx') });
    expect(result.setup.find((line) => line.startsWith('Case supervision: '))).toMatch(/added \d+ missing columns \(Inspector, .*2\.2\.1.*\)/);
    expect(result.report.standards.find((figure) => figure.standard.id === '2.1')).toMatchObject({ indicative: 'Outstanding', rating: 'Outstanding' });
    expect(result.report.standards.find((figure) => figure.standard.id === '2.2')).toMatchObject({ rating: 'Not rated' });
  });
});

describe('tools › a youth justice workbook (yj-2018): template, filled elsewhere, rated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-youth-'));
  const template = join(dir, 'youth.xlsx');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Court disposals: every key question at 9 of 10 (90%, Outstanding); out-of-court at 5 of 10 (50%, Requires improvement).
  const court = Object.fromEntries(['2.1', '2.2', '2.3', '2.4'].flatMap((standard) => [1, 2, 3].map((k) => [`${standard}.${k}`, { yes: 9, na: 0 }])));
  const outOfCourt = Object.fromEntries(['3.1', '3.2', '3.3'].flatMap((standard) => [1, 2, 3].map((k) => [`${standard}.${k}`, { yes: 5, na: 0 }])));

  /** Rates the template filled with the cases above and the given judgement ratings (1.1–1.4, 3.4). */
  async function rateWith(judgements: string[]): Promise<{ overall: Record<string, unknown>; standards: Array<{ id: string; rating: string; score: number | null; keyQuestions: Array<{ id: string; yes: number; applicable: number; percent: number | null }> }> }> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    fillCases(workbook.getWorksheet('Court disposals')!, court, 10);
    fillCases(workbook.getWorksheet('Out-of-court disposals')!, outOfCourt, 10);
    const ids = ['1.1', '1.2', '1.3', '1.4', '3.4'];
    fillList(workbook.getWorksheet('Domain one')!, Object.fromEntries(ids.map((id, index) => [id, [judgements[index]]])), 4);
    const filled = join(dir, `filled-${judgements.join('-').replace(/ /g, '')}.xlsx`);
    await workbook.xlsx.writeFile(filled);
    const rated = await command('rate.ts', [filled, '--json', '--out', join(dir, 'rated.xlsx')]);
    expect(rated.status).toBe(0);
    return JSON.parse(lastLine(rated.stdout));
  }

  beforeAll(async () => {
    expect(await command('template.ts', ['--framework', 'yj-2018', '--out', template])).toMatchObject({ status: 0 });
  });

  it("the blank template's dropdown columns are wide enough for the longest value they offer", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.getWorksheet('Out-of-court disposals')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    // The framework's out-of-court Disposal type values, the longest 25 characters (the header 13).
    const disposal = sheet.getColumn(header.indexOf('Disposal type'));
    expect(sheet.getCell(2, disposal.number).dataValidation.formulae).toEqual(['"Youth caution,Youth conditional caution,Community resolution"']);
    expect(disposal.width).toBeGreaterThanOrEqual('Youth conditional caution'.length);
  });

  // Cases give 4 × Outstanding (12) + 3 × Requires improvement (3) = 15 of 36; the five judgements add the rest.
  it.each([
    [['Inadequate', 'Inadequate', 'Inadequate', 'Requires improvement', 'Requires improvement'], 17, 'Requires improvement'],
    [['Inadequate', 'Inadequate', 'Requires improvement', 'Requires improvement', 'Requires improvement'], 18, 'Requires improvement'],
    [['Inadequate', 'Requires improvement', 'Requires improvement', 'Requires improvement', 'Requires improvement'], 19, 'Good'],
    [['Good', 'Good', 'Good', 'Good', 'Outstanding'], 26, 'Good'],
  ])('judgements %j: 12 standards counted, out of 36, score %i → %s', async (judgements, score, rating) => {
    const json = await rateWith(judgements);
    expect(json.overall).toMatchObject({ score, outOf: 36, rated: 12, of: 12, rating });
    expect(json.standards).toHaveLength(12);
    const byId = new Map(json.standards.map((standard) => [standard.id, standard]));
    expect(byId.get('2.1')).toMatchObject({ rating: 'Outstanding', score: 3, keyQuestions: [1, 2, 3].map((k) => ({ id: `2.1.${k}`, yes: 9, applicable: 10, percent: 90 })) });
    expect(byId.get('3.3')).toMatchObject({ rating: 'Requires improvement', score: 1 });
  });
});

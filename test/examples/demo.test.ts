import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import figures from '../../examples/thames-valley-2019/figures.json';
import { DemoResult, runDemo } from '../../tools/demo';
import { columnLetters } from '../../runtime';

const ROOT = join(__dirname, '..', '..');
const SUMMARY_TABS = ['Ratings', 'Key questions', 'Prompts', 'Sub-samples', 'Data quality'];
const IMPORTED_TABS = ['Case supervision', 'Unpaid work', 'Through the Gate', 'Domain one', 'Panel', 'Comparison'];

type Figure = { current?: number; previous?: number };
const KEY_QUESTIONS = figures.keyQuestions as Record<string, Figure>;
const PROMPTS = figures.prompts as Record<string, Figure>;

const whole = (fraction: unknown) => Math.round(Number(fraction) * 100);

/** docs/method.md: each standard's printed line, as the report's ratings page shows it. */
const EXPECTED_LINES: Array<[string, RegExp]> = [
  ['1.1', /^ {2}1\.1 Leadership +Good$/],
  ['1.2', /^ {2}1\.2 Staff +Good$/],
  ['1.3', /^ {2}1\.3 Services +Good$/],
  ['1.4', /^ {2}1\.4 Information and facilities +Good$/],
  ['2.1', /^ {2}2\.1 Assessment +Good +2\.1\.1 65% {2}2\.1\.2 81% {2}2\.1\.3 70%$/],
  ['2.2', /^ {2}2\.2 Planning +Good +2\.2\.1 74% {2}2\.2\.2 74% {2}2\.2\.3 61% {2}\(Panel: Requires improvement → Good\)$/],
  ['2.3', /^ {2}2\.3 Implementation and delivery +Inadequate +2\.3\.1 67% {2}2\.3\.2 44% {2}2\.3\.3 47%$/],
  ['2.4', /^ {2}2\.4 Reviewing +Inadequate +2\.4\.1 57% {2}2\.4\.2 59% {2}2\.4\.3 42%$/],
  ['4.1', /^ {2}4\.1 Unpaid work +Good +4\.1\.1 83% {2}4\.1\.2 83% {2}4\.1\.3 qualitative {2}4\.1\.4 74%$/],
  ['4.2', /^ {2}4\.2 Through the Gate +Outstanding +4\.2\.1 93% {2}4\.2\.2 79% {2}4\.2\.3 100% {2}\(Panel: Good → Outstanding\)$/],
];

describe('demo › the example workbook through the built add-on', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'inspection-ratings-demo-'));
  let demo: DemoResult;

  beforeAll(async () => {
    demo = await runDemo({ root: ROOT, out: join(outDir, 'thames-valley-2019-rated.xlsx') });
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('imports the case-level workbook with its layout, and New inspection takes its tabs over', () => {
    // A workbook from before the Framework: header, Status and the evidence columns gains those, appended; no question column is added.
    for (const tab of IMPORTED_TABS) {
      const lines = demo.setup.filter((line) => line.startsWith(`${tab}: `));
      expect(lines).toEqual([expect.not.stringMatching(/not made by|created/)]);
      const added = /added \d+ missing columns? \((.*)\) after/.exec(lines[0])?.[1].split(', ') ?? [];
      expect(added.filter((header) => !/^(Framework: crc-2018|Status|Evidence \d+\.\d+\.\d+|Case summary)$/.test(header))).toEqual([]);
    }
    const workbook = demo.runtime.workbook;
    const header = workbook.sheetValues('Case supervision')[0].map(String);
    const answer = header.findIndex((cell) => cell.startsWith('2.1.1 ')) + 1;
    // The last row New inspection's grid holds (room for 120 cases) has the dropdown too.
    expect(workbook.format('Case supervision', `${columnLetters(answer)}121`).validation).toMatchObject({ criteria: 'VALUE_IN_LIST', values: [['Yes', 'No', 'N/A'], true], allowInvalid: true });
    expect(workbook.sheet('Case supervision').frozenRows).toBe(1);
    expect(workbook.sheet('Case supervision').conditionalFormats.map((rule) => rule.values[0])).toEqual(['Yes', 'No', 'N/A']);
    expect(workbook.format('Panel', 'F3').numberFormat).toBe('yyyy-mm-dd');
  });

  it('generates every summary tab', () => {
    expect(demo.summaries.map((line) => line.split(':')[0])).toEqual(SUMMARY_TABS);
    expect(demo.summaries.join('\n')).not.toMatch(/not made by/);
  });

  it.each(EXPECTED_LINES)('prints standard %s with its key-question percentages and rating (docs/method.md)', (standardId, line) => {
    expect(demo.lines.filter((printed) => printed.startsWith(`  ${standardId} `))).toEqual([expect.stringMatching(line)]);
  });

  it('prints the overall score and rating, 17/30 Good', () => {
    expect(demo.lines).toContain('Overall: 17/30, Good');
  });

  it('reads the ratings from the evaluated Ratings tab', () => {
    const ratings = new Map(demo.runtime.sheetValues('Ratings').map((row) => [String(row[0]), row]));
    for (const [standardId, rating] of Object.entries(figures.ratings)) expect([standardId, ratings.get(standardId)?.[2]]).toEqual([standardId, rating]);
    expect(ratings.get('2.2')?.slice(2, 6)).toEqual(['Good', 2, 'Requires improvement', 'Panel: Requires improvement → Good']);
    expect(ratings.get('4.2')?.slice(2, 6)).toEqual(['Outstanding', 3, 'Good', 'Panel: Good → Outstanding']);
    expect([ratings.get('Overall score')?.[2], ratings.get('Overall rating')?.[2]]).toEqual([17, 'Good']);
  });

  it('shows every key question at its published percentage, with the previous and all-CRCs figures', () => {
    const rows = demo.runtime.sheetValues('Key questions').filter((row) => String(row[1]) in KEY_QUESTIONS);
    expect(rows.map((row) => row[1]).sort()).toEqual(Object.keys(KEY_QUESTIONS).sort());
    for (const row of rows) {
      const figure = figures.keyQuestions[String(row[1]) as keyof typeof figures.keyQuestions] as { current: number; previous?: number; aggregate?: number };
      expect([row[1], whole(row[5]), row[8] === '' ? undefined : whole(row[8]), row[11] === '' ? undefined : whole(row[11])]).toEqual([row[1], figure.current, figure.previous, figure.aggregate]);
    }
  });

  it('shows every prompt of Annex 4 on the Prompts tab, current and previous', () => {
    const rows = demo.runtime.sheetValues('Prompts').filter((row) => String(row[0]) in PROMPTS);
    expect(rows.map((row) => row[0])).toEqual(Object.keys(PROMPTS));
    for (const row of rows) {
      const figure = PROMPTS[String(row[0])];
      expect([row[0], row[4] === '' ? undefined : whole(row[4]), row[5] === '' ? undefined : whole(row[5])]).toEqual([row[0], figure.current, figure.previous]);
    }
  });

  it('shows the report\'s sentence-type splits on the Sub-samples tab', () => {
    const byGroup = new Map<string, number>();
    let group = '';
    for (const row of demo.runtime.sheetValues('Sub-samples')) {
      const title = /^Case supervision — Sentence type: (\w+)$/.exec(String(row[0]));
      if (title) group = title[1];
      else if (group && /^\d+\.\d+\.\d+$/.test(String(row[1]))) byGroup.set(`${row[1]} ${group}`, whole(row[5]));
    }
    for (const split of figures.subSampleSplits.filter((candidate) => candidate.by === 'Sentence type' && !candidate.id.includes('('))) {
      for (const [value, percent] of Object.entries(split.percent)) expect([split.id, value, byGroup.get(`${split.id} ${value}`)]).toEqual([split.id, value, percent]);
    }
  });

  it('finds no data problem in the example (N/A on a conditional prompt is not questioned)', () => {
    const tab = demo.runtime.sheetValues('Data quality');
    expect(tab[0][0]).toMatch(/^Data quality: no problems found when the summaries were generated \(\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d\)\.$/);
    expect(tab[1]).toEqual(['Tab', 'Cell', 'Column', 'Value', 'Problem']);
    expect(tab.slice(2).filter((row) => row.some((cell) => cell !== ''))).toEqual([]);
  });

  it('writes a workbook another reader opens, with the summary tabs and their values cached', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(demo.outFile);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining([...SUMMARY_TABS, ...IMPORTED_TABS]));
    const valueOf = (cell: ExcelJS.Cell) => (cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
    const ratings = book.getWorksheet('Ratings')!;
    const byLabel = new Map<string, ExcelJS.Row>();
    ratings.eachRow((row) => byLabel.set(String(row.getCell(1).value), row));
    for (const [standardId, rating] of Object.entries(figures.ratings)) expect([standardId, valueOf(byLabel.get(standardId)!.getCell(3))]).toEqual([standardId, rating]);
    // Other readers lack the add-on's functions: those cells are values; plain formulas stay formulas,
    // and the overall score is one now (docs/design.md "Runs per edit").
    expect(byLabel.get('Overall score')!.getCell(3).formula).toMatch(/SUM\(D2:D11\)/);
    expect(ratings.getCell('I3').formula).toBeUndefined();
    expect(byLabel.get('Overall score')!.getCell(4).value).toBe('out of 30');
    expect(byLabel.get('Overall rating')!.getCell(4).formula).toMatch(/^IF\(COUNT\(D2:D11\)=10, "", "provisional: "/);
    expect([valueOf(byLabel.get('Overall score')!.getCell(3)), valueOf(byLabel.get('Overall rating')!.getCell(3))]).toEqual([17, 'Good']);

    const keyQuestions = new Map<string, number>();
    book.getWorksheet('Key questions')!.eachRow((row) => {
      const id = String(valueOf(row.getCell(2)));
      if (id in KEY_QUESTIONS) keyQuestions.set(id, whole(valueOf(row.getCell(6))));
    });
    expect(Object.fromEntries(keyQuestions)).toEqual(Object.fromEntries(Object.entries(KEY_QUESTIONS).map(([id, figure]) => [id, figure.current])));

    const prompts = new Map<string, unknown>();
    book.getWorksheet('Prompts')!.eachRow((row) => {
      const id = String(valueOf(row.getCell(1)));
      if (id in PROMPTS) prompts.set(id, valueOf(row.getCell(5)));
    });
    for (const [id, figure] of Object.entries(PROMPTS)) expect([id, figure.current === undefined ? prompts.get(id) ?? null : whole(prompts.get(id))]).toEqual([id, figure.current ?? null]);

    const cases = book.getWorksheet('Case supervision')!;
    expect(cases.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(JSON.stringify((cases as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings)).toContain('"\\"N/A\\""');
    expect(Object.values((cases as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model)).toContainEqual(
      expect.objectContaining({ type: 'list', formulae: ['"Yes,No,N/A"'] }),
    );
  });
});

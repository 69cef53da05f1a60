/**
 * The Word report (`rate --docx`, docs/report.md), read back by mammoth — a .docx reader that is not
 * this project's code — and opened by LibreOffice. The expected figures are the published report's
 * (examples/thames-valley-2019/figures.json, transcribed from it) or typed here, never the model's.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import figures from '../../examples/thames-valley-2019/figures.json';
import { rate } from '../../tools/rate';
import { libreOfficeConvert } from '../support/externalTools';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'thames-valley-2019', 'thames-valley-2019.xlsx');
const run = promisify(execFile);
jest.setTimeout(120_000);

/** The document's paragraphs and table cells as text, one per line, as a reader sees them. */
async function documentLines(file: string): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ path: file });
  return value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** The lines after the first that starts with `start`, up to (not including) the first after it that starts with `end`. */
function between(lines: string[], start: string, end: string): string[] {
  const from = lines.findIndex((line) => line.startsWith(start));
  if (from < 0) throw new Error(`No line starts with "${start}".`);
  const to = lines.findIndex((line, index) => index > from && line.startsWith(end));
  return lines.slice(from + 1, to < 0 ? undefined : to);
}

describe('report › the example inspection as a Word document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-docx-'));
  const file = join(dir, 'report.docx');
  let lines: string[];
  let html: string;
  let buildMs: number;

  beforeAll(async () => {
    const started = Date.now();
    await rate({ root: ROOT, file: EXAMPLE, out: join(dir, 'rated.xlsx'), docx: file });
    buildMs = Date.now() - started;
    lines = await documentLines(file);
    html = (await mammoth.convertToHtml({ path: file })).value;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is titled from the Inspection tab, says what is blank there, and never shows the file name', () => {
    expect(lines[0]).toBe('Thames Valley Community Rehabilitation Company');
    expect(lines).toContain('An inspection of Thames Valley Community Rehabilitation Company (2019)');
    expect(lines).toContain('Lead inspector: Lead inspector not named — fill in the Inspection tab');
    expect(lines.find((line) => /^Draft generated on \d{1,2} [A-Z][a-z]+ \d{4}/.test(line))).toBeDefined();
    expect(lines.join('\n')).not.toMatch(/thames-valley-2019/);
    console.log(`rate with --docx on the example: ${buildMs} ms`);
  });

  it('has the published ratings of every standard and the overall 17/30 Good in its ratings table', () => {
    const table = between(lines, 'Ratings', 'Key questions against');
    for (const [id, rating] of Object.entries(figures.ratings)) {
      const at = table.indexOf(id);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(table[at + 2]).toBe(rating);
    }
    const overall = table.indexOf('Overall');
    expect(table.slice(overall + 1, overall + 3)).toEqual([figures.overall.rating, `${figures.overall.score}/30`]);
  });

  it('holds every published key-question figure, this inspection and the previous one, in its standard chapter', () => {
    const z = 1.2815515655446004;
    const wilson = (yes: number, n: number) => {
      const p = yes / n;
      const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
      const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
      return [centre - half, centre + half];
    };
    for (const [id, published] of Object.entries(figures.keyQuestions) as Array<[string, { current: number; previous?: number; aggregate?: number }]>) {
      const row = lines.findIndex((line) => line.startsWith(`${id} `));
      expect(row).toBeGreaterThan(0);
      // Key question, this inspection "65% (yes/applicable)", the interval, then the previous and all-CRCs columns.
      expect(lines[row + 1]).toMatch(new RegExp(`^${published.current}% \\(\\d+/\\d+\\)$`));
      // The 80% Wilson interval of those counts, worked out here (z = 1.2816): e.g. 2.1.1, 65 of 100, is 59–71%.
      const [, yes, applicable] = /\((\d+)\/(\d+)\)$/.exec(lines[row + 1])!.map(Number);
      const [lower, upper] = wilson(yes, applicable);
      expect(lines[row + 2]).toBe(`${Math.round(100 * lower)}–${Math.round(100 * upper)}%`);
      if (id === '2.1.1') expect(lines[row + 2]).toBe('59–71%');
      if (id === '4.2.1') expect(lines[row + 2]).toBe('79–98%');
      if (published.previous !== undefined) expect(lines[row + 3]).toMatch(new RegExp(`^${published.previous}%`));
      if (published.aggregate !== undefined) expect(lines[row + 4]).toMatch(new RegExp(`^${published.aggregate}%`));
    }
  });

  it('names the comparison columns as the Inspection tab does', () => {
    const chapter = between(lines, '2.1 Assessment', '2.2 Planning');
    expect(chapter).toEqual(expect.arrayContaining(['Key question', 'This inspection', '80% interval', 'Previous inspection (2018)', 'All CRCs']));
  });

  it('gives both panel moves with their rationales', () => {
    for (const [id, judgement] of Object.entries(figures.panelJudgements)) {
      const name = id === '2.2' ? 'Planning' : 'Through the Gate';
      const chapter = between(lines, `${id} ${name}`, id === '2.2' ? '2.3 ' : 'Annex');
      expect(chapter.find((line) => line.startsWith(`The ratings panel moved the rating from ${judgement.indicative} to ${judgement.panel}`))).toBeDefined();
      expect(chapter).toContain(`Rationale: ${judgement.rationale}`);
    }
  });

  it('puts Strengths and Areas for improvement in every standard chapter, the annex of prompts after them, and the data problems last', () => {
    expect(lines.filter((line) => line === 'Strengths')).toHaveLength(10);
    expect(lines.filter((line) => line === 'Areas for improvement')).toHaveLength(10);
    const annex = lines.findIndex((line) => line.startsWith('Annex'));
    expect(annex).toBeGreaterThan(lines.lastIndexOf('Strengths'));
    expect(lines[lines.findIndex((line) => line.startsWith('Data problems')) + 1]).toBe('None.');
    expect(lines.findIndex((line) => line.startsWith('Data problems'))).toBeGreaterThan(annex);
    // Annex 4's prompts: 2.1.1(a) is among them, with its published figure.
    const prompt = lines.findIndex((line) => line.startsWith('2.1.1(a) '));
    expect(prompt).toBeGreaterThan(annex);
    const published = (figures.prompts as Record<string, { current?: number }>)['2.1.1(a)'];
    expect(lines[prompt + 1]).toMatch(new RegExp(`^${published.current}% `));
  });

  it('uses real headings, header rows that repeat, and gives the chart image alt text', () => {
    expect(html).toMatch(/<h1>Ratings<\/h1>/);
    expect(html).toMatch(/<h2>2\.1 Assessment<\/h2>/);
    expect(html).toMatch(/<h3>Strengths<\/h3>/);
    expect(html).toMatch(/<thead><tr><th>/);
    const alt = /<img alt="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(alt).toMatch(/2\.1\.1 65% Good/);
    expect(alt).toMatch(/4\.2\.3 100% Outstanding/);
  });

  it('opens in LibreOffice Writer (converted to PDF)', async () => {
    const pdf = readFileSync(await libreOfficeConvert('writer', file, 'pdf', dir));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

/** Fills a template's case tab with the given answers and notes, by header, as another program would. */
function fillCaseTab(sheet: ExcelJS.Worksheet, cases: Array<Record<string, string>>): void {
  const header = Array.from(sheet.getRow(1).values as unknown[], (cell) => (typeof cell === 'string' ? cell : ''));
  cases.forEach((values, index) => {
    for (const [prefix, value] of Object.entries(values)) {
      const column = header.findIndex((cell) => cell === prefix || cell.startsWith(`${prefix} `));
      if (column < 1) throw new Error(`The template has no column starting "${prefix}".`);
      sheet.getRow(index + 2).getCell(column).value = value;
    }
  });
}

describe('report › evidence notes typed beside the answers in a template filled elsewhere', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-notes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts the note beside a Yes under Strengths and the note beside a No under Areas for improvement, with case IDs', async () => {
    const template = join(dir, 'template.xlsx');
    await run(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'template.ts'), '--out', template], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    fillCaseTab(workbook.getWorksheet('Case supervision')!, [
      { 'Case ID': 'CS-001', '2.1.1': 'Yes', 'Evidence 2.1.1': 'Police and children’s services checks were made before sentence.' },
      { 'Case ID': 'CS-002', '2.1.1': 'No', 'Evidence 2.1.1': 'No domestic abuse enquiry was made at the start.' },
      { 'Case ID': 'CS-003', '2.1.1': 'N/A', 'Evidence 2.1.1': 'Transferred in after assessment.' },
    ]);
    const filled = join(dir, 'filled.xlsx');
    await workbook.xlsx.writeFile(filled);
    const file = join(dir, 'report.docx');
    await rate({ root: ROOT, file: filled, out: join(dir, 'rated.xlsx'), docx: file });
    const chapter = between(await documentLines(file), '2.1 Assessment', '2.2 Planning');
    expect(between(chapter, 'Strengths', 'Areas for improvement')).toEqual(['2.1.1, case CS-001: Police and children’s services checks were made before sentence.']);
    expect(chapter.slice(chapter.indexOf('Areas for improvement') + 1)).toEqual(['2.1.1, case CS-002: No domestic abuse enquiry was made at the start.']);
    expect(chapter.join('\n')).not.toMatch(/Transferred in/);
  });
});

describe('report › a youth justice report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-youth-docx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says its wording is provisional and that 4.1 does not count', async () => {
    const template = join(dir, 'youth.xlsx');
    await run(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'template.ts'), '--framework', 'yj-2021', '--out', template], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT } });
    const file = join(dir, 'youth.docx');
    await rate({ root: ROOT, file: template, out: join(dir, 'rated.xlsx'), docx: file });
    const lines = await documentLines(file);
    const titlePage = lines.slice(0, lines.indexOf('Ratings'));
    expect(titlePage.find((line) => line.startsWith('Provisional wording:'))).toBeDefined();
    expect(titlePage.find((line) => /^Standard 4\.1 .+ does not count towards the overall score\.$/.test(line))).toBeDefined();
    expect(lines[0]).toBe('Service not named — fill in the Inspection tab');
  });
});

/**
 * The Word report (`rate --docx`, docs/report.md), read back by mammoth — a .docx reader that is not
 * this project's code — and opened by LibreOffice. The expected figures are the published report's
 * (examples/thames-valley-2019/figures.json, transcribed from it) or typed here, never the model's.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import figures from '../../examples/thames-valley-2019/figures.json';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { ratingsReport } from '../../src/core/report';
import { caseTabLayouts } from '../../src/core/workbook';
import { rate } from '../../tools/rate';
import { libreOfficeConvert } from '../support/externalTools';
import { writeReportDocx } from '../../tools/reportDocx';

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

/** A draft's text after its contents page (whose entries repeat the headings). */
function afterContents(lines: string[]): string[] {
  return lines.slice(lines.lastIndexOf('Foreword'));
}

/** A part of the .docx package (document.xml, footer1.xml, settings.xml) as XML text. */
async function part(file: string, name: string): Promise<string> {
  const entry = (await JSZip.loadAsync(readFileSync(file))).file(`word/${name}`);
  if (!entry) throw new Error(`The document has no word/${name}.`);
  return entry.async('string');
}

/** Every table in mammoth's HTML, as rows of cell texts (header row first). */
function tablesOf(html: string): string[][][] {
  const strip = (cell: string) => cell.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, body]) => [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) => strip(cell))));
}

/**
 * Converts a document to PDF with LibreOffice. Where `npm test` runs, LibreOffice is installed:
 * without it this fails (it never skips), since a document Word or LibreOffice cannot open must not pass.
 */
async function toPdf(file: string, dir: string): Promise<Buffer> {
  return readFileSync(await libreOfficeConvert('writer', file, 'pdf', dir));
}

/** The example's case IDs (CS001, UW012, TG035): none may appear in a draft report. */
const CASE_ID = /\b(CS|UW|TG)\d{3}\b/;

describe('report › the example inspection as a draft report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-draft-'));
  const file = join(dir, 'draft.docx');
  let lines: string[];
  let html: string;
  let toWrite: string[];

  beforeAll(async () => {
    ({ toWrite } = await rate({ root: ROOT, file: EXAMPLE, docx: file }));
    lines = await documentLines(file);
    html = (await mammoth.convertToHtml({ path: file })).value;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a title page from the Inspection tab, with labelled details, saying what is blank, never the file name', () => {
    expect(lines[0]).toBe('Thames Valley Community Rehabilitation Company');
    expect(lines).toContain('Inspection report: draft');
    expect(lines).toContain('Inspection: An inspection of Thames Valley Community Rehabilitation Company (2019)');
    expect(lines).toContain('Lead inspector: not given — fill in the Inspection tab');
    expect(lines.find((line) => /^Draft generated on \d{1,2} [A-Z][a-z]+ \d{4}/.test(line))).toBeDefined();
    expect(lines.join('\n')).not.toMatch(/thames-valley-2019/);
  });

  it('has a contents field Word updates on open, page numbers in the footer and a header', async () => {
    const documentXml = await part(file, 'document.xml');
    expect(documentXml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;<\/w:instrText>/);
    expect(await part(file, 'settings.xml')).toMatch(/<w:updateFields( w:val="true")?\/>/);
    const footers = await Promise.all(['footer1.xml', 'footer2.xml'].map((name) => part(file, name).catch(() => '')));
    expect(footers.join('')).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footers.join('')).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    const headers = await Promise.all(['header1.xml', 'header2.xml'].map((name) => part(file, name).catch(() => '')));
    expect(headers.join('')).toContain('Thames Valley Community Rehabilitation Company: inspection report (draft)');
  });

  it("has the published report's sections in its order", () => {
    const chapters = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map(([, title]) => title.replace(/<[^>]+>/g, ''));
    expect(chapters).toEqual([
      'Foreword',
      'Ratings',
      'Overall findings',
      'Recommendations',
      'Background and context',
      '1. Organisational delivery',
      '2. Case supervision',
      '3. CRC-specific work',
      'Annex 1: Methodology',
      'Annex 2: Data',
    ]);
    const standards = [...html.matchAll(/<h2>(?:<a [^>]*><\/a>)?(\d\.\d) /g)].map(([, id]) => id);
    expect(standards).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '4.1', '4.2']);
  });

  it('keeps every heading with what follows it', async () => {
    const paragraphs = (await part(file, 'document.xml')).match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [];
    const headings = paragraphs.filter((paragraph) => /<w:pStyle w:val="Heading\d"\/>/.test(paragraph));
    // 10 chapters, 10 standards and 4 annex sections as Heading 1–2, and a Strengths and an Areas for improvement per standard.
    expect(headings.length).toBeGreaterThanOrEqual(10 + 10 + 20);
    expect(headings.filter((heading) => !heading.includes('<w:keepNext/>'))).toEqual([]);
  });

  it('leaves out the panel working: no case ID, no interval, no boundary sentence, no panel request, no data problems section', () => {
    const text = lines.join('\n');
    expect(text).not.toMatch(CASE_ID);
    expect(text).not.toMatch(/\binterval\b/i);
    expect(text).not.toMatch(/^\d+–\d+%$/m);
    expect(text).not.toMatch(/\bboundary\b/);
    expect(text).not.toMatch(/ratings panel|Rationale:/);
    expect(text).not.toMatch(/Data problems|no Yes\/No yet/);
    // Nothing under the ratings table is about significance.
    expect(between(afterContents(lines), 'Ratings', 'Overall findings').join('\n')).not.toMatch(/significan/i);
  });

  it('shows no column that is "—" on every row', () => {
    const tables = tablesOf(html);
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      const [header, ...rows] = table;
      header.forEach((title, column) => {
        const cells = rows.map((row) => row[column]).filter((value) => value !== undefined);
        if (cells.length > 0) expect([title, cells.every((value) => value === '—')]).toEqual([title, false]);
      });
    }
    // The all-CRCs figures are the key questions' only: the prompts' annex has no such column.
    const prompts = tables.find((table) => table[0][0] === 'Prompt')!;
    expect(prompts[0]).toEqual(['Prompt', 'This inspection', 'Previous inspection (2018)']);
  });

  it('marks every place to write in yellow, and rate --docx lists the same places', async () => {
    // 4 opening sections, Strengths and Areas for improvement for each of 10 standards, and the methodology: 25.
    expect(toWrite).toHaveLength(4 + 2 * 10 + 1);
    expect(toWrite.slice(0, 4)).toEqual(['[Write the foreword here]', '[Write the overall findings here]', '[Write the recommendations here]', '[Write the background and context here]']);
    expect(toWrite).toContain('[Write the strengths of 2.1 Assessment here]');
    expect(lines.filter((line) => /^\[Write .+ here\]$/.test(line))).toEqual(toWrite);
    const documentXml = await part(file, 'document.xml');
    const highlighted = [...documentXml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>)[\s\S])*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map(([, text]) => text);
    expect(highlighted).toEqual(toWrite);
  });

  it('has the published ratings of every standard and the overall 17/30 Good in its ratings table', () => {
    const table = between(afterContents(lines), 'Ratings', 'Overall findings');
    for (const [id, rating] of Object.entries(figures.ratings)) {
      const at = table.indexOf(id);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(table[at + 2]).toBe(rating);
    }
    const overall = table.indexOf('Overall');
    expect(table.slice(overall + 1, overall + 3)).toEqual([figures.overall.rating, `${figures.overall.score}/30`]);
  });

  it('holds every published key-question figure, this inspection, the previous one and all CRCs, in its standard chapter', () => {
    for (const [id, published] of Object.entries(figures.keyQuestions) as Array<[string, { current: number; previous?: number; aggregate?: number }]>) {
      const row = lines.findIndex((line) => line.startsWith(`${id} `));
      expect(row).toBeGreaterThan(0);
      expect(lines[row + 1]).toMatch(new RegExp(`^${published.current}% \\(\\d+/\\d+\\)$`));
      if (published.previous !== undefined) expect(lines[row + 2]).toMatch(new RegExp(`^${published.previous}%`));
      if (published.aggregate !== undefined) expect(lines[row + 3]).toMatch(new RegExp(`^${published.aggregate}%`));
    }
  });

  it("holds every published prompt figure in the data annex", () => {
    const annex = lines.slice(lines.indexOf('Annex 2: Data'));
    for (const [id, published] of Object.entries(figures.prompts as Record<string, { current?: number; previous?: number }>)) {
      const row = annex.findIndex((line) => line.startsWith(`${id} `));
      expect(row).toBeGreaterThan(0);
      if (published.current !== undefined) expect(annex[row + 1]).toMatch(new RegExp(`^${published.current}% `));
      if (published.previous !== undefined) expect(annex[row + 2]).toMatch(new RegExp(`^${published.previous}%`));
    }
  });

  it('gives the chart alt text naming every bar and the labelled boundaries', () => {
    const alt = /<img alt="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(alt).toMatch(/2\.1\.1: 65%, Good/);
    expect(alt).toMatch(/4\.2\.3: 100%, Outstanding/);
    expect(alt).toMatch(/Requires improvement from 50%, Good from 65%, Outstanding from 80%/);
  });

  it('opens in LibreOffice (converted to PDF)', async () => {
    const pdf = await toPdf(file, dir);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('report › the example inspection as the panel pack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-pack-'));
  const file = join(dir, 'pack.docx');
  let lines: string[];
  let html: string;
  let toWrite: string[];

  beforeAll(async () => {
    ({ toWrite } = await rate({ root: ROOT, file: EXAMPLE, out: join(dir, 'rated.xlsx'), docx: file, panelPack: true }));
    lines = await documentLines(file);
    html = (await mammoth.convertToHtml({ path: file })).value;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the panel\'s working document: nothing to write, not for publication', () => {
    expect(toWrite).toEqual([]);
    expect(lines).toContain('Ratings panel pack');
    expect(lines.find((line) => /not for publication/.test(line))).toBeDefined();
  });

  it('has the published ratings of every standard, the panel moves and the overall 17/30 Good in its ratings table', () => {
    const table = between(lines, 'Ratings', 'Key questions against');
    for (const [id, rating] of Object.entries(figures.ratings)) {
      const at = table.indexOf(id);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(table[at + 3]).toBe(rating);
    }
    expect(table).toContain('Panel: Requires improvement → Good');
    const overall = table.indexOf('Overall');
    expect(table.slice(overall + 1, overall + 3)).toEqual([figures.overall.rating, `${figures.overall.score}/30`]);
  });

  it('holds every published key-question figure with its 80% interval, the previous and all-CRCs figures', () => {
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

  it('gives both panel moves with their rationales, and the boundary distances', () => {
    for (const [id, judgement] of Object.entries(figures.panelJudgements)) {
      const name = id === '2.2' ? 'Planning' : 'Through the Gate';
      const chapter = between(lines, `${id} ${name}`, id === '2.2' ? '2.3 ' : 'Annex');
      expect(chapter.find((line) => line.startsWith(`The ratings panel moved the rating from ${judgement.indicative} to ${judgement.panel}`))).toBeDefined();
      expect(chapter).toContain(`Rationale: ${judgement.rationale}`);
    }
    expect(lines.join('\n')).toMatch(/61% is 4 points below the 65% boundary, within 5/);
  });

  it('has no empty section: no Strengths heading without notes, and the data problems said in a line', () => {
    expect(lines.filter((line) => line === 'Strengths')).toHaveLength(0);
    expect(lines[lines.length - 1]).toBe('Data problems: none.');
    const prompt = lines.findIndex((line) => line.startsWith('2.1.1(a) '));
    expect(prompt).toBeGreaterThan(lines.findIndex((line) => line.startsWith('Annex')));
    const published = (figures.prompts as Record<string, { current?: number }>)['2.1.1(a)'];
    expect(lines[prompt + 1]).toMatch(new RegExp(`^${published.current}% `));
  });

  it('uses real headings and header rows that repeat', () => {
    expect(html).toMatch(/<h1>Ratings<\/h1>/);
    expect(html).toMatch(/<h2>2\.1 Assessment<\/h2>/);
    expect(html).toMatch(/<thead><tr><th>/);
  });

  it('opens in LibreOffice Writer (converted to PDF)', async () => {
    const pdf = await toPdf(file, dir);
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

  it('puts the note beside a Yes under Strengths and beside a No under Areas for improvement, grouped per key question, a repeated note once: the draft without case IDs, the panel pack with them', async () => {
    const template = join(dir, 'template.xlsx');
    await run(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'template.ts'), '--out', template], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    fillCaseTab(workbook.getWorksheet('Case supervision')!, [
      { 'Case ID': 'CS-001', '2.1.1': 'Yes', 'Evidence 2.1.1': 'Police and children’s services checks were made before sentence.' },
      { 'Case ID': 'CS-002', '2.1.1': 'No', 'Evidence 2.1.1': 'No domestic abuse enquiry was made at the start.' },
      { 'Case ID': 'CS-003', '2.1.1': 'N/A', 'Evidence 2.1.1': 'Transferred in after assessment.' },
      { 'Case ID': 'CS-004', '2.1.1': 'Yes', 'Evidence 2.1.1': 'Police and children’s services checks were made before sentence.' },
    ]);
    const filled = join(dir, 'filled.xlsx');
    await workbook.xlsx.writeFile(filled);
    const draft = join(dir, 'draft.docx');
    const pack = join(dir, 'pack.docx');
    await rate({ root: ROOT, file: filled, docx: draft });
    await rate({ root: ROOT, file: filled, docx: pack, panelPack: true });
    const question = '2.1.1 Does assessment focus sufficiently on engaging the service user?';

    const chapter = between(afterContents(await documentLines(draft)), '2.1 Assessment', '2.2 Planning');
    expect(between(chapter, 'Strengths', 'Areas for improvement')).toEqual([question, 'Police and children’s services checks were made before sentence.', '[Write the strengths of 2.1 Assessment here]']);
    expect(chapter.slice(chapter.indexOf('Areas for improvement') + 1)).toEqual([question, 'No domestic abuse enquiry was made at the start.', '[Write the areas for improvement of 2.1 Assessment here]']);
    expect(chapter.join('\n')).not.toMatch(/CS-00|Transferred in/);

    const packChapter = between(await documentLines(pack), '2.1 Assessment', '2.2 Planning');
    expect(between(packChapter, 'Strengths', 'Areas for improvement')).toEqual([question, 'Police and children’s services checks were made before sentence. (cases CS-001, CS-004)']);
    expect(packChapter.slice(packChapter.indexOf('Areas for improvement') + 1)).toEqual([question, 'No domestic abuse enquiry was made at the start. (case CS-002)']);
  });
});

describe('report › cell text Word cannot hold, and a report date typed as a date', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-clean-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes documents LibreOffice opens, the date as "1 May 2025" and the text without the characters', async () => {
    const layout = caseTabLayouts(CRC_2018).find((tab) => tab.name === 'Case supervision')!;
    const evidence = layout.headers.indexOf('Evidence 2.1.1');
    const answer = layout.headers.findIndex((header) => header.startsWith('2.1.1 '));
    const row = layout.headers.map(() => '' as unknown);
    row[0] = 'CS1';
    row[answer] = 'Yes';
    // U+FFFE, a lone surrogate, a bell and Excel's escape of a tab: none may reach the document as typed.
    row[evidence] = 'Checks\uFFFE made\uD800 before\u0007 sentence_x0009_in full.';
    const inspection = [
      ['Detail', 'Value'],
      ['Service inspected', 'Acme\uFFFF Probation'],
      ['Report date', new Date(Date.UTC(2025, 3, 30, 23))], // 1 May 2025 at midnight in British Summer Time, as Sheets gives it
    ];
    const report = ratingsReport(CRC_2018, (name) => (name === 'Case supervision' ? [layout.headers, row] : name === 'Inspection' ? inspection : undefined));
    for (const kind of ['draft', 'panelPack'] as const) {
      const file = join(dir, `${kind}.docx`);
      await writeReportDocx(report, file, kind);
      const text = (await documentLines(file)).join('\n');
      expect(text).toContain('Report date: 1 May 2025');
      expect(text).toMatch(/^Acme Probation$/m);
      expect(text).toMatch(/Checks made before sentence\s+in full\./);
      expect((await toPdf(file, dir)).subarray(0, 5).toString()).toBe('%PDF-');
    }
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
    const titlePage = lines.slice(0, lines.indexOf('Contents'));
    expect(titlePage.find((line) => line.startsWith('Provisional wording:'))).toBeDefined();
    expect(titlePage.find((line) => /^Standard 4\.1 .+ does not count towards the overall score\.$/.test(line))).toBeDefined();
    expect(lines[0]).toBe('Service not named — fill in the Inspection tab');
    expect(lines).toContain('Report date: not given — fill in the Inspection tab');
  });
});

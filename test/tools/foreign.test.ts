/**
 * Workbooks saved by other programs are rated exactly like the originals (docs/commands.md, "Workbooks from other programs"):
 * the fixtures in test/fixtures/foreign were made by openpyxl and LibreOffice Calc with
 * tools/fixtures/make-foreign.sh, and are rated here through the `rate` command, whichever reader it uses.
 * Expected figures come from the published Thames Valley report (examples/thames-valley-2019/figures.json)
 * and from the answers openpyxl typed, counted by the Python script (template-filled.answers.json).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cellA1 } from '../../runtime/a1';
import { readXlsxWorkbook } from '../../tools/xlsx';

const ROOT = join(__dirname, '..', '..');
const FOREIGN = join(ROOT, 'test', 'fixtures', 'foreign');
const EXAMPLE = join(ROOT, 'examples', 'thames-valley-2019');
const run = promisify(execFile);
jest.setTimeout(120_000);

interface Rated {
  status: number;
  stdout: string;
  stderr: string;
}

interface RatingsJson {
  framework: string;
  standards: Array<{ id: string; rating: string; score: number | null; keyQuestions: Array<{ id: string; yes: number; applicable: number; percent: number | null }> }>;
  overall: Record<string, unknown>;
  problems: unknown[];
}

const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rate(file: string): Promise<Rated> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'rate.ts'), file, '--json', '--out', join(dir, 'rated.xlsx')], { cwd: ROOT });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Each file rated once, however many tests look at it. */
const rated = new Map<string, Promise<Rated>>();

async function ratings(file: string): Promise<RatingsJson> {
  if (!rated.has(file)) rated.set(file, rate(file));
  const result = await rated.get(file)!;
  expect({ file, status: result.status, stderr: result.stderr }).toEqual({ file, status: 0, stderr: '' });
  return JSON.parse(result.stdout.trimEnd().split('\n').pop()!);
}

/** What is compared: every standard's rating and score, every key question's figures, the overall rating. */
const figures = (json: RatingsJson) => ({ framework: json.framework, standards: json.standards, overall: json.overall, problems: json.problems });

describe('tools › files from other programs › the Thames Valley example re-saved', () => {
  const published = JSON.parse(readFileSync(join(EXAMPLE, 'figures.json'), 'utf8')) as { ratings: Record<string, string>; keyQuestions: Record<string, { current: number }> };
  let original: RatingsJson;
  beforeAll(async () => {
    original = await ratings(join(EXAMPLE, 'thames-valley-2019.xlsx'));
  });

  it.each(['thames-valley-openpyxl.xlsx', 'thames-valley-libreoffice.xlsx'])('%s is rated exactly like the original, with the published figures', async (fixture) => {
    const json = await ratings(join(FOREIGN, fixture));
    expect(figures(json)).toEqual(figures(original));
    const keyQuestions = new Map(json.standards.flatMap((standard) => standard.keyQuestions.map((keyQuestion) => [keyQuestion.id, keyQuestion.percent])));
    for (const [id, { current }] of Object.entries(published.keyQuestions)) expect({ id, percent: keyQuestions.get(id) }).toEqual({ id, percent: current });
    for (const [id, rating] of Object.entries(published.ratings)) expect({ id, rating: json.standards.find((standard) => standard.id === id)?.rating }).toEqual({ id, rating });
  });
});

describe('tools › files from other programs › the template filled by openpyxl, and re-saved by LibreOffice', () => {
  const answers = JSON.parse(readFileSync(join(FOREIGN, 'template-filled.answers.json'), 'utf8')) as Record<string, { yes: number; applicable: number }>;

  it.each(['template-filled-openpyxl.xlsx', 'template-filled-libreoffice.xlsx'])('%s: every key question counted from the answers openpyxl typed (R3: whole percent, half up)', async (fixture) => {
    const json = await ratings(join(FOREIGN, fixture));
    const keyQuestions = json.standards.flatMap((standard) => standard.keyQuestions);
    expect(Object.keys(answers).length).toBeGreaterThan(10);
    for (const [id, { yes, applicable }] of Object.entries(answers)) {
      expect(keyQuestions.find((keyQuestion) => keyQuestion.id === id)).toEqual({ id, yes, applicable, percent: Math.floor((100 * yes) / applicable + 0.5) });
    }
    expect(json.problems).toEqual([]);
  });

  it('both are rated alike', async () => {
    const [openpyxl, libreoffice] = [await ratings(join(FOREIGN, 'template-filled-openpyxl.xlsx')), await ratings(join(FOREIGN, 'template-filled-libreoffice.xlsx'))];
    expect(figures(libreoffice)).toEqual(figures(openpyxl));
  });
});

describe('tools › files from other programs › the blank template re-saved', () => {
  const template = join(dir, 'template.xlsx');
  let original: RatingsJson;
  beforeAll(async () => {
    await run(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'template.ts'), '--out', template], { cwd: ROOT });
    original = await ratings(template);
  });

  it.each(['template-openpyxl.xlsx', 'template-libreoffice.xlsx'])('%s is rated exactly like the template', async (fixture) => {
    expect(figures(await ratings(join(FOREIGN, fixture)))).toEqual(figures(original));
  });

  it.each(['template-openpyxl.xlsx', 'template-libreoffice.xlsx'])("%s keeps the template's notes (openpyxl files them where Excel does not, as plain text)", async (fixture) => {
    const expected = new ExcelJS.Workbook();
    await expected.xlsx.readFile(template);
    const notes = (sheet: ExcelJS.Worksheet) => {
      const found: string[] = [];
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const note = cell.note;
          if (note) found.push(`${cell.address}: ${typeof note === 'string' ? note : note.texts!.map((run) => run.text).join('')}`);
        }),
      );
      return found.sort();
    };
    const read = await readXlsxWorkbook(join(FOREIGN, fixture));
    let total = 0;
    for (const sheet of expected.worksheets) {
      const wanted = notes(sheet);
      total += wanted.length;
      const got = read.sheet(sheet.name).formattedCells().filter((cell) => cell.format.note).map((cell) => `${cellA1(cell.row, cell.column)}: ${cell.format.note}`);
      expect({ tab: sheet.name, notes: got.sort() }).toEqual({ tab: sheet.name, notes: wanted });
    }
    expect(total).toBeGreaterThan(0);
  });

  it('skips a part it cannot follow (a note part missing) with one warning line, and still rates', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(FOREIGN, 'template-openpyxl.xlsx')));
    const notePart = Object.keys(zip.files).find((path) => /comment/i.test(path) && path.endsWith('.xml'))!;
    zip.remove(notePart);
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer' }));
    const rated = await rate(broken);
    expect(rated.status).toBe(0);
    expect(rated.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/broken\.xlsx: skipped its notes.*values and formulas are read/)]);
    expect(figures(JSON.parse(rated.stdout.trimEnd().split('\n').pop()!))).toEqual(figures(original));
  });
});

describe('tools › files from other programs › refused in one line', () => {
  it.each([
    ['an old-format .xls (an OLE compound file)', 'template-libreoffice.xls'],
    ['the same file named .xlsx', 'renamed.xlsx'],
  ])('%s: encrypted or old format, save it as .xlsx without a password', async (_, name) => {
    const file = join(dir, name);
    copyFileSync(join(FOREIGN, 'template-libreoffice.xls'), file);
    const rated = await rate(file);
    expect(rated.status).toBe(2);
    expect(rated.stdout).toBe('');
    expect(rated.stderr).toBe(`${file}: is encrypted or in the old .xls format: save it as .xlsx without a password, then try again.\n`);
  });
});

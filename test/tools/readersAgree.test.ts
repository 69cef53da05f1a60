/**
 * One answer per file (docs/design.md, "Reading .xlsx files"): hand-made workbooks, each written
 * byte by byte below, read by the values reader behind `rate --json` and `aggregate`
 * (tools/xlsxValues.ts) and by the full reader behind the rated workbook and the preview
 * (tools/xlsx.ts, values in the offline runtime). Each legal file reads to the values written out in
 * the table, by both; each file that cannot be read is refused by both with the same one line.
 */
import JSZip from 'jszip';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportJson } from '../../src/core/report';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { caseTabLayouts } from '../../src/core/workbook';
import { rate } from '../../tools/rate';
import { fileReader, readValuesFile, readWorkbookFile, runtimeReader } from '../../tools/workbookSession';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-readers-agree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Package {
  /** The sheet's <sheetData> content. */
  sheetData: string;
  /** The shared strings (<si> texts), when the workbook has that part. */
  sharedStrings?: string[];
  /** How the sheet part is encoded (UTF-8 when not said). */
  encoding?: 'utf16le' | 'utf16be';
  /** The tab's name (Cases when not said). */
  tab?: string;
}

/** A minimal .xlsx written by hand: one tab "Cases", its sheet XML as given. */
async function handMade(name: string, pkg: Package): Promise<string> {
  const zip = new JSZip();
  const strings = pkg.sharedStrings !== undefined;
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      (strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
      '</Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(pkg.tab ?? 'Cases')}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      (strings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : '') +
      '</Relationships>',
  );
  if (strings) {
    const items = pkg.sharedStrings!.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('');
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${pkg.sharedStrings!.length}" uniqueCount="${pkg.sharedStrings!.length}">${items}</sst>`);
  }
  const sheet = `<worksheet xmlns="${MAIN}"><sheetData>${pkg.sheetData}</sheetData></worksheet>`;
  if (pkg.encoding) {
    const bytes = Buffer.from(`\ufeff<?xml version="1.0" encoding="UTF-16"?>${sheet}`, 'utf16le');
    if (pkg.encoding === 'utf16be') bytes.swap16();
    zip.file('xl/worksheets/sheet1.xml', bytes);
  } else zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?>${sheet}`);
  const file = join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

/** An inline-string cell; `ref` is its reference as written (or none). */
const text = (ref: string | undefined, value: string) => `<c${ref === undefined ? '' : ` r="${ref}"`} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
const number = (ref: string | undefined, value: number) => `<c${ref === undefined ? '' : ` r="${ref}"`}><v>${value}</v></c>`;
const row = (r: string | undefined, ...cells: string[]) => `<row${r === undefined ? '' : ` r="${r}"`}>${cells.join('')}</row>`;
const HEADER = row('1', text('A1', 'Case ID'), text('B1', '2.1.1 Engaging?'));
const HEADER_VALUES = ['Case ID', '2.1.1 Engaging?'];

type Expected = { values: unknown[][] } | { refused: RegExp };

const TABLE: Array<[string, Package, Expected]> = [
  ['a <row> element repeated: its cells join the same row', { sheetData: HEADER + row('2', text('A2', 'C1')) + row('2', text('B2', 'Yes')) + row('3', text('A3', 'C2'), text('B3', 'No')) }, { values: [HEADER_VALUES, ['C1', 'Yes'], ['C2', 'No']] }],
  ['rows out of order: each where its number puts it', { sheetData: row('3', text('A3', 'C2'), text('B3', 'No')) + HEADER + row('2', text('A2', 'C1'), text('B2', 'Yes')) }, { values: [HEADER_VALUES, ['C1', 'Yes'], ['C2', 'No']] }],
  ['lower-case cell references', { sheetData: HEADER + row('2', text('a2', 'C1'), text('b2', 'Yes')) + row('4', text('b4', 'N/A')) }, { values: [HEADER_VALUES, ['C1', 'Yes'], ['', ''], ['', 'N/A']] }],
  ['references with $', { sheetData: HEADER + row('2', text('$A$2', 'C1'), text('$B2', 'Yes'), number('C$2', 7)) }, { values: [[...HEADER_VALUES, ''], ['C1', 'Yes', 7]] }],
  ['rows and cells without r attributes: one after another', { sheetData: row(undefined, text(undefined, 'Case ID'), text(undefined, '2.1.1 Engaging?')) + row(undefined, text(undefined, 'C1'), text(undefined, 'No')) }, { values: [HEADER_VALUES, ['C1', 'No']] }],
  [
    'shared strings, with Excel\'s _xHHHH_ escapes decoded (a literal one kept by _x005F_)',
    { sharedStrings: ['Case ID', '2.1.1 Engaging?', 'C_x000D_1', 'Yes', 'a_x005F_x000D_b'], sheetData: row('1', '<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>') + row('2', '<c r="A2" t="s"><v>2</v></c>', '<c r="B2" t="s"><v>3</v></c>', '<c r="C2" t="s"><v>4</v></c>') },
    { values: [[...HEADER_VALUES, ''], ['C\r1', 'Yes', 'a_x000D_b']] },
  ],
  [
    'inline strings in runs, a formula whose text result is cached, a boolean',
    { sheetData: HEADER + row('2', '<c r="A2" t="inlineStr"><is><r><t>C</t></r><r><t xml:space="preserve">1 </t></r></is></c>', '<c r="B2" t="inlineStr"><is><t>Yes_x000D_</t></is></c>', '<c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>', '<c r="D2" t="b"><v>1</v></c>') },
    { values: [[...HEADER_VALUES, '', ''], ['C1 ', 'Yes\r', 'ab', true]] },
  ],
  [
    'a shared formula: each cell its own formula, moved from the cell that holds the text (values as cached, and as recalculated)',
    {
      sheetData:
        row('1', text('A1', 'Case ID'), text('B1', 'Score'), text('C1', 'Double')) +
        row('2', text('A2', 'C1'), number('B2', 1), '<c r="C2"><f t="shared" ref="C2:C3" si="0">B2*2</f><v>2</v></c>') +
        row('3', text('A3', 'C2'), number('B3', 5), '<c r="C3"><f t="shared" si="0"/><v>10</v></c>'),
    },
    { values: [['Case ID', 'Score', 'Double'], ['C1', 1, 2], ['C2', 5, 10]] },
  ],
  ['a UTF-16 (little-endian) sheet part', { encoding: 'utf16le', sheetData: HEADER + row('2', text('A2', 'C1 – été'), text('B2', 'Yes')) }, { values: [HEADER_VALUES, ['C1 – été', 'Yes']] }],
  ['a UTF-16 (big-endian) sheet part', { encoding: 'utf16be', sheetData: HEADER + row('2', text('A2', 'C1 ✓'), text('B2', 'No')) }, { values: [HEADER_VALUES, ['C1 ✓', 'No']] }],
  [
    'an answer cell holding a formula whose cached value is stale: its formula, whatever the cache says',
    { sheetData: HEADER + row('2', text('A2', 'C1'), '<c r="B2" t="str"><f>"N"&amp;"o"</f><v>Yes</v></c>') + row('3', text('A3', 'C2'), '<c r="B3" t="str"><f>"Y"&amp;"es"</f><v>Yes</v></c>') },
    { values: [HEADER_VALUES, ['C1', '="N"&"o"'], ['C2', '="Y"&"es"']] },
  ],
  ['a shared-strings cell in a workbook without that part', { sheetData: HEADER + row('2', text('A2', 'C1'), '<c r="B2" t="s"><v>0</v></c>') }, { refused: /tab "Cases" cell B2 refers to shared string 0, but the workbook has no shared-strings part \(xl\/sharedStrings\.xml\); the file is damaged/ }],
  ['a shared-strings index past the part\'s end', { sharedStrings: ['Yes', 'No'], sheetData: HEADER + row('2', text('A2', 'C1'), '<c r="B2" t="s"><v>2</v></c>') }, { refused: /tab "Cases" cell B2 refers to shared string 2, but the shared-strings part \(xl\/sharedStrings\.xml\) holds 2; the file is damaged/ }],
  ['a row numbered 0', { sheetData: HEADER + row('0', text('A0', 'C1')) }, { refused: /tab "Cases" \(xl\/worksheets\/sheet1\.xml\) has a row numbered "0" \(rows are numbered 1, 2, 3…\); the file is damaged/ }],
  ['a row numbered -5', { sheetData: HEADER + row('-5', text('A2', 'C1')) }, { refused: /has a row numbered "-5" \(rows are numbered 1, 2, 3…\)/ }],
  ['a row numbered x', { sheetData: HEADER + row('x', text('A2', 'C1')) }, { refused: /has a row numbered "x" \(rows are numbered 1, 2, 3…\)/ }],
  ['a lone row numbered 200,000,000', { sheetData: HEADER + row('200000000', text('A200000000', 'C1')) }, { refused: /tab "Cases" has a row numbered 200000000, past Google Sheets' limits \(18,278 columns, 10,000,000 cells\)\. Split the workbook\./ }],
  ['a cell at ZZZZZZZ2', { sheetData: HEADER + row('2', text('ZZZZZZZ2', 'Yes')) }, { refused: /tab "Cases" has a cell at ZZZZZZZ2, past Google Sheets' limits/ }],
  ['a cell at column 18,279 (ZZZ is the last)', { sheetData: HEADER + row('2', text('AAAA2', 'Yes')) }, { refused: /tab "Cases" has a cell at AAAA2, past Google Sheets' limits/ }],
  ['a row of 9,999,999 on a tab 2 columns wide: 20 million cells', { sheetData: HEADER + row('9999999', text('A9999999', 'C1')) }, { refused: /more than 10,000,000 cells, Google Sheets' limit for a spreadsheet \(tab "Cases" reaches row 9,999,999 of 2 columns\)/ }],
  ['a cell of 50,001 characters (Sheets holds 50,000)', { sheetData: HEADER + row('2', text('A2', 'x'.repeat(50_001))) }, { refused: /tab "Cases" has a cell at A2 of more than 50,000 characters \(Sheets' limit for a cell\), past Google Sheets' limits/ }],
  ['a shared string of 50,001 characters', { sharedStrings: ['Yes', 'y'.repeat(50_001)], sheetData: HEADER }, { refused: /: its shared-strings part \(xl\/sharedStrings\.xml\) holds a text of more than 50,000 characters, Google Sheets' limit for a cell\.$/ }],
  ['a cell reference that is none', { sheetData: HEADER + row('2', text('B', 'Yes')) }, { refused: /tab "Cases" \(xl\/worksheets\/sheet1\.xml\) has a cell at "B", which is not a cell reference/ }],
];

describe('tools › the values reader and the full reader: one answer per file', () => {
  it.each(TABLE)('%s', async (label, pkg, expected) => {
    const file = await handMade(`${label.replace(/\W+/g, '-').slice(0, 60)}.xlsx`, pkg);
    const streamed = readValuesFile(file).then((values) => fileReader(values).values('Cases'));
    const full = readWorkbookFile(file).then((workbook) => runtimeReader(workbook).values('Cases'));
    if ('refused' in expected) {
      const messages = await Promise.all([streamed, full].map((reading) => reading.then((): string => 'read', (error: Error) => error.message)));
      expect(messages[0]).toMatch(expected.refused);
      expect(messages[0].startsWith(`${file}: `)).toBe(true);
      expect(messages[0]).not.toMatch(/\n/);
      expect(messages[1]).toBe(messages[0]);
    } else {
      expect(await streamed).toEqual(expected.values);
      expect(await full).toEqual(expected.values);
    }
  });
});

describe('tools › the full reader keeps formulas', () => {
  it("moves a shared formula's references to each cell that shares it", async () => {
    const file = await handMade('shared-formula.xlsx', {
      sheetData:
        row('1', text('A1', 'Score'), text('B1', 'Double')) +
        row('2', number('A2', 1), '<c r="B2"><f t="shared" ref="B2:B4" si="3">A2*2+$A$2</f><v>3</v></c>') +
        row('3', number('A3', 5), '<c r="B3"><f t="shared" si="3"/><v>11</v></c>') +
        row('4', number('A4', 7), '<c r="B4"><f t="shared" si="3"/><v>15</v></c>'),
    });
    const workbook = await readWorkbookFile(file);
    expect(workbook.sheetFormulas('Cases').map((cells) => cells[1])).toEqual(['', '=A2*2+$A$2', '=A3*2+$A$2', '=A4*2+$A$2']);
    expect(workbook.sheetValues('Cases').map((cells) => cells[1])).toEqual(['Double', 3, 11, 15]);
  });
});

describe('tools › rate --json and rate --out give the same figures for an unusual file', () => {
  it('repeated and out-of-order rows, lower-case references, no r attributes and a stale formula: the same report, the formula named', async () => {
    const layout = caseTabLayouts(CRC_2018).find((candidate) => candidate.name === 'Case supervision')!;
    const keyQuestion = layout.headers.findIndex((header) => /^2\.1\.1 /.test(header));
    // Lower-case column letters of a 0-based index (a, …, z, aa, ab, …).
    const column = (index: number): string => (index >= 26 ? column(Math.floor(index / 26) - 1) : '') + String.fromCharCode(97 + (index % 26));
    const header = row('1', ...layout.headers.map((header) => text(undefined, header)));
    const answer = (r: number, value: string) => text(`${column(keyQuestion)}${r}`, value);
    const sheetData =
      header +
      row('3', text(`a3`, 'C2'), answer(3, 'No')) +
      row('2', text(`a2`, 'C1')) +
      row('2', answer(2, 'Yes')) +
      row('4', text(`a4`, 'C3'), `<c r="${column(keyQuestion)}4" t="str"><f>"Y"&amp;"es"</f><v>No</v></c>`) +
      row(undefined, text('a5', 'C4'), answer(5, 'Yes'));
    const file = await handMade('crc-unusual.xlsx', { sheetData, tab: 'Case supervision' });

    const json = await rate({ root: ROOT, file, json: true });
    const out = await rate({ root: ROOT, file, out: join(dir, 'crc-unusual-rated.xlsx') });
    const figures = (report: typeof json.report) => {
      const whole = reportJson(report) as { standards: Array<{ id: string; rating: unknown; keyQuestions: unknown[] }>; problems: Array<{ tab: string; cell: string; message: string }> };
      return { standards: whole.standards.map(({ id, rating, keyQuestions }) => ({ id, rating, keyQuestions })), problems: whole.problems };
    };
    expect(figures(out.report)).toEqual(figures(json.report));
    // C3's answer is a formula: not an answer, named with its cell, and 2.1.1 is in error (as for any answer that is not Yes, No or N/A), by both.
    const standard = figures(json.report).standards.find((figure) => figure.id === '2.1')!;
    expect(standard.keyQuestions[0]).toEqual({ id: '2.1.1', yes: null, applicable: null, percent: null });
    const formulaCell = `${column(keyQuestion).toUpperCase()}4`;
    expect(figures(json.report).problems.filter((problem) => problem.cell === formulaCell)).toEqual([expect.objectContaining({ tab: 'Case supervision', message: expect.stringContaining('"="Y"&"es"" is not an answer') })]);

    // The same file with C3's answer typed: C1, C2, C3, C4 answered Yes, No, Yes, Yes, 3 of 4, R3's floor((200·3 + 4) / 8) = 75 %.
    const typed = await handMade('crc-unusual-typed.xlsx', { sheetData: sheetData.replace(/<c r="[a-z]+4" t="str">.*?<\/c>/, answer(4, 'Yes')), tab: 'Case supervision' });
    const typedReport = reportJson((await rate({ root: ROOT, file: typed, json: true })).report) as { standards: Array<{ id: string; keyQuestions: unknown[] }> };
    expect(typedReport.standards.find((figure) => figure.id === '2.1')!.keyQuestions[0]).toEqual({ id: '2.1.1', yes: 3, applicable: 4, percent: 75 });
  });
});

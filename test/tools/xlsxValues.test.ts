/**
 * The streaming values reader against files other programs wrote, its expectations from a reader
 * that is not ours (openpyxl, Debian's python3-openpyxl) or written out by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxValues, SHEETS_CELL_LIMIT } from '../../tools/xlsxValues';
import { libreOfficeConvert, openpyxlPython as python } from '../support/externalTools';

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-xlsx-values-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every tab's values as openpyxl reads them (cached values of formulas), dates as ISO text, rows padded to the widest. */
const OPENPYXL_READ = `
import json, sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
out = {}
for sheet in book.worksheets:
    rows = [[("" if v is None else v.isoformat() + "Z" if isinstance(v, datetime.datetime) else v) for v in row] for row in sheet.iter_rows(values_only=True)]
    while rows and all(v == "" for v in rows[-1]): rows.pop()
    width = max([len(r) - next((i for i, v in enumerate(reversed(r)) if v != ""), len(r)) for r in rows] or [0])
    out[sheet.title] = [(r + [""] * width)[:width] for r in rows]
print(json.dumps({"names": book.sheetnames, "tabs": out}))
`;

/** Our reading in the same terms: dates as ISO text (openpyxl gives no milliseconds or zone). */
async function ours(file: string): Promise<{ names: string[]; tabs: Record<string, unknown[][]> }> {
  const read = await readXlsxValues(file);
  const cell = (value: unknown) => (value instanceof Date ? value.toISOString().replace('.000Z', 'Z') : value);
  return { names: read.tabNames, tabs: Object.fromEntries([...read.tabs].map(([name, rows]) => [name, rows.map((row) => row.map(cell))])) };
}

describe('tools › xlsxValues: reading what other programs write', () => {
  const written = join(dir, 'openpyxl.xlsx');
  beforeAll(() => {
    python(
      `
import sys, datetime, openpyxl
book = openpyxl.Workbook()
cases = book.active
cases.title = "Case supervision"
cases.append(["Case ID", "Inspector", "Start", "2.1.1 Engaging?", "Score", "Flag"])
cases.append(["C1", "Ann Lee", datetime.datetime(2019, 3, 4), "Yes", 3.5, True])
cases.append(["C2", "Bo Ray", datetime.datetime(2019, 4, 30, 12, 30), "No", "=E2*2", False])
cases.append([])
cases.append(["C4", None, None, "N/A", -1, None])
notes = book.create_sheet("Notes – été")
notes["B3"] = "Unicode ✓ & <tags>"
book.save(sys.argv[1])
`,
      written,
    );
  });

  it('an openpyxl file: strings, numbers, booleans, dates, gaps and a second tab read as openpyxl reads them', async () => {
    const expected = JSON.parse(python(OPENPYXL_READ, written));
    // openpyxl writes no value for a formula, and reads the cell back empty. Ours reads it as its
    // formula, so an answer cell holding one is a problem named with its cell, never a blank counted as unanswered.
    expect(expected.tabs['Case supervision'][2]).toEqual(['C2', 'Bo Ray', '2019-04-30T12:30:00Z', 'No', '', false]);
    expected.tabs['Case supervision'][2][4] = '=E2*2';
    expect(await ours(written)).toEqual(expected);
  });

  it("a LibreOffice file (shared strings, its formulas' cached values) read as openpyxl reads it", async () => {
    const file = await libreOfficeConvert('calc', written, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo'));
    const expected = JSON.parse(python(OPENPYXL_READ, file));
    expect(expected.tabs['Case supervision'][2][4]).toBe(7);
    expect(await ours(file)).toEqual(expected);
  });

  /** A minimal package written by hand, its sheet XML given. */
  async function handWritten(name: string, sheetXml: string): Promise<string> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file(
      'xl/workbook.xml',
      '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Cases" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
    );
    zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`);
    const file = join(dir, name);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }

  it('inline strings, rich text runs, error codes, a formula string and prefixed elements, without a shared-strings part', async () => {
    const file = await handWritten(
      'inline.xlsx',
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Case ID</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>2.1.1 </x:t></x:r><x:r><x:t xml:space="preserve">Engaging?</x:t></x:r></x:is></x:c></x:row>' +
        '<x:row r="2"><x:c r="A2" t="str"><x:f>"C"&amp;1</x:f><x:v>C1</x:v></x:c><x:c r="B2" t="e"><x:v>#N/A</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c></x:row>',
    );
    expect((await readXlsxValues(file)).tabs.get('Cases')).toEqual([
      ['Case ID', '', '2.1.1 Engaging?'],
      ['C1', '#N/A', true],
    ]);
  });

  it("says so past Google Sheets' 10-million-cell limit, without reading on", async () => {
    // Column XFD (16,384) on row 1 and a cell on row 700: a grid of 700 × 16,384 cells.
    const file = await handWritten('wide.xlsx', '<x:row r="1"><x:c r="XFD1"><x:v>1</x:v></x:c></x:row><x:row r="700"><x:c r="A700"><x:v>1</x:v></x:c></x:row>');
    expect(700 * 16_384).toBeGreaterThan(SHEETS_CELL_LIMIT);
    await expect(readXlsxValues(file)).rejects.toThrow(/wide\.xlsx: more than 10,000,000 cells, Google Sheets' limit for a spreadsheet \(tab "Cases" reaches row 700 of 16384 columns\)/);
  });

  it('a file that is not a zip archive, and a zip without a workbook part', async () => {
    const text = join(dir, 'notes.xlsx');
    writeFileSync(text, 'just some notes\n');
    await expect(readXlsxValues(text)).rejects.toThrow(/notes\.xlsx: not an \.xlsx workbook \(it is not a zip archive/);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const docx = join(dir, 'letter.xlsx');
    writeFileSync(docx, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(readXlsxValues(docx)).rejects.toThrow(/letter\.xlsx: not an \.xlsx workbook \(a zip archive without a workbook part/);
  });
});

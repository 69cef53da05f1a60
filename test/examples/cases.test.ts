import ExcelJS from 'exceljs';
import { join } from 'node:path';
import figures from '../../examples/thames-valley-2019/figures.json';
import { caseRows, generateInspection, REPORT } from '../../examples/thames-valley-2019/cases';
import { ASSUMED_N } from '../../examples/thames-valley-2019/workbook';

type Figure = { current?: number; previous?: number };
const PUBLISHED = { ...figures.keyQuestions, ...figures.prompts } as Record<string, Figure>;
const EXAMPLE = join(__dirname, '../../examples/thames-valley-2019/thames-valley-2019.xlsx');

/** R3, written out again here so the test does not lean on the engine: Yes / (Yes + No), rounded half up. */
function published(yes: number, applicable: number): number {
  return Math.floor((200 * yes + applicable) / (2 * applicable));
}

/** A case tab's rows as objects by header (metadata header or answer id). */
function records(table: string[][]): Array<Record<string, string>> {
  return table.slice(1).map((row) => Object.fromEntries(table[0].map((header, index) => [header, row[index]])));
}

function count(rows: Array<Record<string, string>>, id: string): { yes: number; no: number; na: number; blank: number } {
  const of = (answer: string) => rows.filter((row) => row[id] === answer).length;
  return { yes: of('Yes'), no: of('No'), na: of('N/A'), blank: of('') };
}

describe('examples › Thames Valley CRC (2019) synthetic cases', () => {
  const inspection = generateInspection();
  const tabs = new Map(inspection.samples.map((sample) => [sample.tab, records(caseRows(sample))]));
  const supervision = tabs.get('Case supervision')!;

  it('meets every figure it is given, and says so', () => {
    expect(inspection.unmet).toEqual([]);
  });

  it('names a figure it cannot meet (the script then exits non-zero)', () => {
    const impossible = { ...REPORT, prompts: { ...REPORT.prompts, '4.2.1(c)': { current: 99 } } };
    expect(generateInspection(impossible).unmet).toContainEqual('Through the Gate 4.2.1(c): 99% cannot be met over 14 applicable cases.');
    const split = { ...REPORT, subSampleSplits: [{ id: '2.1.1', by: 'Sentence type', percent: { Community: 90, Licence: 90 }, source: 'test' }] };
    expect(generateInspection(split).unmet).toContainEqual(expect.stringMatching(/^Case supervision 2\.1\.1: 65% cannot be met over 100 applicable cases with the Sentence type split/));
  });

  it('is the same on every run', () => {
    expect(generateInspection().samples.map(caseRows)).toEqual(inspection.samples.map(caseRows));
  });

  it('has the published samples: 100 case-supervision (62 community, 38 licence, 79 with harm factors), 35 unpaid work, 14 Through the Gate', () => {
    const of = (header: string, value: string) => supervision.filter((row) => row[header] === value).length;
    expect([supervision.length, of('Sentence type', 'Community'), of('Sentence type', 'Licence'), of('Harm factors present', 'Yes')]).toEqual([100, 62, 38, 79]);
    expect(tabs.get('Unpaid work')).toHaveLength(35);
    expect(tabs.get('Through the Gate')).toHaveLength(14);
    expect(new Set(supervision.map((row) => row['Case ID'])).size).toBe(100);
  });

  it('reproduces every key-question percentage of the report body, counted from the answers', () => {
    const answered = [...tabs.values()].flatMap((rows) => Object.keys(rows[0]).filter((id) => /^\d+\.\d+\.\d+$/.test(id)).map((id) => ({ id, ...count(rows, id) })));
    const ids = answered.map((column) => column.id);
    expect(ids.sort()).toEqual(Object.keys(figures.keyQuestions).sort());
    for (const column of answered) expect([column.id, published(column.yes, column.yes + column.no)]).toEqual([column.id, PUBLISHED[column.id].current]);
  });

  it('reproduces every prompt percentage of Annex 4, counted from the answers', () => {
    const prompts = [...tabs.values()].flatMap((rows) => Object.keys(rows[0]).filter((id) => id.includes('(')).map((id) => ({ id, ...count(rows, id) })));
    expect(prompts.map((prompt) => prompt.id)).toEqual(Object.keys(figures.prompts));
    for (const prompt of prompts) {
      const current = PUBLISHED[prompt.id].current;
      if (current === undefined) expect([prompt.id, prompt.yes + prompt.no]).toEqual([prompt.id, 0]);
      else expect([prompt.id, published(prompt.yes, prompt.yes + prompt.no)]).toEqual([prompt.id, current]);
    }
  });

  it('answers the keeping-safe key questions and their prompts N/A exactly where there are no harm factors (R2)', () => {
    const safe = ['2.1.3', '2.2.3', '2.3.3', '2.4.3'];
    const noHarm = supervision.filter((row) => row['Harm factors present'] === 'No');
    const harm = supervision.filter((row) => row['Harm factors present'] === 'Yes');
    expect(noHarm).toHaveLength(21);
    for (const id of safe) {
      expect(count(noHarm, id).na).toBe(21);
      expect(count(harm, id).na).toBe(0);
      for (const prompt of ['(a)', '(b)', '(c)']) expect(count(noHarm, `${id}${prompt}`).na).toBe(21);
    }
  });

  it('answers the post-custody prompt for licence cases only', () => {
    const community = supervision.filter((row) => row['Sentence type'] === 'Community');
    const licence = supervision.filter((row) => row['Sentence type'] === 'Licence');
    expect(count(community, '2.3.1(d)').na).toBe(62);
    expect(count(licence, '2.3.1(d)')).toMatchObject({ yes: 14, no: 24 });
  });

  it.each(figures.subSampleSplits.map((split) => [split.id, split.by, split]))('meets the report\'s %s split by %s', (id, by, split) => {
    const rows = [...tabs.values()].find((candidate) => id in candidate[0])!;
    for (const [value, percent] of Object.entries(split.percent)) {
      const group = count(rows.filter((row) => row[by] === value), id);
      expect([value, published(group.yes, group.yes + group.no)]).toEqual([value, percent]);
    }
  });

  it.each(figures.subSampleDirections.map((direction) => [direction.id, direction]))('leans the way the report says for %s', (id, direction) => {
    const share = (value: string) => {
      const group = count(supervision.filter((row) => row[direction.by] === value), id);
      return group.yes / (group.yes + group.no);
    };
    expect(share(direction.higher)).toBeGreaterThan(share(direction.lower));
  });

  it('has the 10 unpaid work cases where health and safety was not considered', () => {
    expect(count(tabs.get('Unpaid work')!, '4.1.2(b)')).toMatchObject({ yes: 25, no: 10, na: 0 });
  });

  it('marks every comparison count it assumed as an assumption, in the workbook itself', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(EXAMPLE);
    const sheet = book.getWorksheet('Comparison')!;
    const noteOf = (cell: ExcelJS.Cell) => (typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((run) => run.text).join(''));
    let counts = 0;
    sheet.eachRow((row, rowNumber) => {
      for (const column of [4, 6]) {
        const cell = row.getCell(column);
        if (rowNumber === 1 || typeof cell.value !== 'number') continue;
        counts += 1;
        expect([row.getCell(1).value, column, noteOf(cell)]).toEqual([row.getCell(1).value, column, ASSUMED_N]);
      }
    });
    expect(counts).toBeGreaterThan(50);
  });

  it('is exactly what the committed example workbook holds (regenerate with npm run example)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(EXAMPLE);
    for (const sample of inspection.samples) {
      const sheet = book.getWorksheet(sample.tab)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map((cell) => String(cell));
      const column = (id: string) => header.findIndex((text) => text === id || text.startsWith(`${id} `)) + 1;
      const expected = caseRows(sample);
      const stored = expected.slice(1).map((_, index) => expected[0].map((id) => String(sheet.getRow(index + 2).getCell(column(id)).value ?? '')));
      expect([sample.tab, stored]).toEqual([sample.tab, expected.slice(1)]);
      expect(String(sheet.getRow(expected.length + 1).getCell(1).value ?? '')).toBe('');
    }
  });
});

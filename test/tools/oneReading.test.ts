/**
 * One reading of a workbook: the add-on (New inspection in the offline runtime), `rate`, `aggregate`
 * and `preview`'s choice read the same framework and the same case tabs from the same .xlsx file,
 * or refuse it alike. The expected frameworks and tab names are the published frameworks' own
 * (docs/frameworks.md), written out here, not computed by the code under test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAFEGUARDING_AUDIT, typedInSheets } from '../../examples/frameworks/safeguarding-audit';
import { isMarker, parseMarker } from '../../src/core/frameworkChoice';
import { AddonRuntime, buildSpreadsheet, loadAddon } from '../../runtime';
import { readProvider } from '../../tools/aggregate';
import { rate } from '../../tools/rate';
import { openFileSession } from '../../tools/workbookSession';
import { readXlsxWorkbook, writeXlsx } from '../../tools/xlsx';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(300_000);

type Tabs = Record<string, unknown[][]>;

/** The case tabs' header rows New inspection lays out for a framework (a built-in id, or the Framework tab's). */
function laidOut(choice: string, sheets: Tabs = {}): Tabs {
  const rt = loadAddon({ bundleDir: join(ROOT, 'dist'), spreadsheet: buildSpreadsheet({ name: choice, sheets, maxRows: 20 }) });
  rt.call('runNewInspection', choice);
  return Object.fromEntries(caseTabsOf(rt).map((tab) => [tab, [rt.sheetValues(tab)[0]]]));
}

/** The tabs the add-on marked as case tabs (its developer metadata), in the workbook's order. */
function caseTabsOf(rt: AddonRuntime): string[] {
  return rt.services.SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .filter((sheet) => sheet.getDeveloperMetadata().some((metadata) => metadata.getKey() === 'inspectionRatings.role' && metadata.getValue() === 'case'))
    .map((sheet) => sheet.getName());
}

/** The framework id the add-on wrote on its case tabs' `Framework:` header. */
function markedId(rt: AddonRuntime, tab: string): string {
  return parseMarker(rt.sheetValues(tab)[0].map(String).find(isMarker)!).id;
}

const CRC = laidOut('crc-2018');
const YJ_2018 = laidOut('yj-2018');
const YJ_2021 = laidOut('yj-2021');
const FRAMEWORK_TAB = typedInSheets(SAFEGUARDING_AUDIT);
const AUDIT = laidOut('framework-tab', { Framework: FRAMEWORK_TAB });
/** A header row without its `Framework:` column, as a hand-made tab has it. */
const unmarked = (tabs: Tabs): Tabs => Object.fromEntries(Object.entries(tabs).map(([tab, [header]]) => [tab, [header.filter((cell) => !isMarker(String(cell)))]]));

type Expected = { framework: string; caseTabs: string[] } | { refused: RegExp };

const WORKBOOKS: Array<[string, () => Tabs, Expected]> = [
  ['a CRC workbook', () => CRC, { framework: 'crc-2018', caseTabs: ['Case supervision', 'Unpaid work', 'Through the Gate'] }],
  ['a youth justice 2018 workbook', () => YJ_2018, { framework: 'yj-2018', caseTabs: ['Court disposals', 'Out-of-court disposals'] }],
  ['a youth justice 2021 workbook', () => YJ_2021, { framework: 'yj-2021', caseTabs: ['Court disposals', 'Out-of-court disposals', 'Resettlement'] }],
  ['a youth justice workbook made by hand (no Framework: header)', () => unmarked(YJ_2018), { framework: 'yj-2018', caseTabs: ['Court disposals', 'Out-of-court disposals'] }],
  ['a workbook whose Framework tab defines its framework', () => ({ Framework: FRAMEWORK_TAB, ...AUDIT }), { framework: 'safeguarding-audit', caseTabs: ['Audit cases'] }],
  [
    'a CRC workbook whose Case supervision tab was renamed',
    () => ({ 'Cases 2019': CRC['Case supervision'], 'Unpaid work': CRC['Unpaid work'], 'Through the Gate': CRC['Through the Gate'] }),
    { framework: 'crc-2018', caseTabs: ['Cases 2019', 'Unpaid work', 'Through the Gate'] },
  ],
  [
    'a CRC workbook with a QA tab placed first',
    () => ({ 'QA Case supervision': [['Case ID', 'Inspector', ...CRC['Case supervision'][0].filter((cell) => /^\d+\.\d+\.\d+ /.test(String(cell)))]], ...CRC }),
    { framework: 'crc-2018', caseTabs: ['Case supervision', 'Unpaid work', 'Through the Gate'] },
  ],
  ['a CRC workbook with a copy of its Case supervision tab', () => ({ 'Copy of Case supervision': CRC['Case supervision'], ...CRC }), { refused: /"Copy of Case supervision" and "Case supervision" both hold the key-question columns of Case supervision/ }],
  ['two frameworks, each tab with its Framework: header', () => ({ ...CRC, 'Court disposals': YJ_2018['Court disposals'] }), { refused: /case tabs follow different frameworks \(.*Court disposals follows yj-2018/ }],
  ['a CRC workbook with a youth case tab made by hand', () => ({ ...CRC, 'Court disposals': unmarked(YJ_2018)['Court disposals'] }), { refused: /The tab "Court disposals" holds .*\(yj-2018\) cases, but this workbook follows .*\(crc-2018\)/ }],
];

describe('tools › one reading of a workbook: the add-on, rate, aggregate and preview agree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-one-reading-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(WORKBOOKS)('%s', async (label, tabs, expected) => {
    const file = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
    await writeXlsx(buildSpreadsheet({ name: label, sheets: tabs(), maxRows: 20 }), file);

    const readings: Array<[string, () => Promise<{ framework: string; caseTabs: string[] }>]> = [
      [
        'the add-on',
        async () => {
          const rt = loadAddon({ bundleDir: join(ROOT, 'dist'), spreadsheet: await readXlsxWorkbook(file) });
          rt.install();
          rt.call('runNewInspection');
          const caseTabs = caseTabsOf(rt);
          return { framework: markedId(rt, caseTabs[0]), caseTabs };
        },
      ],
      [
        'rate',
        async () => {
          const result = await rate({ root: ROOT, file, json: true });
          expect(result.outFile).toBeUndefined();
          return { framework: result.report.framework.id, caseTabs: result.caseTabs };
        },
      ],
      [
        'aggregate',
        async () => {
          const provider = await readProvider(file);
          return { framework: provider.framework.id, caseTabs: provider.tables.map((table) => table.tab!) };
        },
      ],
      [
        "preview's choice",
        async () => {
          const session = await openFileSession(ROOT, file);
          return { framework: session.framework.id, caseTabs: caseTabsOf(session.runtime) };
        },
      ],
    ];
    for (const [reader, read] of readings) {
      if ('refused' in expected) await expect(read()).rejects.toThrow(expected.refused);
      else expect([reader, await read()]).toEqual([reader, expected]);
    }
  });
});

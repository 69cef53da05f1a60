/**
 * The example inspection workbook, made the way an inspection team would make it: the built
 * add-on's New inspection lays out the tabs, then the cases, the lead inspector's domain one
 * ratings, the panel's judgements and the published comparison figures are typed in.
 */
import figures from './figures.json';
import { readHeader } from '../../src/core/caseTable';
import { AddonRuntime, buildSpreadsheet, loadAddon } from '../../runtime';
import { caseRows, GeneratedInspection } from './cases';

/** The tabs a user imports: case-level data and judgements, no summary tabs. */
export const CASE_LEVEL_TABS = ['Inspection', 'Case supervision', 'Unpaid work', 'Through the Gate', 'Domain one', 'Panel', 'Comparison'];

export const WORKBOOK_NAME = 'Thames Valley CRC inspection 2019';

/**
 * The Inspection tab, as the example report gives it. The report's text names no fieldwork dates,
 * or lead inspector, so those stay blank (and the report says so) rather than be invented.
 */
export const INSPECTION_DETAILS_TYPED: Record<string, string> = {
  'Service inspected': 'Thames Valley Community Rehabilitation Company',
  Inspection: 'An inspection of Thames Valley Community Rehabilitation Company (2019)',
  'Fieldwork dates': '',
  'Lead inspector': '',
  'Report date': '2019',
  'Previous column label': 'Previous inspection (2018)',
  'Comparison column label': 'All CRCs',
};

/** The ratings panel's date: illustrative (the report gives none). */
export const PANEL_DATE = new Date(Date.UTC(2019, 9, 4));

/** The lead inspector's evidence for each domain one rating (R8), in short. */
export const DOMAIN_ONE_EVIDENCE: Record<string, string> = {
  '1.1': 'Leaders set a clear direction and keep investing in staff and in evidence-based services; risks to delivery are anticipated.',
  '1.2': 'Staff are well trained, positive about the organisation and mostly find workloads manageable; management oversight is uneven.',
  '1.3': 'A wider range of interventions than last year, with shorter waits for accredited programmes and good links with partners.',
  '1.4': 'The new case recording system supports assessment; premises are safe; a quality assurance framework is in place.',
};

/** Types a case sample into its case tab in one edit, matching columns by id (docs/user-guide.md), as a paste would. */
export function typeCaseSample(rt: AddonRuntime, tab: string, table: unknown[][]): void {
  const sheetIds = rt.sheetValues(tab)[0].map((cell, index) => readHeader(String(cell), index).id);
  const columns = table[0].map((header) => {
    const column = sheetIds.indexOf(readHeader(String(header), 0).id);
    if (column < 0) throw new Error(`${tab} has no column for ${header}.`);
    return column;
  });
  const width = Math.max(...columns) + 1;
  const rows = table.slice(1).map((cells) => {
    const row: unknown[] = Array(width).fill('');
    cells.forEach((cell, index) => (row[columns[index]] = cell));
    return row;
  });
  rt.setCellValues(tab, 'A2', rows);
}

/** Cells for the rows of a list tab (ids in column A), from its second row, in one block. */
function listBlock(rt: AddonRuntime, tab: string, cellsFor: (id: string) => unknown[]): unknown[][] {
  return rt.sheetValues(tab).slice(1).map((row) => cellsFor(String(row[0]).trim()));
}

type Figure = { previous?: number; aggregate?: number };

/** The note on every previous-inspection and all-CRCs count of the example: the report gives none. */
export const ASSUMED_N =
  'Assumed, not published: the report gives this percentage without its count, so n is the size of this inspection\'s sample for the question. Significance tests on it are illustrative.';

/**
 * The Comparison tab: previous-inspection and all-CRCs percentages as fractions, each with its n.
 * The report gives no counts for them, so n is the size of the question's sub-sample this time.
 */
function comparisonBlock(rt: AddonRuntime, inspection: GeneratedInspection): unknown[][] {
  const published = { ...figures.keyQuestions, ...figures.prompts } as Record<string, Figure>;
  const sampleSize = new Map(inspection.plans.map((plan) => [plan.id, plan.subSample]));
  return listBlock(rt, 'Comparison', (id) => {
    const figure = published[id] ?? {};
    const n = sampleSize.get(id) ?? '';
    const pair = (percent?: number) => (percent === undefined ? ['', ''] : [percent / 100, n]);
    return [...pair(figure.previous), ...pair(figure.aggregate)];
  });
}

/** Runs the built add-on from `bundleDir` on a new spreadsheet and types the whole example inspection in. */
export function buildExampleWorkbook(inspection: GeneratedInspection, bundleDir: string): AddonRuntime {
  const rt = loadAddon({ bundleDir, spreadsheet: buildSpreadsheet({ name: WORKBOOK_NAME }) });
  rt.install();
  rt.call('runNewInspection');
  rt.setCellValues('Inspection', 'B2', listBlock(rt, 'Inspection', (label) => [INSPECTION_DETAILS_TYPED[label] ?? '']));
  for (const sample of inspection.samples) typeCaseSample(rt, sample.tab, caseRows(sample));
  const ratings = figures.ratings as Record<string, string>;
  rt.setCellValues('Domain one', 'D2', listBlock(rt, 'Domain one', (id) => [ratings[id] ?? '', DOMAIN_ONE_EVIDENCE[id] ?? '']));
  const panel = figures.panelJudgements as Record<string, { panel: string; rationale: string }>;
  rt.setCellValues('Panel', 'D2', listBlock(rt, 'Panel', (id) => (panel[id] ? [panel[id].panel, panel[id].rationale, PANEL_DATE] : ['', '', ''])));
  const comparison = comparisonBlock(rt, inspection);
  rt.setCellValues('Comparison', 'C2', comparison);
  // The assumption is said in the workbook, beside each count it made up, not only here.
  const notes = comparison.map((cells) => cells.map((cell, index) => (index % 2 === 1 && cell !== '' ? ASSUMED_N : '')));
  rt.spreadsheet.getSheetByName('Comparison')!.getRange(2, 3, notes.length, 4).setNotes(notes);
  return rt;
}

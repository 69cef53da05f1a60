import { readHeader } from '../../src/core/caseTable';
import { PUBLISHED, publishedCases } from '../../examples/thames-valley-2019/published';
import { AddonRuntime, buildSpreadsheet, loadAddon } from '../runtime';

/** A fresh spreadsheet with the built add-on installed, New inspection run. */
export function newWorkbook(options: { maxRows?: number } = {}): AddonRuntime {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Thames Valley CRC', maxRows: options.maxRows }) });
  rt.install();
  rt.call('runNewInspection');
  return rt;
}

/**
 * Types a case table into a case tab as inspectors would, matching columns by id (SPEC §3:
 * functions find columns by id, not position). One edit for the whole block.
 */
export function typeCases(rt: AddonRuntime, tab: string, table: unknown[][]): void {
  const sheetHeader = rt.sheetValues(tab)[0].map((cell, index) => readHeader(String(cell), index).id);
  const columnOf = table[0].map((cell) => {
    const id = readHeader(String(cell), 0).id;
    const column = sheetHeader.indexOf(id);
    if (column < 0) throw new Error(`${tab} has no column for ${id}`);
    return column;
  });
  const width = Math.max(...columnOf) + 1;
  const rows = table.slice(1).map((cells) => {
    const row: unknown[] = Array(width).fill('');
    cells.forEach((cell, index) => (row[columnOf[index]] = cell));
    return row;
  });
  rt.setCellValues(tab, 'A2', rows as never);
}

/** The example inspection's current case answers, typed into the three case tabs. */
export function typePublishedCases(rt: AddonRuntime): void {
  typeCases(rt, 'Case supervision', publishedCases('Case supervision', 'current'));
  typeCases(rt, 'Unpaid work', publishedCases('Unpaid work', 'current'));
  typeCases(rt, 'Through the Gate', publishedCases('Through the Gate', 'current'));
}

/** The lead inspector's domain one ratings and the panel's two judgements, typed into their tabs. */
export function typeJudgements(rt: AddonRuntime): void {
  const domainOne = rt.sheetValues('Domain one');
  domainOne.forEach((row, index) => {
    const rating = (PUBLISHED.ratings as Record<string, string>)[String(row[0])];
    if (index > 0 && rating) rt.setCellValues('Domain one', `D${index + 1}`, [[rating]]);
  });
  const panel = rt.sheetValues('Panel');
  panel.forEach((row, index) => {
    const judgement = (PUBLISHED.panelJudgements as Record<string, { panel: string; rationale: string }>)[String(row[0])];
    if (index > 0 && judgement) rt.setCellValues('Panel', `D${index + 1}`, [[judgement.panel, judgement.rationale]]);
  });
}

/** A tab's values as a map from its column A label to its row. */
export function rowsByLabel(rt: AddonRuntime, tab: string): Map<string, unknown[]> {
  return new Map(rt.sheetValues(tab).map((row) => [String(row[0]), row]));
}

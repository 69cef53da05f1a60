import { quoteText } from '../core/answers';
import { CaseTable, columnHeaded, readCaseTable } from '../core/caseTable';
import { CASE_ID_HEADER, caseIdColumn, caseIdRows, caseIdText, drawSample, newSeed, sampleBalance, strataColumns } from '../core/sampling';
import { plannedSampleSize } from '../core/statistics';
import { describeCell } from '../core/answers';
import { capList } from '../core/lists';
import { serverFunction } from '../publicFunction';
import { ArgRule, LIMITS, SEED, TAB_NAME, validated } from './serverArgs';
import { asText } from './cells';
import { withDocumentLock } from './lock';
import { appendRows } from './ownTab';
import { activeSpreadsheet, documentProperties, Tabs, tabsByName } from './ownTabs';

/**
 * Sidebar, "Draw sample" (docs/sampling-and-qa.md): draws a stratified sample from a tab holding the
 * eligible population, shows its balance, and writes the chosen cases into the first empty
 * rows of a case tab. The seed is kept in document properties so the draw can be repeated.
 */

const SAMPLE_DRAW_PROPERTY = 'sampleDraw';

/** A tab that can hold an eligible population: a user's tab with a Case ID column. */
export interface PopulationTab {
  name: string;
  headers: string[];
  cases: number;
  /** SAMPLE_SIZE of its case count (R10's defaults). */
  suggestedSize: number;
}

export interface SampleSetup {
  populations: PopulationTab[];
  caseTabs: string[];
  /** The last draw written, to repeat it. */
  last?: SampleDrawRecord;
}

export interface SampleRequest {
  populationTab: string;
  strata: string[];
  size: number;
  /** Blank for a new draw; the seed shown by a preview to repeat it. */
  seed?: number;
}

export interface BalanceTable {
  stratum: string;
  /** The first LIST_CAP values (src/core/lists.ts), and how many more the stratum has. */
  rows: { value: string; population: number; populationShare: number; sample: number; sampleShare: number; differencePoints: number }[];
  moreRows: number;
}

export interface SamplePreview {
  seed: number;
  size: number;
  population: number;
  balance: BalanceTable[];
}

export interface SampleDrawRecord extends SampleRequest {
  seed: number;
  caseTab: string;
  written: number;
  /** ISO date and time of the draw. */
  drawnAt: string;
}

export interface SampleDrawReport extends SamplePreview {
  lines: string[];
}

/** The tabs the sidebar offers: user tabs with a Case ID header as populations, the add-on's case tabs as targets. */
export function sampleSetup(): SampleSetup {
  const tabs = tabsByName(activeSpreadsheet());
  const populations: PopulationTab[] = [];
  const caseTabs: string[] = [];
  tabs.forEach(({ sheet, role }, name) => {
    if (role === 'case') caseTabs.push(name);
    if (role || sheet.getLastColumn() === 0) return;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map((cell) => String(cell).trim());
    if (!headers.some((header) => header.toLowerCase() === CASE_ID_HEADER.toLowerCase())) return;
    const cases = Math.max(sheet.getLastRow() - 1, 0);
    populations.push({ name, headers: headers.filter((header) => header !== ''), cases, suggestedSize: cases > 0 ? plannedSampleSize(cases) : 0 });
  });
  const last = documentProperties().getProperty(SAMPLE_DRAW_PROPERTY);
  return { populations, caseTabs, last: last ? (JSON.parse(last) as SampleDrawRecord) : undefined };
}

interface Draw {
  population: CaseTable;
  chosen: number[];
  preview: SamplePreview;
}

function draw(tabs: Tabs, request: SampleRequest): Draw {
  const tab = tabs.get(request.populationTab);
  if (!tab || tab.role) throw new Error(`There is no population tab named "${quoteText(request.populationTab)}": paste the eligible cases into a tab of their own, header row first.`);
  const population = readCaseTable(tab.sheet.getDataRange().getValues());
  caseIdRows(population, caseIdColumn(population, 'population'), 'population');
  if (!Number.isInteger(request.size) || request.size < 1) throw new Error(`The sample size must be a whole number of cases, 1 or more; got ${request.size}.`);
  const seed = requestedSeed(request.seed) ?? newSeed();
  const strata = strataColumns(population, request.strata, 'population');
  const chosen = drawSample(population, request.size, strata, seed);
  const sample: CaseTable = { ...population, rows: chosen.map((rowIndex) => population.rows[rowIndex]) };
  const balance = strata.map((column): BalanceTable => {
    const rows = capList(sampleBalance(population, column, sample, column));
    return { stratum: column.header, rows: rows.listed.map((row) => ({ ...row, value: String(row.value) })), moreRows: rows.more };
  });
  return { population, chosen, preview: { seed, size: request.size, population: population.rows.length, balance } };
}

/** The seed to repeat a draw: blank for a new one; anything but a whole number is refused, never replaced. */
function requestedSeed(seed: unknown): number | undefined {
  if (seed === undefined || seed === null || (typeof seed === 'string' && seed.trim() === '')) return undefined;
  const value = typeof seed === 'string' ? Number(seed.trim()) : seed;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`The seed must be a whole number, e.g. 4821; got ${describeCell(seed)}. Leave it blank for a new draw.`);
  }
  return value;
}

/** Draws without writing: the balance table, and the seed that repeats this draw. */
export function previewSample(request: SampleRequest): SamplePreview {
  return draw(tabsByName(activeSpreadsheet()), request).preview;
}

/**
 * Draws and writes each chosen case's ID and strata values into the rows below the case
 * tab's last filled row (never over a filled cell); a case already on the tab is skipped.
 */
export function writeSample(request: SampleRequest, caseTab: string): SampleDrawReport {
  return withDocumentLock(() => {
    const tabs = tabsByName(activeSpreadsheet());
    const target = tabs.get(caseTab);
    if (!target || target.role !== 'case') throw new Error(`There is no case tab named "${quoteText(caseTab)}": run New inspection first, or choose another tab.`);
    const { population, chosen, preview } = draw(tabs, request);
    const sheet = target.sheet;
    const caseTable = readCaseTable(sheet.getDataRange().getValues());
    const caseIds = caseIdColumn(caseTable, `${caseTab} tab's`);
    const present = new Set(caseTable.rows.map((row) => caseIdText(row[caseIds.index])));
    const headers = [CASE_ID_HEADER, ...request.strata];
    const targets = headers.map((header) => columnHeaded(caseTable, header));
    const sources = strataColumns(population, headers, 'population');
    const newRows = chosen.map((rowIndex) => population.rows[rowIndex]).filter((row) => !present.has(caseIdText(row[sources[0].index])));
    const lines: string[] = [];
    if (newRows.length > 0) {
      const width = Math.max(...targets.map((column) => (column ? column.index + 1 : 0)));
      const block = newRows.map((row) => {
        const cells: unknown[] = Array(width).fill('');
        targets.forEach((column, position) => {
          if (column) cells[column.index] = cellFor(row[sources[position].index]);
        });
        return cells;
      });
      const first = appendRows(sheet, block);
      lines.push(`${caseTab}: ${block.length} case${block.length === 1 ? '' : 's'} written to rows ${first}–${first + block.length - 1}.`);
    }
    const skipped = chosen.length - newRows.length;
    if (skipped > 0) lines.push(`${skipped} chosen case${skipped === 1 ? ' was' : 's were'} already on ${caseTab} and left as ${skipped === 1 ? 'it was' : 'they were'}.`);
    const missing = headers.filter((_, position) => !targets[position]);
    if (missing.length > 0) lines.push(`${caseTab} has no column headed ${missing.map((header) => `"${header}"`).join(', ')}, so those values were not written.`);
    const record: SampleDrawRecord = { ...request, seed: preview.seed, caseTab, written: newRows.length, drawnAt: new Date().toISOString() };
    documentProperties().setProperty(SAMPLE_DRAW_PROPERTY, JSON.stringify(record));
    lines.push(`Seed ${preview.seed} recorded: drawing again with it gives the same sample.`);
    return { ...preview, lines };
  });
}

/** Sheet text stays text (a Case ID such as "=1" or "0012" is not a formula or a number). */
function cellFor(cell: unknown): unknown {
  return typeof cell === 'string' ? asText(cell.trim()) : cell;
}

/** A draw as the sidebar asks for it (serverArgs.ts checks it before any work). */
const SAMPLE_REQUEST: ArgRule = {
  label: 'The sample request',
  type: 'object',
  fields: {
    populationTab: { ...TAB_NAME, label: 'The population tab' },
    strata: { label: 'The strata', type: 'texts', maxItems: 20, maxLength: LIMITS.shortText },
    size: { label: 'The sample size', type: 'number' },
    seed: SEED,
  },
};

export const getSampleSetup = serverFunction(
  { summary: 'Sidebar: the tabs that can hold an eligible population (with their headers and suggested sample size), the case tabs, and the last draw.', params: [], returns: 'A SampleSetup object.' },
  validated('getSampleSetup', [], sampleSetup),
);

export const previewSampleDraw = serverFunction(
  {
    summary: 'Sidebar, Draw sample: draws a stratified sample without writing it, and returns its balance against the population and its seed.',
    params: [{ name: 'request', type: 'Object', description: '{ populationTab, strata, size, seed? }: the population tab, the strata headers, the size; a seed to repeat a draw.' }],
    returns: 'The seed, size and a balance table per stratum.',
  },
  validated('previewSampleDraw', [SAMPLE_REQUEST], previewSample),
);

export const runSampleDraw = serverFunction(
  {
    summary: "Sidebar, Draw sample: draws the sample and writes each chosen case's ID and strata values into the first empty rows of a case tab, recording the seed.",
    params: [
      { name: 'request', type: 'Object', description: '{ populationTab, strata, size, seed? } as for the preview; the preview\'s seed gives the same sample.' },
      { name: 'caseTab', type: 'string', description: 'The case tab to write to, e.g. "Case supervision".' },
    ],
    returns: 'The balance and what was written, a line each.',
  },
  validated('runSampleDraw', [SAMPLE_REQUEST, { ...TAB_NAME, label: 'The case tab' }], writeSample),
);

import { columnLetter } from './a1';

/**
 * Each add-on tab's columns, defined once (docs/user-guide.md): a key the code uses and the header the
 * user sees, in order. Setup, the Ratings tab, the sidebar and the summaries derive every column
 * letter, range and row from these, so reordering or adding a column is one edit here and no
 * formula can point at the wrong column.
 */
export interface TabLayout<Key extends string> {
  /** The add-on's role for the tab (developer metadata), never its name, finds it. */
  role: string;
  /** The name New inspection gives the tab; a user may rename it. */
  name: string;
  columns: ReadonlyArray<{ key: Key; header: string }>;
}

function layout<Key extends string>(role: string, name: string, columns: ReadonlyArray<readonly [Key, string]>): TabLayout<Key> {
  return { role, name, columns: columns.map(([key, header]) => ({ key, header })) };
}

/** R8: one row per judgement standard. */
export const DOMAIN_ONE_LAYOUT = layout('domainOne', 'Domain one', [
  ['standard', 'Standard'],
  ['name', 'Name'],
  ['keyQuestions', 'Key questions'],
  ['rating', 'Rating'],
  ['evidence', 'Evidence'],
] as const);

/** R6: one row per case-based standard: the panel's rating, its rationale, and whether it applies. */
export const PANEL_LAYOUT = layout('panel', 'Panel', [
  ['standard', 'Standard'],
  ['name', 'Name'],
  ['indicative', 'Indicative rating'],
  ['panelRating', 'Panel rating'],
  ['rationale', 'Rationale'],
  ['date', 'Date'],
  ['applied', 'Applied rating'],
  ['status', 'Status'],
] as const);

/** docs/user-guide.md: previous-inspection and aggregate figures per key question and prompt. */
export const COMPARISON_LAYOUT = layout('comparison', 'Comparison', [
  ['id', 'Id'],
  ['question', 'Question'],
  ['previousPercent', 'Previous %'],
  ['previousN', 'Previous n'],
  ['aggregatePercent', 'All providers %'],
  ['aggregateN', 'All providers n'],
] as const);

/** docs/user-guide.md: the report's ratings page. */
export const RATINGS_LAYOUT = layout('ratings', 'Ratings', [
  ['standard', 'Standard'],
  ['name', 'Name'],
  ['rating', 'Rating'],
  ['score', 'Score'],
  ['indicative', 'Indicative rating'],
  ['panelMove', 'Panel move'],
  ['judgement', 'Panel judgement'],
] as const);

/**
 * docs/user-guide.md "Sign-off": one row per sign-off or reopening, appended, never rewritten. The
 * answers are the case's as signed off ("2.1.1=Y; 2.1.1(a)=NA"), and the check is a digest of the
 * row's other cells, so a row edited by hand is found (src/core/signOff.ts).
 */
export const SIGN_OFF_LOG_LAYOUT = layout('signOffLog', 'Sign-off log', [
  ['tab', 'Tab'],
  ['caseId', 'Case ID'],
  ['row', 'Row'],
  ['action', 'Action'],
  ['reviewer', 'Reviewer'],
  ['when', 'When'],
  ['reason', 'Reason'],
  ['answers', 'Answers as signed off'],
  ['check', 'Check'],
] as const);

/** docs/report.md: the inspection's details, one per row (Detail, Value); every title of a page or document reads them. */
export const INSPECTION_LAYOUT = layout('inspection', 'Inspection', [
  ['detail', 'Detail'],
  ['value', 'Value'],
] as const);

/** The Inspection tab's rows, in order: a key the report uses and the label in column A. */
export const INSPECTION_DETAILS = [
  { key: 'service', label: 'Service inspected' },
  { key: 'inspection', label: 'Inspection' },
  { key: 'fieldwork', label: 'Fieldwork dates' },
  { key: 'leadInspector', label: 'Lead inspector' },
  { key: 'reportDate', label: 'Report date' },
  { key: 'previousLabel', label: 'Previous column label' },
  { key: 'comparisonLabel', label: 'Comparison column label' },
] as const;

export type InspectionDetailKey = (typeof INSPECTION_DETAILS)[number]['key'];

/**
 * What a title says where a detail is blank. Apart from the rows, so that only the report's pages
 * (the sidebar's scripts) carry these, not the server script every execution compiles.
 */
export const INSPECTION_DETAIL_BLANKS: Record<InspectionDetailKey, string> = {
  service: 'Service not named — fill in the Inspection tab',
  inspection: 'Inspection not named — fill in the Inspection tab',
  fieldwork: 'Fieldwork dates not given — fill in the Inspection tab',
  leadInspector: 'Lead inspector not named — fill in the Inspection tab',
  reportDate: 'Report date not given — fill in the Inspection tab',
  previousLabel: 'Previous inspection',
  comparisonLabel: 'All providers',
};

/** The keys of a layout's columns, e.g. "rating" | "score". */
export type KeyOf<Layout> = Layout extends TabLayout<infer Key> ? Key : never;

/** The header row. */
export function headersOf<Key extends string>(tab: TabLayout<Key>): string[] {
  return tab.columns.map((column) => column.header);
}

/** A column's number, 1 for the first (for getRange). */
export function columnNumber<Key extends string>(tab: TabLayout<Key>, key: Key): number {
  const index = tab.columns.findIndex((column) => column.key === key);
  if (index < 0) throw new Error(`The ${tab.name} tab has no column "${key}".`);
  return index + 1;
}

/** A column's letter, e.g. "D" (for formulas). */
export function columnOf<Key extends string>(tab: TabLayout<Key>, key: Key): string {
  return columnLetter(columnNumber(tab, key));
}

/** One cell of a column, e.g. "D5". */
export function cellOf<Key extends string>(tab: TabLayout<Key>, key: Key, row: number): string {
  return `${columnOf(tab, key)}${row}`;
}

/** A column's cells from one row to another, e.g. "C2:C12". */
export function rangeOf<Key extends string>(tab: TabLayout<Key>, key: Key, firstRow: number, lastRow: number): string {
  return `${cellOf(tab, key, firstRow)}:${cellOf(tab, key, lastRow)}`;
}

/** A row in column order from values by key; a column not given is blank. */
export function rowOf<Key extends string, Value>(tab: TabLayout<Key>, values: Partial<Record<Key, Value>>): Array<Value | ''> {
  return tab.columns.map((column) => values[column.key] ?? '');
}

/** A row read back by key (a short row reads as blanks). */
export function readRow<Key extends string>(tab: TabLayout<Key>, row: readonly unknown[]): Record<Key, unknown> {
  return Object.fromEntries(tab.columns.map((column, index) => [column.key, row[index] ?? ''])) as Record<Key, unknown>;
}

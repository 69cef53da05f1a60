import { cellName } from './a1';
import { describeCell, isDate, isEmptyCell, quoteText } from './answers';
import { BandThresholds, DEFAULT_THRESHOLDS } from './bands';
import {
  CASE_ID_AND_INSPECTOR,
  CaseTab,
  Domain,
  Framework,
  FrameworkProblem,
  KeyQuestion,
  MetadataColumn,
  OverallBands,
  Prompt,
  Standard,
  standardsOf,
  SubSampleRule,
  validateFramework,
  Wording,
} from './framework';
import { markerHeader } from './frameworkChoice';
import { FRAMEWORKS } from './frameworks';
import { caseTabLayouts } from './workbook';

/**
 * docs/frameworks.md: a framework defined in the workbook, on a *Framework* tab a lead inspector fills or
 * pastes. Layout (the README's "Frameworks" section has a worked example):
 * - a settings block from A1, one `Setting | Value` pair a row: Id, Name, Band thresholds
 *   (`60/75/90`; default 50/65/80), Overall bands (`Per standard`, the default R9 rule, or the
 *   lowest score of Requires improvement, Good and Outstanding, e.g. `7/19/31`), Wording
 *   (Published or Provisional, the default), Source (a note on where the wording comes from);
 * - then a header row starting `Type`, naming the item columns in any order: Type, Id, Text
 *   (required), Case tab, Rated from, Counts, Qualitative, Applies when, Values, Description,
 *   Wording;
 * - then one row per item, in order: `Domain`, `Standard` (in the last domain), `Key question`
 *   (in the last standard), `Prompt` (in the last key question), `Metadata` (a column of the
 *   named case tab, or of every case tab when Case tab is blank). A case tab with no Metadata
 *   rows gets Case ID and Inspector.
 */

/** One problem in a Framework tab, listed like a data problem: the cell and what is wrong. */
export interface FrameworkTabProblem {
  tab: string;
  row: number;
  column: number;
  /** A1 name of the cell, e.g. "C12". */
  cell: string;
  message: string;
}

/** The Framework tab's item columns, in the order a new tab lays them out. */
export const FRAMEWORK_TAB_COLUMNS = ['Type', 'Id', 'Text', 'Case tab', 'Rated from', 'Counts', 'Qualitative', 'Applies when', 'Values', 'Description', 'Wording'] as const;
type ItemColumn = (typeof FRAMEWORK_TAB_COLUMNS)[number];

const SETTINGS = ['Id', 'Name', 'Band thresholds', 'Overall bands', 'Wording', 'Source'] as const;
type Setting = (typeof SETTINGS)[number];

const ITEM_TYPES = ['Domain', 'Standard', 'Key question', 'Prompt', 'Metadata'] as const;


/** Which item column a validation problem's field points at. */
const FIELD_COLUMN: Record<FrameworkProblem['field'], ItemColumn | Setting> = {
  id: 'Id',
  name: 'Text',
  text: 'Text',
  header: 'Text',
  caseTab: 'Case tab',
  kind: 'Rated from',
  subSample: 'Applies when',
  values: 'Values',
  thresholds: 'Band thresholds',
  overall: 'Overall bands',
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The Framework tab among a workbook's tab names: "Framework" in any case (the add-on and the tools alike). */
export function frameworkTabName(names: Iterable<string>): string | undefined {
  for (const name of names) if (same(name, 'Framework')) return name;
  return undefined;
}

/** The add-on's own tabs: a case tab may not take one of their names (Sheets compares tab names without case). */
export const ADDON_TAB_NAMES = ['Framework', 'Domain one', 'Panel', 'Panel log', 'Comparison', 'Ratings', 'Key questions', 'Prompts', 'Sub-samples', 'Data quality', 'Agreement', 'Inspection', 'Sign-off log'] as const;

/** Sheets' longest tab name is 100 characters; a case tab's QA tab adds "QA " to its name. */
const CASE_TAB_NAME_LIMIT = 97;
/**
 * Every standard is a formula over its whole case tab, recalculated on each edit, and New inspection
 * lays every tab out in one run: beyond this a workbook would not finish setting up or stay usable.
 */
export const STANDARD_LIMIT = 100;
/** Sheets' limits: columns a tab, characters a cell (the `Framework:` header is one cell). */
const COLUMN_LIMIT = 18278;
const CELL_TEXT_LIMIT = 50000;

type Report = (rowIndex: number, columnIndex: number, message: string) => void;

/** The tab's layout as read: where the settings and the item columns are. */
interface TabLayout {
  headerRow: number;
  settingRows: Map<Setting, number>;
  columnOf: Map<ItemColumn, number>;
  /** A cell's text; a cell Sheets turned into a date is a problem (it is blank here). */
  text(rowIndex: number, columnIndex: number | undefined): string;
  setting(name: Setting): string;
}

/** What the items build: the framework, and where each item came from (for validation problems). */
interface Built {
  framework: Framework;
  /** The sheet row (0-based) of each item by id, and of each case tab's first mention by name. */
  rowOfItem: Map<string, number>;
  rowOfCaseTab: Map<string, number>;
}

/**
 * Reads a Framework tab's values (row 1 first) into a framework, validated (docs/frameworks.md). The
 * framework is given only when there are no problems; every problem names its cell. Three phases:
 * read the layout, build the items, validate the result (the schema, and that it fits a workbook).
 */
export function parseFrameworkTab(values: unknown[][], tab = 'Framework'): { framework?: Framework; problems: FrameworkTabProblem[] } {
  const problems: FrameworkTabProblem[] = [];
  // One problem a cell, the first found (a date where an id was typed is not also "no id").
  const problem: Report = (rowIndex, columnIndex, message) => {
    const cell = cellName(rowIndex + 1, columnIndex + 1);
    if (!problems.some((earlier) => earlier.cell === cell)) problems.push({ tab, row: rowIndex + 1, column: columnIndex + 1, cell, message: `${quoteText(tab)}!${cell}: ${message}` });
  };
  const layout = readLayout(values, problem);
  if (!layout || problems.length > 0) return { problems };
  const built = buildFramework(values, layout, problem);
  if (problems.length > 0) return { problems };
  validate(built, layout, problem);
  return problems.length > 0 ? { problems } : { framework: built.framework, problems };
}

/** Phase 1: the settings block and the row of item columns. */
function readLayout(values: unknown[][], problem: Report): TabLayout | undefined {
  const reported = new Set<string>();
  const text = (rowIndex: number, columnIndex: number | undefined): string => {
    if (columnIndex === undefined) return '';
    const cell = values[rowIndex]?.[columnIndex];
    if (isDate(cell)) {
      // Sheets reads "2.1" or "1/2/3" typed into a cell as a date: say what the cell shows and how to keep the text.
      const key = `${rowIndex}:${columnIndex}`;
      if (!reported.has(key)) problem(rowIndex, columnIndex, `Sheets turned what was typed here into ${describeCell(cell)}. Type it as text, with an apostrophe first (e.g. '2.1 or '60/75/90), so it stays as written.`);
      reported.add(key);
      return '';
    }
    return isEmptyCell(cell) ? '' : String(cell).trim();
  };
  const headerRow = values.findIndex((row, rowIndex) => !isDate(row[0]) && same(text(rowIndex, 0), 'Type'));
  if (headerRow < 0) {
    problem(0, 0, `there is no row of item columns: after the settings, put a row starting "Type" (${FRAMEWORK_TAB_COLUMNS.join(', ')}).`);
    return undefined;
  }
  const settingRows = new Map<Setting, number>();
  for (let rowIndex = 0; rowIndex < headerRow; rowIndex += 1) {
    const name = text(rowIndex, 0);
    if (!name) continue;
    const setting = SETTINGS.find((candidate) => same(candidate, name));
    if (!setting) problem(rowIndex, 0, `"${quoteText(name)}" is not a setting. Settings: ${SETTINGS.join(', ')}.`);
    else if (settingRows.has(setting)) problem(rowIndex, 0, `the setting "${setting}" is given twice.`);
    else settingRows.set(setting, rowIndex);
  }
  const columnOf = new Map<ItemColumn, number>();
  values[headerRow].forEach((_, columnIndex) => {
    const name = text(headerRow, columnIndex);
    if (!name) return;
    const column = FRAMEWORK_TAB_COLUMNS.find((candidate) => same(candidate, name));
    if (!column) problem(headerRow, columnIndex, `"${quoteText(name)}" is not an item column. Columns: ${FRAMEWORK_TAB_COLUMNS.join(', ')}.`);
    else columnOf.set(column, columnIndex);
  });
  for (const required of ['Id', 'Text'] as const) {
    if (!columnOf.has(required)) problem(headerRow, values[headerRow].length, `the item columns need a column headed "${required}".`);
  }
  const setting = (name: Setting) => {
    const rowIndex = settingRows.get(name);
    return rowIndex === undefined ? '' : text(rowIndex, 1);
  };
  return { headerRow, settingRows, columnOf, text, setting };
}

/** Phase 2: the settings and one item a row, in order, into a framework. */
function buildFramework(values: unknown[][], layout: TabLayout, problem: Report): Built {
  const { settingRows, columnOf, setting } = layout;
  const settingProblem = (name: Setting, message: string) => problem(settingRows.get(name) ?? 0, settingRows.has(name) ? 1 : 0, message);
  const thresholds = readThresholds(setting('Band thresholds'), (message) => settingProblem('Band thresholds', message));
  const overall = readOverall(setting('Overall bands'), (message) => settingProblem('Overall bands', message));
  const wording = readWording(setting('Wording'), (message) => settingProblem('Wording', message)) ?? 'provisional';

  const domains: Domain[] = [];
  const metadataRows: Array<{ tab: string; column: MetadataColumn }> = [];
  const rowOfItem = new Map<string, number>();
  const rowOfCaseTab = new Map<string, number>();
  let standard: Standard | undefined;
  let keyQuestion: KeyQuestion | undefined;

  for (let rowIndex = layout.headerRow + 1; rowIndex < values.length; rowIndex += 1) {
    const cell = (column: ItemColumn) => layout.text(rowIndex, columnOf.get(column));
    const at = (column: ItemColumn, message: string) => problem(rowIndex, columnOf.get(column) ?? 0, message);
    const typeName = cell('Type');
    if (!typeName && FRAMEWORK_TAB_COLUMNS.every((column) => !cell(column))) continue;
    const type = ITEM_TYPES.find((candidate) => same(candidate, typeName));
    if (!type) {
      at('Type', `"${quoteText(typeName)}" is not an item type. Types: ${ITEM_TYPES.join(', ')}.`);
      continue;
    }
    const typedId = cell('Id');
    // Ids compare without leading zeros ("2.1.01" is 2.1.1): the case tabs' headers and columns use the plain form.
    const id = plainId(typedId);
    const itemText = cell('Text');
    const caseTab = cell('Case tab');
    if (caseTab && !rowOfCaseTab.has(caseTab)) rowOfCaseTab.set(caseTab, rowIndex);
    const yesNo = (column: 'Counts' | 'Qualitative', fallback: boolean) => readYesNo(cell(column), fallback, (message) => at(column, message));
    const itemWording = readWording(cell('Wording'), (message) => at('Wording', message));
    const withWording = itemWording ? { wording: itemWording } : {};
    const earlier = type !== 'Metadata' && id ? rowOfItem.get(id) : undefined;
    // The same id typed twice is the schema's "used twice"; the same id in two spellings is found here.
    if (earlier !== undefined && layout.text(earlier, columnOf.get('Id')) !== typedId) {
      const earlierCell = cellName(earlier + 1, (columnOf.get('Id') ?? 0) + 1);
      const shown = typedId === id ? `"${quoteText(typedId)}"` : `"${quoteText(typedId)}" (that is ${id})`;
      at('Id', `the id ${shown} is already used in ${earlierCell}: ids are compared without leading zeros, so give this ${type.toLowerCase()} its own id.`);
      continue;
    }
    if (type !== 'Metadata') rowOfItem.set(id, rowIndex);
    if (type !== 'Metadata' && !id) at('Id', `a ${type.toLowerCase()} needs an id.`);

    const parentMissing = (parent: string) => at('Type', `this ${type.toLowerCase()} comes before any ${parent}: put it below the ${parent} it belongs to.`);
    if (type === 'Domain') {
      domains.push({ id, name: itemText, standards: [] });
      standard = undefined;
      keyQuestion = undefined;
    } else if (type === 'Standard') {
      if (domains.length === 0) parentMissing('domain');
      else {
        const kind = readKind(cell('Rated from'), caseTab, (message) => at('Rated from', message));
        standard = { id, name: itemText, statement: cell('Description'), kind, ...(caseTab ? { caseTab } : {}), counts: yesNo('Counts', true), keyQuestions: [] };
        domains[domains.length - 1].standards.push(standard);
        keyQuestion = undefined;
      }
    } else if (type === 'Key question') {
      if (!standard) parentMissing('standard');
      else {
        const subSample = readRule(cell('Applies when'), (message) => at('Applies when', message));
        keyQuestion = { id, text: itemText, qualitative: yesNo('Qualitative', false), ...(subSample ? { subSample } : {}), prompts: [], ...withWording };
        standard.keyQuestions.push(keyQuestion);
      }
    } else if (type === 'Prompt') {
      if (!keyQuestion) parentMissing('key question');
      else {
        const subSample = readRule(cell('Applies when'), (message) => at('Applies when', message));
        const prompt: Prompt = { id, text: itemText, ...(subSample ? { subSample } : {}), ...withWording };
        keyQuestion.prompts.push(prompt);
      }
    } else {
      const allowed = cell('Values') ? cell('Values').split(',').map((value) => value.trim()).filter(Boolean) : undefined;
      if (!itemText) at('Text', 'a metadata row needs the column header in Text.');
      metadataRows.push({ tab: caseTab, column: { header: itemText, ...(allowed ? { values: allowed } : {}), note: cell('Description') } });
      if (caseTab && !rowOfItem.has(caseTab)) rowOfItem.set(caseTab, rowIndex);
    }
  }

  const caseTabs: CaseTab[] = [...rowOfCaseTab.keys()].map((name) => {
    const metadata = metadataRows.filter((row) => row.tab === '' || row.tab === name).map((row) => row.column);
    return { name, metadata: metadataRows.some((row) => row.tab === name) ? metadata : [...CASE_ID_AND_INSPECTOR, ...metadata] };
  });
  const framework: Framework = { id: setting('Id'), name: setting('Name'), source: { wording, note: setting('Source') }, domains, caseTabs, thresholds, overall };
  return { framework, rowOfItem, rowOfCaseTab };
}

/** An id without leading zeros in its numbers: "2.1.01" is 2.1.1, "02.1" is 2.1; "2.1.1(a)" is unchanged. */
export function plainId(id: string): string {
  return id.replace(/(^|\.)0+(?=\d)/g, '$1');
}

/** Phase 3: the framework schema's rules (validateFramework), then what a workbook can hold. */
function validate(built: Built, layout: TabLayout, problem: Report): void {
  const { framework, rowOfItem } = built;
  const { settingRows, columnOf, headerRow } = layout;
  const found = validateFramework(framework);
  for (const { field, item, message } of found) {
    const column = FIELD_COLUMN[field];
    const itemRow = item === undefined ? undefined : rowOfItem.get(item);
    if (itemRow !== undefined && columnOf.has(column as ItemColumn)) problem(itemRow, columnOf.get(column as ItemColumn)!, message);
    else if (settingRows.has(column as Setting)) problem(settingRows.get(column as Setting)!, 1, message);
    else if (field === 'overall') problem(settingRows.get('Overall bands') ?? headerRow, settingRows.has('Overall bands') ? 1 : 0, message);
    else problem(settingRows.get(field === 'name' ? 'Name' : 'Id') ?? 0, settingRows.size > 0 ? 1 : 0, message);
  }
  if (found.length > 0) return;
  checkFitsWorkbook(built, layout, problem);
}

/** R13 and Sheets' limits, before New inspection changes anything: a new id, case tab names Sheets takes, a size it can lay out. */
function checkFitsWorkbook({ framework, rowOfCaseTab }: Built, layout: TabLayout, problem: Report): void {
  const idCell: [number, number] = [layout.settingRows.get('Id') ?? 0, layout.settingRows.has('Id') ? 1 : 0];
  if (FRAMEWORKS.some((builtIn) => same(builtIn.id, framework.id))) {
    problem(...idCell, `the id "${quoteText(framework.id)}" is a built-in framework's; choose another id (e.g. "${quoteText(framework.id)}-own"), so every case tab's "Framework:" header says which of the two it follows.`);
  }
  const caseTabCell = (name: string): [number, number] => [rowOfCaseTab.get(name) ?? layout.headerRow, layout.columnOf.get('Case tab') ?? 0];
  const seen = new Map<string, string>();
  for (const { name } of framework.caseTabs) {
    const shown = `"${quoteText(name)}"`;
    const own = ADDON_TAB_NAMES.find((addonTab) => same(addonTab, name));
    const twin = seen.get(name.toLowerCase());
    if (own) problem(...caseTabCell(name), `the case tab ${shown} would take the name of the add-on's ${own} tab; choose another name.`);
    else if (twin) problem(...caseTabCell(name), `the case tabs ${shown} and "${quoteText(twin)}" differ only in capitals, and Sheets takes them for one name; choose one spelling.`);
    else if (Array.from(name).length > CASE_TAB_NAME_LIMIT) problem(...caseTabCell(name), `the case tab name ${shown} is longer than ${CASE_TAB_NAME_LIMIT} characters (Sheets allows 100 a tab name, and its QA tab adds "QA "); shorten it.`);
    seen.set(name.toLowerCase(), name);
  }
  const standards = standardsOf(framework).length;
  if (standards > STANDARD_LIMIT) {
    problem(...idCell, `the framework has ${standards} standards, more than the ${STANDARD_LIMIT} one workbook can rate (each is a formula over its whole case tab, recalculated on every edit): split it into smaller frameworks, one workbook each.`);
    return;
  }
  for (const caseTab of caseTabLayouts(framework)) {
    if (caseTab.headers.length > COLUMN_LIMIT) problem(...caseTabCell(caseTab.name), `the case tab "${quoteText(caseTab.name)}" would need ${caseTab.headers.length} columns, more than the ${COLUMN_LIMIT} Sheets allows a tab: move some standards to another case tab.`);
  }
  const marker = markerHeader(framework);
  if (marker.length > CELL_TEXT_LIMIT) problem(...idCell, `the case tabs' "Framework:" header would be ${marker.length} characters, more than the ${CELL_TEXT_LIMIT} Sheets allows in a cell: use fewer key questions.`);
}

/**
 * The Framework tab for a framework: the inverse of `parseFrameworkTab`, so a built-in framework
 * can be written into a workbook and corrected there — under a new id ("crc-2018-own"), since a
 * Framework tab may not reuse a built-in one (R13).
 */
export function frameworkTabValues(given: Framework): string[][] {
  const framework = FRAMEWORKS.some((builtIn) => builtIn.id === given.id) ? { ...given, id: `${given.id}-own` } : given;
  const width = FRAMEWORK_TAB_COLUMNS.length;
  const row = (cells: Partial<Record<ItemColumn, string>>) => FRAMEWORK_TAB_COLUMNS.map((column) => cells[column] ?? '');
  const yesNo = (flag: boolean) => (flag ? 'Yes' : 'No');
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  const settings = [
    ['Id', framework.id],
    ['Name', framework.name],
    ['Band thresholds', framework.thresholds.join('/')],
    ['Overall bands', framework.overall.rule === 'scores' ? framework.overall.minimums.join('/') : 'Per standard'],
    ['Wording', capitalised(framework.source.wording)],
    ['Source', framework.source.note],
  ].map(pad);
  const wordingOf = (item: { wording?: Wording }) => (item.wording ? capitalised(item.wording) : '');
  const metadata = framework.caseTabs.flatMap((tab) =>
    tab.metadata.map((column) => row({ Type: 'Metadata', Text: column.header, 'Case tab': tab.name, Values: (column.values ?? []).join(', '), Description: column.note })),
  );
  const items = framework.domains.flatMap((domain) => [
    row({ Type: 'Domain', Id: domain.id, Text: domain.name }),
    ...domain.standards.flatMap((standard) => [
      row({ Type: 'Standard', Id: standard.id, Text: standard.name, 'Case tab': standard.caseTab, 'Rated from': standard.kind === 'caseBased' ? 'Cases' : 'Judgement', Counts: yesNo(standard.counts), Description: standard.statement }),
      ...standard.keyQuestions.flatMap((keyQuestion) => [
        row({ Type: 'Key question', Id: keyQuestion.id, Text: keyQuestion.text, Qualitative: yesNo(keyQuestion.qualitative), 'Applies when': ruleText(keyQuestion.subSample), Wording: wordingOf(keyQuestion) }),
        ...keyQuestion.prompts.map((prompt) => row({ Type: 'Prompt', Id: prompt.id, Text: prompt.text, 'Applies when': ruleText(prompt.subSample), Wording: wordingOf(prompt) })),
      ]),
    ]),
  ]);
  return [...settings, pad([]), [...FRAMEWORK_TAB_COLUMNS], ...metadata, ...items];
}

/** The maximum overall score: 3 for each counted standard (R9, docs/commands.md). */
export function maximumScore(framework: Framework): number {
  return 3 * standardsOf(framework).filter((standard) => standard.counts).length;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function ruleText(rule: SubSampleRule | undefined): string {
  return rule ? `${rule.header} = ${rule.equals.join(' or ')}` : '';
}

/** "60/75/90" (or with commas or spaces); blank is the default 50/65/80. */
function readThresholds(cell: string, fail: (message: string) => void): BandThresholds {
  if (!cell) return DEFAULT_THRESHOLDS;
  const numbers = readNumbers(cell);
  if (!numbers) {
    fail(`band thresholds "${quoteText(cell)}" should be three whole percentages, e.g. 60/75/90.`);
    return DEFAULT_THRESHOLDS;
  }
  return numbers;
}

/** "Per standard" (or blank), or three lowest scores, e.g. "7/19/31". */
function readOverall(cell: string, fail: (message: string) => void): OverallBands {
  if (!cell || same(cell, 'Per standard')) return { rule: 'perStandard' };
  const numbers = readNumbers(cell);
  if (numbers) return { rule: 'scores', minimums: numbers };
  fail(`overall bands "${quoteText(cell)}" should be "Per standard" or the lowest score of Requires improvement, Good and Outstanding, e.g. 7/19/31.`);
  return { rule: 'perStandard' };
}

function readNumbers(cell: string): [number, number, number] | undefined {
  const parts = cell.split(/[\/,\s]+/).filter(Boolean);
  if (parts.length !== 3 || !parts.every((part) => /^\d+$/.test(part))) return undefined;
  return [Number(parts[0]), Number(parts[1]), Number(parts[2])];
}

function readWording(cell: string, fail: (message: string) => void): Wording | undefined {
  if (!cell) return undefined;
  if (same(cell, 'Published')) return 'published';
  if (same(cell, 'Provisional')) return 'provisional';
  fail(`wording "${quoteText(cell)}" should be Published or Provisional.`);
  return undefined;
}

function readYesNo(cell: string, fallback: boolean, fail: (message: string) => void): boolean {
  if (!cell) return fallback;
  if (same(cell, 'Yes')) return true;
  if (same(cell, 'No')) return false;
  fail(`"${quoteText(cell)}" should be Yes or No.`);
  return fallback;
}

/** "Cases" or "Judgement"; blank means cases when a case tab is named, otherwise judgement. */
function readKind(cell: string, caseTab: string, fail: (message: string) => void): Standard['kind'] {
  if (!cell) return caseTab ? 'caseBased' : 'leadJudgement';
  if (same(cell, 'Cases')) return 'caseBased';
  if (same(cell, 'Judgement') || same(cell, 'Judgment')) return 'leadJudgement';
  fail(`rated from "${quoteText(cell)}" should be Cases or Judgement.`);
  return 'leadJudgement';
}

/** "Harm factors present = Yes", or several values: "Sentence type = Licence or Custody" (commas work too). */
function readRule(cell: string, fail: (message: string) => void): SubSampleRule | undefined {
  if (!cell) return undefined;
  const equals = cell.indexOf('=');
  const header = equals < 0 ? '' : cell.slice(0, equals).trim();
  const values = equals < 0 ? [] : cell.slice(equals + 1).split(/,|\s+or\s+/i).map((value) => value.trim()).filter(Boolean);
  if (!header || values.length === 0) {
    fail(`"${quoteText(cell)}" should name a metadata column and its value, e.g. "Harm factors present = Yes".`);
    return undefined;
  }
  return { header, equals: values };
}

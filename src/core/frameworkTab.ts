import { cellName } from './a1';
import { isEmptyCell } from './answers';
import { BandThresholds, DEFAULT_THRESHOLDS } from './bands';
import {
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

/** The metadata a case tab gets when no Metadata row names it. */
const DEFAULT_METADATA: MetadataColumn[] = [
  { header: 'Case ID', note: 'The case reference, unique in this tab.' },
  { header: 'Inspector', note: 'Who assessed the case.' },
];

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

const text = (cell: unknown) => (isEmptyCell(cell) ? '' : String(cell).trim());
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Reads a Framework tab's values (row 1 first) into a framework, validated (docs/frameworks.md). The
 * framework is given only when there are no problems; every problem names its cell.
 */
export function parseFrameworkTab(values: unknown[][], tab = 'Framework'): { framework?: Framework; problems: FrameworkTabProblem[] } {
  const problems: FrameworkTabProblem[] = [];
  const problem = (rowIndex: number, columnIndex: number, message: string) =>
    problems.push({ tab, row: rowIndex + 1, column: columnIndex + 1, cell: cellName(rowIndex + 1, columnIndex + 1), message: `${tab}!${cellName(rowIndex + 1, columnIndex + 1)}: ${message}` });

  const headerRow = values.findIndex((row) => same(text(row[0]), 'Type'));
  if (headerRow < 0) {
    problem(0, 0, `there is no row of item columns: after the settings, put a row starting "Type" (${FRAMEWORK_TAB_COLUMNS.join(', ')}).`);
    return { problems };
  }

  const settingRows = new Map<Setting, number>();
  for (let rowIndex = 0; rowIndex < headerRow; rowIndex += 1) {
    const name = text(values[rowIndex][0]);
    if (!name) continue;
    const setting = SETTINGS.find((candidate) => same(candidate, name));
    if (!setting) problem(rowIndex, 0, `"${name}" is not a setting. Settings: ${SETTINGS.join(', ')}.`);
    else if (settingRows.has(setting)) problem(rowIndex, 0, `the setting "${setting}" is given twice.`);
    else settingRows.set(setting, rowIndex);
  }
  const setting = (name: Setting) => {
    const rowIndex = settingRows.get(name);
    return rowIndex === undefined ? '' : text(values[rowIndex][1]);
  };
  const settingProblem = (name: Setting, message: string) => problem(settingRows.get(name) ?? 0, settingRows.has(name) ? 1 : 0, message);

  const columnOf = new Map<ItemColumn, number>();
  values[headerRow].forEach((cell, columnIndex) => {
    const name = text(cell);
    if (!name) return;
    const column = FRAMEWORK_TAB_COLUMNS.find((candidate) => same(candidate, name));
    if (!column) problem(headerRow, columnIndex, `"${name}" is not an item column. Columns: ${FRAMEWORK_TAB_COLUMNS.join(', ')}.`);
    else columnOf.set(column, columnIndex);
  });
  for (const required of ['Id', 'Text'] as const) {
    if (!columnOf.has(required)) problem(headerRow, values[headerRow].length, `the item columns need a column headed "${required}".`);
  }
  if (problems.length > 0) return { problems };

  const thresholds = readThresholds(setting('Band thresholds'), (message) => settingProblem('Band thresholds', message));
  const overall = readOverall(setting('Overall bands'), (message) => settingProblem('Overall bands', message));
  const wording = readWording(setting('Wording'), (message) => settingProblem('Wording', message)) ?? 'provisional';

  const domains: Domain[] = [];
  const metadataRows: Array<{ tab: string; column: MetadataColumn }> = [];
  const caseTabNames: string[] = [];
  const rowOfItem = new Map<string, number>();
  let standard: Standard | undefined;
  let keyQuestion: KeyQuestion | undefined;

  for (let rowIndex = headerRow + 1; rowIndex < values.length; rowIndex += 1) {
    const row = values[rowIndex];
    const cell = (column: ItemColumn) => (columnOf.has(column) ? text(row[columnOf.get(column)!]) : '');
    const at = (column: ItemColumn, message: string) => problem(rowIndex, columnOf.get(column) ?? 0, message);
    const typeName = cell('Type');
    if (!typeName && FRAMEWORK_TAB_COLUMNS.every((column) => !cell(column))) continue;
    const type = ITEM_TYPES.find((candidate) => same(candidate, typeName));
    if (!type) {
      at('Type', `"${typeName}" is not an item type. Types: ${ITEM_TYPES.join(', ')}.`);
      continue;
    }
    const id = cell('Id');
    const itemText = cell('Text');
    const caseTab = cell('Case tab');
    if (caseTab && !caseTabNames.includes(caseTab)) caseTabNames.push(caseTab);
    const yesNo = (column: 'Counts' | 'Qualitative', fallback: boolean) => readYesNo(cell(column), fallback, (message) => at(column, message));
    const itemWording = readWording(cell('Wording'), (message) => at('Wording', message));
    const withWording = itemWording ? { wording: itemWording } : {};
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

  const caseTabs: CaseTab[] = caseTabNames.map((name) => {
    const metadata = metadataRows.filter((row) => row.tab === '' || row.tab === name).map((row) => row.column);
    return { name, metadata: metadataRows.some((row) => row.tab === name) ? metadata : [...DEFAULT_METADATA, ...metadata] };
  });
  const framework: Framework = {
    id: setting('Id'),
    name: setting('Name'),
    source: { wording, note: setting('Source') },
    domains,
    caseTabs,
    thresholds,
    overall,
  };
  if (problems.length > 0) return { problems };

  for (const found of validateFramework(framework)) {
    const column = FIELD_COLUMN[found.field];
    const itemRow = found.item === undefined ? undefined : rowOfItem.get(found.item);
    if (itemRow !== undefined && columnOf.has(column as ItemColumn)) problem(itemRow, columnOf.get(column as ItemColumn)!, found.message);
    else if (settingRows.has(column as Setting)) problem(settingRows.get(column as Setting)!, 1, found.message);
    else if (found.field === 'overall') problem(settingRows.get('Overall bands') ?? headerRow, settingRows.has('Overall bands') ? 1 : 0, found.message);
    else problem(settingRows.get(found.field === 'name' ? 'Name' : 'Id') ?? 0, settingRows.size > 0 ? 1 : 0, found.message);
  }
  return problems.length > 0 ? { problems } : { framework, problems };
}

/**
 * The Framework tab for a framework: the inverse of `parseFrameworkTab`, so a built-in framework
 * can be written into a workbook and corrected there.
 */
export function frameworkTabValues(framework: Framework): string[][] {
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
    fail(`band thresholds "${cell}" should be three whole percentages, e.g. 60/75/90.`);
    return DEFAULT_THRESHOLDS;
  }
  return numbers;
}

/** "Per standard" (or blank), or three lowest scores, e.g. "7/19/31". */
function readOverall(cell: string, fail: (message: string) => void): OverallBands {
  if (!cell || same(cell, 'Per standard')) return { rule: 'perStandard' };
  const numbers = readNumbers(cell);
  if (numbers) return { rule: 'scores', minimums: numbers };
  fail(`overall bands "${cell}" should be "Per standard" or the lowest score of Requires improvement, Good and Outstanding, e.g. 7/19/31.`);
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
  fail(`wording "${cell}" should be Published or Provisional.`);
  return undefined;
}

function readYesNo(cell: string, fallback: boolean, fail: (message: string) => void): boolean {
  if (!cell) return fallback;
  if (same(cell, 'Yes')) return true;
  if (same(cell, 'No')) return false;
  fail(`"${cell}" should be Yes or No.`);
  return fallback;
}

/** "Cases" or "Judgement"; blank means cases when a case tab is named, otherwise judgement. */
function readKind(cell: string, caseTab: string, fail: (message: string) => void): Standard['kind'] {
  if (!cell) return caseTab ? 'caseBased' : 'leadJudgement';
  if (same(cell, 'Cases')) return 'caseBased';
  if (same(cell, 'Judgement') || same(cell, 'Judgment')) return 'leadJudgement';
  fail(`rated from "${cell}" should be Cases or Judgement.`);
  return 'leadJudgement';
}

/** "Harm factors present = Yes", or several values: "Sentence type = Licence or Custody" (commas work too). */
function readRule(cell: string, fail: (message: string) => void): SubSampleRule | undefined {
  if (!cell) return undefined;
  const equals = cell.indexOf('=');
  const header = equals < 0 ? '' : cell.slice(0, equals).trim();
  const values = equals < 0 ? [] : cell.slice(equals + 1).split(/,|\s+or\s+/i).map((value) => value.trim()).filter(Boolean);
  if (!header || values.length === 0) {
    fail(`"${cell}" should name a metadata column and its value, e.g. "Harm factors present = Yes".`);
    return undefined;
  }
  return { header, equals: values };
}

import { quoteText, readAnswer } from '../core/answers';
import { CaseTable, columnHeaded, readCaseTable, readHeader } from '../core/caseTable';
import { qaTabName } from '../core/workbookModel';
import { CASE_ID_HEADER, caseIdColumn, caseIdText, drawFromStrata, newSeed, strataOf, stratumValue } from '../core/sampling';
import { ANSWERS, caseTabLayouts } from '../core/workbook';
import { serverFunction } from '../publicFunction';
import { SEED, TAB_NAME, validated } from './serverArgs';
import { asText } from './cells';
import { answerRules, dropdown, styleHeader } from './formats';
import { withDocumentLock } from './lock';
import { appendRows } from './ownTab';
import { activeSpreadsheet, documentProperties, markOwn, notOurs, Tabs, tabsByName } from './ownTabs';
import { markQaOf, qaTabOf } from './qaTabs';
import { workbookFramework } from './workbookFramework';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Sidebar, "Quality check" (docs/sampling-and-qa.md): a seeded draw of each inspector's marked cases, put on a
 * QA tab laid out like the case tab (Case ID, Inspector, every key question with the same
 * dropdowns) for a quality lead to re-mark. Generate summaries then compares the two.
 */

const INSPECTOR_HEADER = 'Inspector';
const QUALITY_CHECK_PROPERTY = 'qualityCheck';

export interface QualityCheckRequest {
  caseTab: string;
  /** How many cases of each inspector the QA tab should hold. */
  perInspector: number;
  /** Blank for a new draw. */
  seed?: number;
}

export interface QualityCheckReport {
  qaTab: string;
  seed: number;
  lines: string[];
}

/** The QA tab's header row: Case ID, Inspector, then the case tab's key questions in order. */
function qaHeaders(caseTab: string): string[] {
  const layout = caseTabLayouts(workbookFramework()).find((candidate) => candidate.name === caseTab);
  if (!layout) throw new Error(`"${quoteText(caseTab)}" is not a case tab of this inspection's framework.`);
  const keyQuestions = layout.headers.filter((header, index) => readHeader(header, index).kind === 'keyQuestion');
  return [CASE_ID_HEADER, INSPECTOR_HEADER, ...keyQuestions];
}

/** Creates the QA tab for a case tab: header, Yes/No/N/A dropdowns and colours, frozen protected header. */
function createQaTab(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, tabs: Tabs, caseTab: string, headers: string[]): { name: string; sheet: Sheet } {
  const name = qaTabName(caseTab);
  if (tabs.has(name)) throw new Error(notOurs(name, 'run Quality check again'));
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  markOwn(sheet, 'qa');
  markQaOf(sheet, caseTab);
  tabs.set(name, { sheet, role: 'qa' });
  if (sheet.getMaxColumns() < headers.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
  sheet.getRange(1, 1, 1, headers.length).setValues([headers.map(asText)]);
  styleHeader(sheet, headers.length);
  const answers = sheet.getRange(2, 3, sheet.getMaxRows() - 1, headers.length - 2);
  answers.setDataValidation(dropdown(ANSWERS));
  sheet.setConditionalFormatRules(answerRules([answers]));
  return { name, sheet };
}

/** Whether a case has been marked: at least one key question answered. */
function isMarked(table: CaseTable, row: unknown[]): boolean {
  return table.columns.some((column) => {
    if (column.kind !== 'keyQuestion') return false;
    const answer = readAnswer(row[column.index]);
    return answer !== undefined && answer !== 'blank';
  });
}

/**
 * Brings each inspector's cases on the QA tab up to `perInspector`, drawing (seeded) from their
 * marked cases not yet on it; the new rows go below the QA tab's last row, never over a filled cell.
 */
export function qualityCheck(request: QualityCheckRequest): QualityCheckReport {
  return withDocumentLock(() => {
    if (!Number.isInteger(request.perInspector) || request.perInspector < 1) {
      throw new Error(`Cases per inspector must be a whole number, 1 or more; got ${request.perInspector}.`);
    }
    const spreadsheet = activeSpreadsheet();
    const tabs = tabsByName(spreadsheet);
    const caseSheet = tabs.get(request.caseTab);
    if (!caseSheet || caseSheet.role !== 'case') throw new Error(`There is no case tab named "${quoteText(request.caseTab)}": run New inspection first.`);
    const cases = readCaseTable(caseSheet.sheet.getDataRange().getValues());
    const idColumn = caseIdColumn(cases, `${request.caseTab} tab's`);
    const inspectorColumn = columnHeaded(cases, INSPECTOR_HEADER);
    if (!inspectorColumn) throw new Error(`${request.caseTab} has no column headed "${INSPECTOR_HEADER}", so its cases cannot be drawn per inspector.`);
    const headers = qaHeaders(request.caseTab);
    const existing = qaTabOf(tabs, request.caseTab);
    const qa = existing ?? createQaTab(spreadsheet, tabs, request.caseTab, headers);
    const qaRows = existing && qa.sheet.getLastRow() > 1 ? qa.sheet.getRange(2, 1, qa.sheet.getLastRow() - 1, 2).getValues() : [];
    const onQa = new Set(qaRows.map((row) => caseIdText(row[0])));
    const alreadyChecked = new Map<string, number>();
    for (const row of qaRows) alreadyChecked.set(stratumValue(row[1]), (alreadyChecked.get(stratumValue(row[1])) ?? 0) + 1);

    const eligible = cases.rows.filter((row) => {
      const id = caseIdText(row[idColumn.index]);
      return id !== '' && !onQa.has(id) && stratumValue(row[inspectorColumn.index]) !== '' && isMarked(cases, row);
    });
    const strata = strataOf({ ...cases, rows: eligible }, [inspectorColumn]);
    const quotas = strata.map((stratum) => Math.max(0, request.perInspector - (alreadyChecked.get(stratumValue(stratum.values[0])) ?? 0)));
    const seed = request.seed ?? newSeed();
    const chosen = drawFromStrata(strata, quotas, seed).map((rowIndex) => eligible[rowIndex]);

    const lines: string[] = [];
    if (chosen.length > 0) {
      const block = chosen.map((row) => [asText(caseIdText(row[idColumn.index])), asText(String(row[inspectorColumn.index]).trim()), ...Array<string>(headers.length - 2).fill('')]);
      const first = appendRows(qa.sheet, block);
      qa.sheet.getRange(first, 3, block.length, headers.length - 2).setDataValidation(dropdown(ANSWERS));
      const perInspector = strata
        .map((stratum) => [String(stratum.values[0]).trim(), chosen.filter((row) => stratumValue(row[inspectorColumn.index]) === stratumValue(stratum.values[0])).length] as const)
        .filter(([, count]) => count > 0)
        .map(([inspector, count]) => `${inspector} ${count}`);
      lines.push(`${qa.name}: ${existing ? 'extended' : 'created'} with ${chosen.length} case${chosen.length === 1 ? '' : 's'} to re-mark (${perInspector.join(', ')}).`);
    } else {
      lines.push(`${qa.name}: every inspector already has ${request.perInspector} case${request.perInspector === 1 ? '' : 's'} to re-mark, or no other marked case; nothing added.`);
    }
    documentProperties().setProperty(QUALITY_CHECK_PROPERTY, JSON.stringify({ ...request, seed, drawnAt: new Date().toISOString() }));
    lines.push(`Seed ${seed} recorded. Re-mark the key questions without looking at the case tab, then Generate summaries for the Agreement tab.`);
    return { qaTab: qa.name, seed, lines };
  });
}

export const runQualityCheck = serverFunction(
  {
    summary: "Sidebar, Quality check: draws (seeded) each inspector's marked cases onto the case tab's QA tab, creating or extending it, for a quality lead to re-mark.",
    params: [{ name: 'request', type: 'Object', description: '{ caseTab, perInspector, seed? }: the case tab, how many cases per inspector the QA tab should hold, a seed to repeat a draw.' }],
    returns: 'The QA tab, the seed and what was done, a line each.',
  },
  validated(
    'runQualityCheck',
    [{ label: 'The quality check', type: 'object', fields: { caseTab: { ...TAB_NAME, label: 'The case tab' }, perInspector: { label: 'Cases per inspector', type: 'number' }, seed: SEED } }],
    qualityCheck,
  ),
);

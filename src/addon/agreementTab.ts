import { Agreement, agreementOf, groupPairs, MarkedPair, markedPairs, sharedKeyQuestions } from '../core/agreement';
import { cellName } from '../core/a1';
import { CaseTable, columnHeaded, readCaseTable, sheetRow } from '../core/caseTable';
import { caseIdColumn } from '../core/sampling';
import { caseRange, tabRef } from './a1';
import { asText, CellInput, formula, literal } from './cells';
import { Tabs } from './ownTabs';
import type { CaseTabRead } from './caseTabs';
import { Grid, writeOwnTab } from './ownTab';
import { qaTabOf } from './qualityCheck';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const AGREEMENT_TAB = 'Agreement';
const MARK_LABELS = { yes: 'Yes', no: 'No', na: 'N/A' };

/**
 * docs/sampling-and-qa.md, the *Agreement* tab: for each case tab with a QA tab, MARKING_AGREEMENT per key
 * question (live), agreement and kappa per inspector, and every disagreement with links to
 * the case tab's cell and the QA tab's. Written only once a QA tab exists; one read per QA tab.
 */
export function writeAgreementTab(spreadsheet: Spreadsheet, tabs: Tabs, caseTabs: CaseTabRead[]): string[] {
  const checked = caseTabs.flatMap((caseTab) => {
    const qa = qaTabOf(tabs, caseTab.name);
    return qa ? [{ caseTab, qa }] : [];
  });
  if (checked.length === 0) return [];
  const grid: Grid = [[asText("Agreement: the quality lead's re-marking (QA tabs) against the inspectors' marking; Cohen's kappa over Yes, No and N/A")]];
  for (const { caseTab, qa } of checked) grid.push(...checkedTabGrid(tabs, caseTab, qa));
  return [writeOwnTab(spreadsheet, tabs, { name: AGREEMENT_TAB, role: 'agreement', grid, format: formatAgreement })];
}

function checkedTabGrid(tabs: Tabs, caseTab: CaseTabRead, qa: { name: string; sheet: Sheet }): Grid {
  const values = qa.sheet.getDataRange().getValues();
  const grid: Grid = [[''], [asText(`${caseTab.name}, re-marked on ${qa.name}`)]];
  let checks: CaseTable;
  let pairs: MarkedPair[];
  try {
    checks = readCaseTable(values);
    pairs = markedPairs(caseTab.table, checks);
  } catch (error) {
    grid.push([asText(`Not compared: ${(error as Error).message}`)]);
    return grid;
  }
  const keyQuestions = sharedKeyQuestions(caseTab.table, checks).length;
  const spill: Grid = Array.from({ length: keyQuestions + 1 }, () => Array<CellInput>(5).fill(''));
  spill[0][0] = formula(`MARKING_AGREEMENT(${caseRange(caseTab.name, caseTab.gridColumns)}, ${caseRange(qa.name, values[0].length)})`);
  grid.push(...spill);

  const inspector = columnHeaded(caseTab.table, 'Inspector');
  const inspectorOf = (pair: MarkedPair) => (inspector ? String(caseTab.table.rows[pair.caseRowIndex][inspector.index]).trim() : '');
  grid.push([''], ['Inspector', 'Answers compared', 'Agreements', 'Agreement', 'Kappa', 'Cases checked'].map(asText));
  groupPairs(pairs, inspectorOf).forEach((group, name) => {
    const cases = new Set(group.map((pair) => pair.caseRowIndex)).size;
    grid.push([asText(name || '(no inspector)'), ...agreementCells(agreementOf(group)), cases]);
  });

  const caseIds = caseIdColumn(caseTab.table, 'cases');
  const disagreements = pairs.filter((pair) => pair.original !== pair.check);
  const caseSheetId = (tabs.get(caseTab.name) as { sheet: Sheet }).sheet.getSheetId();
  const qaSheetId = qa.sheet.getSheetId();
  grid.push([''], [asText(`Disagreements: ${disagreements.length}`)]);
  grid.push(['Case ID', 'Inspector', 'Key question', caseTab.name, qa.name, 'Case tab cell', 'QA cell'].map(asText));
  for (const pair of disagreements) {
    const caseCell = cellName(sheetRow(pair.caseRowIndex), pair.caseColumn.index + 1);
    const qaCell = cellName(sheetRow(pair.checkRowIndex), pair.checkColumn.index + 1);
    grid.push([
      asText(String(caseTab.table.rows[pair.caseRowIndex][caseIds.index]).trim()),
      asText(inspectorOf(pair)),
      asText(pair.keyQuestionId),
      MARK_LABELS[pair.original],
      MARK_LABELS[pair.check],
      link(caseSheetId, caseCell, `${tabRef(caseTab.name)}${caseCell}`),
      link(qaSheetId, qaCell, `${tabRef(qa.name)}${qaCell}`),
    ]);
  }
  return grid;
}

function agreementCells(agreement: Agreement): CellInput[] {
  return [agreement.checked, agreement.agreements, agreement.fraction ?? '', agreement.kappa ?? ''];
}

/** A link to a cell of this spreadsheet; the label is built by the add-on and quoted as a literal. */
function link(sheetId: number, cell: string, label: string): string {
  return formula(`HYPERLINK(${literal(`#gid=${sheetId}&range=${cell}`)}, ${literal(label)})`);
}

function formatAgreement(sheet: Sheet, grid: Grid): void {
  sheet.getRange(1, 4, grid.length, 1).setNumberFormat('0%');
  sheet.getRange(1, 5, grid.length, 1).setNumberFormat('0.00');
  sheet.getRange(1, 1, 1, 1).setFontWeight('bold');
}

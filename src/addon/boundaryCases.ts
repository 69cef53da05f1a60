import { readAnswer } from '../core/answers';
import { Band } from '../core/bands';
import { columnHeaded, rowsWhere, sheetRow } from '../core/caseTable';
import { findStandard } from '../core/frameworks';
import { panelMoves } from '../core/panel';
import { LIST_CAP } from '../core/lists';
import { isNotRated, rateStandard } from '../core/standards';
import { evidenceHeader } from '../core/workbook';
import { serverFunction } from '../publicFunction';
import { STANDARD_ID, validated } from './serverArgs';
import { activeSpreadsheet, tabsByName } from './ownTabs';
import { readCaseTabs } from './caseTabs';
import { workbookFramework } from './workbookFramework';

/** One case whose answer on the lowest key question would have to change for a panel move, with its evidence. */
export interface BoundaryCase {
  caseId: string;
  answer: 'Yes' | 'No';
  evidence: string;
  /** The answer cell, for goToCell. */
  tab: string;
  row: number;
  column: number;
}

/** A move the panel may make on a standard near a boundary (R6), and the cases it rests on. */
export interface BoundaryMove {
  direction: 'raise' | 'lower';
  to: Band;
  keyQuestionId: string;
  /** Why the move is allowed, as a clause. */
  reason: string;
  /** The first LIST_CAP cases (src/core/lists.ts), and how many more there are. */
  cases: BoundaryCase[];
  moreCases: number;
}

/**
 * docs/user-guide.md evidence for the ratings panel: for each move R6 allows on a standard, the cases on its
 * lowest key question that the move would need to change — the Nos for a raise, the Yeses for a
 * lower — each with its evidence text. None for a qualitative standard (R7: its move rests on the
 * qualitative key question, not on cases) or one not rated yet.
 */
function boundaryMoves(standardId: unknown): BoundaryMove[] {
  const tabs = tabsByName(activeSpreadsheet());
  const framework = workbookFramework(tabs);
  const standard = findStandard(framework, standardId);
  const caseTab = readCaseTabs(tabs, framework).find((tab) => tab.frameworkName === standard.caseTab);
  if (standard.kind !== 'caseBased' || !caseTab) return [];
  const { table } = caseTab;
  const result = rateStandard(table, standard, rowsWhere(table), framework.thresholds);
  if (isNotRated(result) || result.qualitative) return [];
  const lowest = result.lowest;
  const evidence = columnHeaded(table, evidenceHeader(lowest.keyQuestion.id));
  const caseId = columnHeaded(table, 'Case ID');
  const moves = panelMoves(result);
  return [moves.raise, moves.lower]
    .filter((move) => move.allowed && move.to)
    .map((move): BoundaryMove => {
      const wanted = move.direction === 'raise' ? 'no' : 'yes';
      const cases: BoundaryCase[] = [];
      let moreCases = 0;
      table.rows.forEach((row, rowIndex) => {
        if (readAnswer(row[lowest.column.index]) !== wanted) return;
        if (cases.length >= LIST_CAP) moreCases += 1;
        else cases.push({
          caseId: caseId ? String(row[caseId.index]) : '',
          answer: wanted === 'no' ? 'No' : 'Yes',
          evidence: evidence ? String(row[evidence.index] ?? '') : '',
          tab: caseTab.name,
          row: sheetRow(rowIndex),
          column: lowest.column.index + 1,
        });
      });
      return { direction: move.direction, to: move.to as Band, keyQuestionId: lowest.keyQuestion.id, reason: move.reason, cases, moreCases };
    });
}

export const getBoundaryCases = serverFunction(
  {
    summary: "Sidebar: for a standard near a boundary, the cases on its lowest key question a panel move would change, with their evidence.",
    params: [{ name: 'standardId', type: 'string', description: 'The standard, e.g. "2.1".' }],
    returns: 'One entry per move the panel may make, each listing its cases.',
  },
  validated('getBoundaryCases', [STANDARD_ID], boundaryMoves),
);

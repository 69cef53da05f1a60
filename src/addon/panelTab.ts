import { Framework } from '../core/framework';
import { columnNumber, PANEL_LAYOUT, rangeOf } from '../core/tabLayouts';
import { caseTabLayouts } from '../core/workbook';
import { findTab, Tabs } from './ownTabs';
import { caseTabRange, runsOf } from './ratingsTab';

/**
 * The Panel tab's live indicative ratings: one ranged RATE_STANDARD per run of
 * standards rated from the same case tab, so typing an answer re-runs one call per tab, not
 * one per standard (docs/design.md). Column C is the add-on's own; written in one block, it follows the
 * rows as they are now and the case tab's grid as it is now.
 */
export function writePanelIndicative(tabs: Tabs, framework: Framework): void {
  const panel = findTab(tabs, 'panel', 'Panel');
  if (!panel || panel.role !== 'panel' || panel.sheet.getLastRow() < 2) return;
  const ids = panel.sheet.getRange(2, columnNumber(PANEL_LAYOUT, 'standard'), panel.sheet.getLastRow() - 1, 1).getValues().map((row) => String(row[0]).trim());
  const layouts = caseTabLayouts(framework);
  const tabOf = (id: string) => layouts.find((layout) => layout.standards.some((standard) => standard.id === id));
  const runs = runsOf(ids.map((id) => tabOf(id)?.name));
  const cells = ids.map((id, index) => {
    const run = runs.get(index);
    if (!run) return [''];
    const layout = tabOf(id)!;
    const cases = caseTabRange(tabs, layout);
    return [`=RATE_STANDARD(${cases}, ${rangeOf(PANEL_LAYOUT, 'standard', index + 2, index + run + 1)})`];
  });
  panel.sheet.getRange(2, columnNumber(PANEL_LAYOUT, 'indicative'), cells.length, 1).setValues(cells);
}

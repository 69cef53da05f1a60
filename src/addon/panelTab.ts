import { Framework } from '../core/framework';
import { cellOf, columnNumber, PANEL_LAYOUT, rangeOf } from '../core/tabLayouts';
import { caseTabLayouts } from '../core/workbook';
import { findTab, Tabs } from './ownTabs';
import { tabRef } from './a1';
import { caseTabRange, figureBlocks, runsOf, standardFigure } from './ratingsTab';

/**
 * The Panel tab's live indicative ratings, read from the figures the Ratings tab's one
 * RATINGS_TABLE per case tab spills (docs/design.md "Runs per edit"), with native formulas: typing
 * an answer starts no run here. Where the Ratings tab is a user's own, one ranged RATE_STANDARD per
 * run of standards rated from the same case tab. Column C is the add-on's own; written in one
 * block, it follows the rows as they are now and the case tab's grid as it is now.
 */
export function writePanelIndicative(tabs: Tabs, framework: Framework): void {
  const panel = findTab(tabs, 'panel', 'Panel');
  if (!panel || panel.role !== 'panel' || panel.sheet.getLastRow() < 2) return;
  const ids = panel.sheet.getRange(2, columnNumber(PANEL_LAYOUT, 'standard'), panel.sheet.getLastRow() - 1, 1).getValues().map((row) => String(row[0]).trim());
  const layouts = caseTabLayouts(framework);
  const tabOf = (id: string) => layouts.find((layout) => layout.standards.some((standard) => standard.id === id));
  const ratings = findTab(tabs, 'ratings', 'Ratings');
  const blocks = figureBlocks(framework);
  const runs = runsOf(ids.map((id) => tabOf(id)?.name));
  const cells = ids.map((id, index) => {
    const layout = tabOf(id);
    if (!layout) return [''];
    if (ratings?.role === 'ratings') {
      const block = blocks.find((candidate) => candidate.layout.name === layout.name)!;
      return [`=${standardFigure(block, 'indicative', cellOf(PANEL_LAYOUT, 'standard', index + 2), tabRef(ratings.name))}`];
    }
    const run = runs.get(index);
    if (!run) return [''];
    return [`=RATE_STANDARD(${caseTabRange(tabs, layout)}, ${rangeOf(PANEL_LAYOUT, 'standard', index + 2, index + run + 1)})`];
  });
  panel.sheet.getRange(2, columnNumber(PANEL_LAYOUT, 'indicative'), cells.length, 1).setValues(cells);
}

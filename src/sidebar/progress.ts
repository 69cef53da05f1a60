import type { TabProgress } from '../core/dataQuality';
import type { OverallView } from '../report/view';
import type { StatusCounts, StatusProgress } from '../core/signOff';
import { byId, el, fill, refill } from './dom';

/** docs/user-guide.md live progress: cases complete of cases started, per case tab and per inspector. */
export function renderProgress(progress: TabProgress[]): void {
  const rows = progress.flatMap((tab) => [
    progressRow(tab.tab, tab.complete, tab.started, 'tab-row'),
    ...tab.byInspector.map((inspector) => progressRow(inspector.inspector, inspector.complete, inspector.started, 'inspector-row')),
  ]);
  fill(byId('progress-rows'), ...rows);
}

function progressRow(name: string, complete: number, started: number, className: string): HTMLTableRowElement {
  const share = started === 0 ? 0 : Math.round((100 * complete) / started);
  const fillBar = el('span', { className: 'bar-fill' });
  fillBar.style.width = `${share}%`;
  const bar = el('span', { className: 'bar', attributes: { 'aria-hidden': 'true' } }, fillBar);
  return el(
    'tr',
    { className },
    el('th', { attributes: { scope: 'row' } }, el('span', { className: 'row-name' }, name), bar),
    el('td', { className: 'number' }, `${complete} of ${started}`),
  );
}

/** docs/user-guide.md "Sign-off": cases per status (In progress, Ready for review, Signed off), per case tab and per inspector. */
export function renderStatusProgress(progress: StatusProgress[]): void {
  const rows = progress.flatMap((tab) => [statusRow(tab.tab, tab.counts, 'tab-row'), ...tab.byInspector.map((inspector) => statusRow(inspector.inspector, inspector.counts, 'inspector-row'))]);
  fill(byId('status-rows'), ...rows);
}

function statusRow(name: string, counts: StatusCounts, className: string): HTMLTableRowElement {
  return el(
    'tr',
    { className },
    el('th', { attributes: { scope: 'row' } }, el('span', { className: 'row-name' }, name)),
    ...[counts.inProgress, counts.ready, counts.signedOff].map((count) => el('td', { className: 'number' }, String(count))),
  );
}

/** R12: the overall rating so far, said to be provisional until every standard is rated (the view's words). */
export function renderOverall(overall: OverallView | null): void {
  const line = byId('overall');
  if (!overall) return refill(line);
  refill(line, el('strong', {}, 'Overall: '), overall.line.replace(/^Overall: /, ''));
}

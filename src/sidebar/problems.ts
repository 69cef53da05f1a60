import type { SidebarProblem as DataProblem } from '../addon/sidebarApi';
import { andMore } from '../core/lists';
import { rovingButtons } from './controls';
import { byId, el, fill, hideMessage, refill } from './dom';
import { goToCell } from './goToCell';

/** What the list shows now, so a refresh that changed nothing leaves it (and focus in it) alone. */
let shown = '';

/**
 * docs/user-guide.md data-quality problems, each a button that selects its cell in the sheet; the list
 * is one Tab stop, the arrow keys moving within it.
 */
export function renderProblems(problems: DataProblem[], problemCount: number): void {
  refill(
    byId('problems-summary'),
    problemCount === 0 ? 'No data problems: every answer is valid.' : `${problemCount} ${problemCount === 1 ? 'problem' : 'problems'} in the workbook. Select one to go to its cell; the arrow keys move through the list.`,
  );
  const more = byId('problems-more');
  const hidden = problemCount - problems.length;
  more.hidden = hidden <= 0;
  refill(more, hidden > 0 ? `${andMore(hidden)} (listed on the Data quality tab after Generate summaries).` : '');
  const now = JSON.stringify(problems);
  if (now === shown) return;
  shown = now;
  fillProblemList(byId('problem-list'), byId('problem-message'), problems);
}

/** A list of problems as buttons that select their cells, one Tab stop; `slot` says where going to a cell failed. */
export function fillProblemList(list: HTMLElement, slot: HTMLElement, problems: DataProblem[]): void {
  fill(list, ...problems.map((problem) => problemButton(problem, slot)));
  list.hidden = problems.length === 0;
  rovingButtons(list);
  hideMessage(slot);
}

/** "Case supervision!AB7", as a person would name the cell. */
function cellName(problem: DataProblem): string {
  return `${problem.tab}!${problem.cell}`;
}

function problemButton(problem: DataProblem, slot: HTMLElement): HTMLButtonElement {
  const button = el(
    'button',
    { className: 'problem', attributes: { type: 'button' } },
    el('span', { className: 'problem-cell' }, cellName(problem)),
    el('span', { className: 'problem-header' }, problem.header),
    el('span', { className: 'problem-text' }, problem.message),
  );
  button.addEventListener('click', () => void goToCell(slot, problem, cellName(problem)));
  return button;
}

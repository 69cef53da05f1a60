import type { DataProblem } from '../core/dataQuality';
import { byId, el, fill, hideMessage, showMessage } from './dom';
import { reasonOf, server } from './server';

/** docs/user-guide.md data-quality problems, each a button that selects its cell in the sheet. */
export function renderProblems(problems: DataProblem[], problemCount: number): void {
  fill(byId('problems-summary'), problemCount === 0 ? 'No data problems: every answer is valid.' : `${problemCount} ${problemCount === 1 ? 'problem' : 'problems'} in the workbook. Select one to go to its cell.`);
  fill(byId('problem-list'), ...problems.map((problem) => el('li', {}, problemButton(problem))));
  const more = byId('problems-more');
  const hidden = problemCount - problems.length;
  more.hidden = hidden <= 0;
  fill(more, hidden > 0 ? `and ${hidden} more (all are listed on the Data quality tab after Generate summaries).` : '');
  hideMessage(byId('problem-message'));
}

/** "Case supervision!AB7", as a person would name the cell. */
function cellName(problem: DataProblem): string {
  return `${problem.tab}!${problem.cell}`;
}

function problemButton(problem: DataProblem): HTMLButtonElement {
  const button = el(
    'button',
    { className: 'problem', attributes: { type: 'button', title: `Go to ${cellName(problem)}` } },
    el('span', { className: 'problem-cell' }, cellName(problem)),
    el('span', { className: 'problem-header', attributes: { title: problem.header } }, problem.header),
    el('span', { className: 'problem-text' }, problem.message),
  );
  button.addEventListener('click', () => {
    hideMessage(byId('problem-message'));
    server.goToCell(problem.tab, problem.row, problem.column).catch((error: unknown) => showMessage(byId('problem-message'), 'error', reasonOf(error)));
  });
  return button;
}

import type { BoundaryCase, BoundaryMove } from '../addon/boundaryCases';
import { byId, el, fill } from './dom';
import { reasonOf, server } from './server';

/**
 * docs/user-guide.md evidence beside the panel form: for the chosen standard, when it is near a boundary,
 * the cases whose answer on the lowest key question a move would change, each with its evidence
 * and a link to its cell. It follows the panel form's standard choice on its own.
 */
export class BoundaryCases {
  private readonly standard = byId<HTMLSelectElement>('panel-standard');
  private readonly box = byId('panel-boundary');
  /** The last request, so a slow answer for an earlier choice is dropped. */
  private asked = '';

  constructor() {
    this.standard.addEventListener('change', () => void this.show());
  }

  async show(): Promise<void> {
    const standardId = this.standard.value;
    this.asked = standardId;
    if (!standardId) return fill(this.box);
    try {
      const moves = await server.getBoundaryCases(standardId);
      if (this.asked === standardId) fill(this.box, ...moves.map((move) => moveBlock(move)));
    } catch (error) {
      if (this.asked === standardId) fill(this.box, el('p', { className: 'hint' }, `Cases near the boundary could not be listed: ${reasonOf(error)}`));
    }
  }
}

function moveBlock(move: BoundaryMove): HTMLElement {
  const which = move.direction === 'raise' ? 'No' : 'Yes';
  const title = `To ${move.direction} it to ${move.to}: the ${which} answers on ${move.keyQuestionId} (${move.reason})`;
  return el(
    'details',
    { className: 'boundary' },
    el('summary', {}, `${title} — ${move.cases.length} case${move.cases.length === 1 ? '' : 's'}`),
    el('ul', { className: 'problem-list' }, ...move.cases.map((boundaryCase) => el('li', {}, caseButton(boundaryCase)))),
  );
}

function caseButton(boundaryCase: BoundaryCase): HTMLButtonElement {
  const button = el(
    'button',
    { className: 'problem', attributes: { type: 'button', title: `Go to ${boundaryCase.tab} row ${boundaryCase.row}` } },
    el('span', { className: 'problem-cell' }, `${boundaryCase.caseId || `Row ${boundaryCase.row}`}: ${boundaryCase.answer}`),
    el('span', { className: 'problem-text' }, boundaryCase.evidence || 'No evidence written yet.'),
  );
  button.addEventListener('click', () => void server.goToCell(boundaryCase.tab, boundaryCase.row, boundaryCase.column));
  return button;
}

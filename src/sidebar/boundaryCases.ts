import type { BoundaryCase, BoundaryMove } from '../addon/boundaryCases';
import { andMore } from '../core/lists';
import { rovingButtons } from './controls';
import { byId, el, fill, hideMessage } from './dom';
import { goToCell } from './goToCell';
import { reasonOf, server } from './server';

/**
 * docs/user-guide.md evidence after the panel form: for the chosen standard, when it is near a boundary,
 * the cases whose answer on the lowest key question a move would change, each with its evidence
 * and a link to its cell. It follows the panel form's standard choice on its own.
 */
export class BoundaryCases {
  private readonly standard = byId<HTMLSelectElement>('panel-standard');
  private readonly box = byId('panel-boundary');
  private readonly message = byId('boundary-message');
  /** The last request, so a slow answer for an earlier choice is dropped. */
  private asked = '';
  /** What the box shows now, so a refresh that changed nothing leaves it (open lists, focus) alone. */
  private shown = '';

  constructor() {
    this.standard.addEventListener('change', () => void this.show());
  }

  async show(): Promise<void> {
    const standardId = this.standard.value;
    this.asked = standardId;
    if (!standardId) return this.put('', []);
    try {
      const moves = await server.getBoundaryCases(standardId);
      if (this.asked === standardId) this.put(JSON.stringify([standardId, moves]), moves.length > 0 ? moves.map((move) => this.moveBlock(move)) : [el('p', { className: 'hint' }, 'None listed for this standard.')]);
    } catch (error) {
      if (this.asked === standardId) this.put(`error ${standardId}`, [el('p', { className: 'hint' }, `Cases near the boundary could not be listed: ${reasonOf(error)}`)]);
    }
  }

  private put(key: string, blocks: HTMLElement[]): void {
    if (key === this.shown) return;
    this.shown = key;
    fill(this.box, ...blocks);
    hideMessage(this.message);
  }

  private moveBlock(move: BoundaryMove): HTMLElement {
    const which = move.direction === 'raise' ? 'No' : 'Yes';
    const title = `To ${move.direction} it to ${move.to}: the ${which} answers on ${move.keyQuestionId} (${move.reason})`;
    const list = el('div', { className: 'problem-list', attributes: { role: 'toolbar', 'aria-orientation': 'vertical', 'aria-label': `Cases to ${move.direction} it to ${move.to}` } }, ...move.cases.map((boundaryCase) => this.caseButton(boundaryCase)));
    rovingButtons(list);
    const count = move.cases.length + move.moreCases;
    const more = move.moreCases > 0 ? [el('p', { className: 'hint' }, `${andMore(move.moreCases)}: filter ${move.keyQuestionId} on the case tab to see them all.`)] : [];
    return el('details', { className: 'boundary' }, el('summary', {}, `${title} — ${count} case${count === 1 ? '' : 's'}`), list, ...more);
  }

  private caseButton(boundaryCase: BoundaryCase): HTMLButtonElement {
    const name = `${boundaryCase.caseId || `row ${boundaryCase.row}`} (${boundaryCase.tab} row ${boundaryCase.row})`;
    const button = el(
      'button',
      { className: 'problem', attributes: { type: 'button' } },
      el('span', { className: 'problem-cell' }, `${boundaryCase.caseId || `Row ${boundaryCase.row}`}: ${boundaryCase.answer}`),
      el('span', { className: 'problem-text' }, boundaryCase.evidence || 'No evidence written yet.'),
    );
    button.addEventListener('click', () => void goToCell(this.message, boundaryCase, name));
    return button;
  }
}

import type { PanelRow } from '../addon/sidebarApi';
import { BANDS } from '../core/bands';
import { byId, el, fill, hideMessage, option, showMessage } from './dom';
import { reasonOf, server } from './server';

const NO_MOVE = 'No panel move';

/**
 * docs/user-guide.md panel judgements (R6): choose a standard, a rating (or none) and a rationale; the
 * server records it only if the method permits the move, otherwise the box shows its reason.
 */
export class PanelForm {
  private rows: PanelRow[] = [];
  /** True once the person has typed or chosen something not yet saved: a refresh keeps it. */
  private edited = false;
  private readonly standard = byId<HTMLSelectElement>('panel-standard');
  private readonly rating = byId<HTMLSelectElement>('panel-rating');
  private readonly rationale = byId<HTMLTextAreaElement>('panel-rationale');
  private readonly recordedBy = byId<HTMLInputElement>('panel-by');
  private readonly save = byId<HTMLButtonElement>('panel-save');
  private readonly message = byId('panel-message');

  constructor() {
    fill(this.rating, option('', NO_MOVE), ...BANDS.map((band) => option(band, band)));
    this.standard.addEventListener('change', () => {
      this.edited = false;
      hideMessage(this.message);
      this.showSaved();
    });
    this.rating.addEventListener('change', () => (this.edited = true));
    this.rationale.addEventListener('input', () => (this.edited = true));
    byId<HTMLFormElement>('panel-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  /** `recordedBy`: the name this user last recorded under; a name being typed is kept. */
  render(rows: PanelRow[], recordedBy = ''): void {
    if (this.recordedBy.value === '') this.recordedBy.value = recordedBy;
    const chosen = this.standard.value;
    this.rows = rows;
    fill(this.standard, ...rows.map((row) => option(row.standardId, `${row.standardId} ${row.name}`, row.standardId === chosen)));
    if (!this.edited) this.showSaved();
    else this.describe();
  }

  private current(): PanelRow | undefined {
    return this.rows.find((row) => row.standardId === this.standard.value);
  }

  /** Puts the selected standard's recorded judgement into the form. */
  private showSaved(): void {
    const row = this.current();
    this.rating.value = row?.panelRating ?? '';
    this.rationale.value = row?.rationale ?? '';
    this.describe();
  }

  private describe(): void {
    const row = this.current();
    const parts = row ? [`Indicative rating: ${row.indicative || 'none yet (see the Ratings tab)'}.`] : [];
    if (row?.panelRating) parts.push(`Panel rating: ${row.panelRating}${row.status ? ` (${row.status})` : ''}.`);
    fill(byId('panel-indicative'), parts.join(' '));
    // Before saving: why the standard stands where it does, and which ratings the method allows (R6, R7).
    fill(byId('panel-explain'), row ? row.explanation : '');
    fill(byId('panel-choices'), row && row.choices.length > 0 ? `The panel may record: ${row.choices.join(', ')}.` : row ? 'The panel cannot move this rating yet.' : '');
  }

  private async submit(): Promise<void> {
    const row = this.current();
    if (!row) return;
    hideMessage(this.message);
    this.save.disabled = true;
    try {
      const saved = await server.recordPanelJudgement(row.standardId, this.rating.value, this.rationale.value, this.recordedBy.value);
      // The server does not re-read the indicative rating: keep the one already shown.
      Object.assign(row, { panelRating: saved.panelRating, rationale: saved.rationale, status: saved.status, explanation: saved.explanation, choices: saved.choices });
      this.edited = false;
      this.showSaved();
      const what = saved.panelRating ? `the panel rating ${saved.panelRating}` : 'no panel move';
      showMessage(this.message, 'success', el('strong', {}, 'Saved. '), `${row.standardId} ${row.name} now has ${what} on the Panel tab; the panel log keeps the change.`);
    } catch (error) {
      showMessage(this.message, 'error', el('strong', {}, 'Not saved. '), reasonOf(error));
    } finally {
      this.save.disabled = false;
    }
  }
}

import type { PanelRow } from '../addon/sidebarApi';
import { BANDS } from '../core/bands';
import { clearInvalid, markInvalid, whileBusy } from './controls';
import { byId, el, fill, hideMessage, option, refill, showMessage } from './dom';
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
    this.standard.addEventListener('change', () => {
      this.edited = false;
      hideMessage(this.message);
      clearInvalid(this.rationale);
      this.showSaved();
    });
    this.rating.addEventListener('change', () => {
      this.edited = true;
      this.markRequired();
    });
    this.rationale.addEventListener('input', () => (this.edited = true));
    byId<HTMLFormElement>('panel-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void whileBusy([this.save], () => this.submit());
    });
  }

  /** `recordedBy`: the name this user last recorded under; a name being typed is kept. */
  render(rows: PanelRow[], recordedBy = ''): void {
    if (this.recordedBy.value === '') this.recordedBy.value = recordedBy;
    const chosen = this.standard.value;
    this.rows = rows;
    const options = rows.map((row) => `${row.standardId} ${row.name}`);
    if (JSON.stringify(Array.from(this.standard.options, (choice) => choice.text)) !== JSON.stringify(options)) {
      fill(this.standard, ...rows.map((row) => option(row.standardId, `${row.standardId} ${row.name}`, row.standardId === chosen)));
    }
    if (!this.edited) this.showSaved();
    else this.describe();
  }

  private current(): PanelRow | undefined {
    return this.rows.find((row) => row.standardId === this.standard.value);
  }

  /** Puts the selected standard's recorded judgement into the form. */
  private showSaved(): void {
    const row = this.current();
    this.describe();
    this.rating.value = row?.panelRating ?? '';
    this.rationale.value = row?.rationale ?? '';
    this.markRequired();
  }

  /** The rationale is required once a rating is chosen (R6). */
  private markRequired(): void {
    this.rationale.required = this.rating.value !== '';
  }

  /** The indicative rating, why, and the ratings the panel may record: these alone are offered (R6, R7). */
  private describe(): void {
    const row = this.current();
    const parts = row ? [`Indicative rating: ${row.indicative || 'none yet (see the Ratings tab)'}.`] : [];
    if (row?.panelRating) parts.push(`Panel rating: ${row.panelRating}${row.status ? ` (${row.status})` : ''}.`);
    refill(byId('panel-indicative'), parts.join(' '));
    refill(byId('panel-explain'), row ? row.explanation : '');
    refill(byId('panel-unsigned'), row?.unsigned ? `Warning: ${row.unsigned}` : '');
    refill(byId('panel-choices'), row && row.choices.length > 0 ? `The panel may record: ${row.choices.join(', ')}.` : row ? 'The panel cannot move this rating yet.' : '');
    // A rating recorded earlier that the method no longer allows stays on offer, so the form shows it.
    const offered = BANDS.filter((band) => row?.choices.includes(band) || row?.panelRating === band);
    const chosen = this.rating.value;
    if (JSON.stringify(Array.from(this.rating.options, (choice) => choice.value)) !== JSON.stringify(['', ...offered])) {
      fill(this.rating, option('', NO_MOVE), ...offered.map((band) => option(band, band, band === chosen)));
    }
  }

  private async submit(): Promise<void> {
    const row = this.current();
    if (!row) return;
    hideMessage(this.message);
    clearInvalid(this.rationale);
    try {
      const saved = await server.recordPanelJudgement(row.standardId, this.rating.value, this.rationale.value, this.recordedBy.value);
      // The server does not re-read the indicative rating: keep the one already shown.
      Object.assign(row, { panelRating: saved.panelRating, rationale: saved.rationale, status: saved.status, explanation: saved.explanation, choices: saved.choices });
      this.edited = false;
      this.showSaved();
      const what = saved.panelRating ? `the panel rating ${saved.panelRating}` : 'no panel move';
      showMessage(this.message, 'success', el('strong', {}, 'Saved. '), `${row.standardId} ${row.name} now has ${what} on the Panel tab; the panel log keeps the change.`);
    } catch (error) {
      const reason = reasonOf(error);
      showMessage(this.message, 'error', el('strong', {}, 'Not saved. '), reason);
      if (/needs a rationale/.test(reason)) markInvalid(this.rationale, reason);
    }
  }
}

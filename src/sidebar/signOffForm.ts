import type { Overview } from '../addon/sidebarApi';
import type { DataProblem } from '../core/dataQuality';
import { clearInvalid, markInvalid, whileBusy } from './controls';
import { byId, el, fill, hideMessage, option, refill, showMessage } from './dom';
import { fillProblemList } from './problems';
import { reasonOf, server } from './server';

/**
 * docs/user-guide.md "Sign-off": the reviewer signs off the selected rows or a tab's Ready for review
 * rows, sees every signed-off case changed, moved or vanished since (each a link to its cell), and
 * reopens a case with a reason. Results are announced in the section's live regions; focus stays on the button.
 */
export class SignOffForm {
  private readonly reviewer = byId<HTMLInputElement>('sign-off-by');
  private readonly caseTab = byId<HTMLSelectElement>('sign-off-tab');
  private readonly selected = byId<HTMLButtonElement>('sign-off-selected');
  private readonly ready = byId<HTMLButtonElement>('sign-off-ready');
  private readonly message = byId('sign-off-message');
  private readonly reopenTab = byId<HTMLSelectElement>('reopen-tab');
  private readonly reopenCase = byId<HTMLInputElement>('reopen-case');
  private readonly reopenReason = byId<HTMLTextAreaElement>('reopen-reason');
  private readonly reopenButton = byId<HTMLButtonElement>('reopen');
  private readonly reopenMessage = byId('reopen-message');
  /** What the list shows now, so a refresh that changed nothing leaves it (and focus in it) alone. */
  private shown = '';

  constructor(private readonly refresh: () => Promise<void>) {
    this.selected.addEventListener('click', () => void whileBusy([this.selected, this.ready], () => this.signOff('selection')));
    this.ready.addEventListener('click', () => void whileBusy([this.selected, this.ready], () => this.signOff('ready')));
    this.reopenButton.addEventListener('click', () => void whileBusy([this.reopenButton], () => this.reopen()));
  }

  render(overview: Overview): void {
    if (this.reviewer.value === '') this.reviewer.value = overview.recordedBy;
    for (const select of [this.caseTab, this.reopenTab]) {
      if (JSON.stringify(Array.from(select.options, (choice) => choice.value)) !== JSON.stringify(overview.caseTabs)) {
        const chosen = select.value;
        fill(select, ...overview.caseTabs.map((name) => option(name, name, name === chosen)));
      }
    }
    const signedOff = overview.statusProgress.reduce((sum, tab) => sum + tab.counts.signedOff, 0);
    this.renderFindings(overview.signOffProblems, overview.signOffProblemCount, signedOff);
  }

  private renderFindings(problems: DataProblem[], count: number, signedOff: number): void {
    const hidden = count - problems.length;
    refill(
      byId('sign-off-summary'),
      count === 0
        ? signedOff === 0
          ? 'No case is signed off yet.'
          : `Every signed-off case (${signedOff}) is as it was signed off.`
        : `${count} ${count === 1 ? 'finding' : 'findings'} on signed-off cases${hidden > 0 ? ` (the first ${problems.length} listed; all are on the Data quality tab after Generate summaries)` : ''}. Select one to go to its cell.`,
    );
    const now = JSON.stringify(problems);
    if (now === this.shown) return;
    this.shown = now;
    fillProblemList(byId('sign-off-list'), byId('sign-off-list-message'), problems);
  }

  /** A missing reviewer is the field's error, said where the field is. */
  private reviewerGiven(slot: HTMLElement): boolean {
    clearInvalid(this.reviewer);
    if (this.reviewer.value.trim() !== '') return true;
    const reason = 'Type your name: the Sign-off log records who signed each case off.';
    markInvalid(this.reviewer, reason);
    showMessage(slot, 'error', el('strong', {}, 'Nothing done. '), reason);
    return false;
  }

  private async signOff(which: 'selection' | 'ready'): Promise<void> {
    hideMessage(this.message);
    if (!this.reviewerGiven(this.message)) return;
    try {
      const report = await server.runSignOff({ which, caseTab: this.caseTab.value, reviewer: this.reviewer.value });
      const lines = el('ul', { className: 'lines' }, ...report.lines.map((line) => el('li', {}, line)));
      showMessage(this.message, report.signedOff > 0 ? 'success' : 'error', el('strong', {}, report.signedOff > 0 ? 'Signed off. ' : 'Nothing signed off. '), lines);
      await this.refresh();
    } catch (error) {
      showMessage(this.message, 'error', el('strong', {}, 'Nothing signed off. '), reasonOf(error));
    }
  }

  private async reopen(): Promise<void> {
    hideMessage(this.reopenMessage);
    clearInvalid(this.reopenCase);
    clearInvalid(this.reopenReason);
    if (!this.reviewerGiven(this.reopenMessage)) return;
    const missing = [
      [this.reopenCase, 'Type the case ID of the case to reopen.'],
      [this.reopenReason, 'Say why the case is reopened: the Sign-off log keeps the reason.'],
    ] as const;
    const blank = missing.filter(([field]) => field.value.trim() === '');
    if (blank.length > 0) {
      // The first field in error ends with focus.
      for (const [field, reason] of [...blank].reverse()) markInvalid(field, reason);
      showMessage(this.reopenMessage, 'error', el('strong', {}, 'Not reopened. '), blank[0][1]);
      return;
    }
    try {
      const report = await server.runReopen({ caseTab: this.reopenTab.value, caseId: this.reopenCase.value, reason: this.reopenReason.value, reviewer: this.reviewer.value });
      this.reopenReason.value = '';
      showMessage(this.reopenMessage, 'success', el('strong', {}, 'Reopened. '), report.lines.join(' '));
      await this.refresh();
    } catch (error) {
      showMessage(this.reopenMessage, 'error', el('strong', {}, 'Not reopened. '), reasonOf(error));
    }
  }
}

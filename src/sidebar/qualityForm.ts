import { clearInvalid, markInvalid, whileBusy } from './controls';
import { byId, el, fill, hideMessage, option, showMessage } from './dom';
import { reasonOf, server } from './server';

/**
 * docs/sampling-and-qa.md "Quality check": choose a case tab and how many cases per inspector; the server
 * draws them (seeded) onto the tab's QA tab for a quality lead to re-mark. Loaded when opened.
 */
export class QualityForm {
  private readonly details = byId<HTMLDetailsElement>('quality-details');
  private readonly caseTab = byId<HTMLSelectElement>('quality-case-tab');
  private readonly perInspector = byId<HTMLInputElement>('quality-per-inspector');
  private readonly seed = byId<HTMLInputElement>('quality-seed');
  private readonly draw = byId<HTMLButtonElement>('quality-draw');
  private readonly message = byId('quality-message');

  constructor() {
    this.details.addEventListener('toggle', () => {
      if (this.details.open) void this.load();
    });
    this.draw.addEventListener('click', () => void whileBusy([this.draw], () => this.run()));
  }

  private async load(): Promise<void> {
    hideMessage(this.message);
    try {
      const { caseTabs } = await server.getSampleSetup();
      const chosen = this.caseTab.value;
      fill(this.caseTab, ...caseTabs.map((name) => option(name, name, name === chosen)));
    } catch (error) {
      showMessage(this.message, 'error', el('strong', {}, 'Could not read the tabs. '), reasonOf(error));
    }
  }

  private async run(): Promise<void> {
    hideMessage(this.message);
    clearInvalid(this.perInspector);
    try {
      const request: { caseTab: string; perInspector: number; seed?: number } = { caseTab: this.caseTab.value, perInspector: Number(this.perInspector.value) };
      if (this.seed.value.trim() !== '') request.seed = Number(this.seed.value);
      const report = await server.runQualityCheck(request);
      this.seed.value = String(report.seed);
      showMessage(this.message, 'success', el('strong', {}, `${report.qaTab} is ready.`), el('ul', { className: 'lines' }, ...report.lines.map((line) => el('li', {}, line))));
    } catch (error) {
      const reason = reasonOf(error);
      showMessage(this.message, 'error', el('strong', {}, 'No cases drawn. '), reason);
      if (/^Cases per inspector/.test(reason)) markInvalid(this.perInspector, reason);
    }
  }
}

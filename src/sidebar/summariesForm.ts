import { whileBusy } from './controls';
import { byId, el, fill, option, showMessage } from './dom';
import { reasonOf, server } from './server';

const LABEL = 'Generate summaries';

/** docs/user-guide.md: generates or refreshes the summary tabs, split by the chosen sub-sample column. */
export class SummariesForm {
  private readonly subSample = byId<HTMLSelectElement>('sub-sample');
  private readonly generate = byId<HTMLButtonElement>('generate');
  private readonly message = byId('summaries-message');

  constructor() {
    this.generate.addEventListener('click', () => void whileBusy([this.generate], () => this.run()));
  }

  render(headers: string[], remembered: string): void {
    const chosen = this.subSample.value || remembered;
    fill(this.subSample, ...headers.map((header) => option(header, header, header === chosen)));
  }

  private async run(): Promise<void> {
    this.generate.textContent = 'Generating…';
    showMessage(this.message, 'info', el('span', { className: 'spinner', attributes: { 'aria-hidden': 'true' } }), 'Writing Ratings, Key questions, Prompts, Sub-samples and Data quality. This can take a minute.');
    try {
      const report = await server.runGenerateSummaries({ subSampleHeader: this.subSample.value });
      showMessage(this.message, 'success', el('strong', {}, 'Summary tabs are up to date.'), el('ul', { className: 'lines' }, ...report.lines.map((line) => el('li', {}, line))));
    } catch (error) {
      showMessage(this.message, 'error', el('strong', {}, 'Summaries not generated. '), reasonOf(error));
    } finally {
      this.generate.textContent = LABEL;
    }
  }
}

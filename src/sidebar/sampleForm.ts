import type { BalanceTable, SamplePreview, SampleRequest, SampleSetup } from '../addon/sampleDraw';
import { andMore } from '../core/lists';
import { clearInvalid, markInvalid, whileBusy } from './controls';
import { byId, el, fill, hideMessage, option, showMessage } from './dom';
import { reasonOf, server } from './server';

/** The strata the example report kept in proportion: ticked by default where the population has them. */
const USUAL_STRATA = ['gender', 'sentence type', 'risk of serious harm level'];

/**
 * docs/sampling-and-qa.md "Draw sample": choose the population tab, the strata and the size (suggested by
 * SAMPLE_SIZE); show the balance; write the chosen cases into a case tab. Loaded when opened.
 */
export class SampleForm {
  private setup?: SampleSetup;
  private readonly details = byId<HTMLDetailsElement>('sample-details');
  private readonly population = byId<HTMLSelectElement>('sample-population');
  private readonly strata = byId('sample-strata');
  private readonly size = byId<HTMLInputElement>('sample-size');
  private readonly seed = byId<HTMLInputElement>('sample-seed');
  private readonly caseTab = byId<HTMLSelectElement>('sample-case-tab');
  private readonly preview = byId<HTMLButtonElement>('sample-preview');
  private readonly write = byId<HTMLButtonElement>('sample-write');
  private readonly balance = byId('sample-balance');
  private readonly message = byId('sample-message');

  constructor() {
    this.details.addEventListener('toggle', () => {
      if (this.details.open) void this.load();
    });
    this.population.addEventListener('change', () => this.showPopulation());
    this.preview.addEventListener('click', () => void whileBusy([this.preview, this.write], () => this.run(false)));
    this.write.addEventListener('click', () => void whileBusy([this.preview, this.write], () => this.run(true)));
  }

  private async load(): Promise<void> {
    hideMessage(this.message);
    try {
      this.setup = await server.getSampleSetup();
    } catch (error) {
      showMessage(this.message, 'error', el('strong', {}, 'Could not read the tabs. '), reasonOf(error));
      return;
    }
    const { populations, caseTabs, last } = this.setup;
    const chosen = this.population.value || last?.populationTab;
    fill(this.population, ...populations.map((tab) => option(tab.name, `${tab.name} (${tab.cases} cases)`, tab.name === chosen)));
    fill(this.caseTab, ...caseTabs.map((name) => option(name, name, name === (this.caseTab.value || last?.caseTab))));
    this.preview.disabled = this.write.disabled = populations.length === 0;
    if (populations.length === 0) {
      showMessage(this.message, 'info', 'No tab holds a population yet: paste the eligible cases into a new tab, header row first with a "Case ID" column, then open this again.');
    }
    this.showPopulation();
  }

  /** The chosen tab's columns as strata checkboxes, and its suggested size. */
  private showPopulation(): void {
    const tab = this.setup?.populations.find((candidate) => candidate.name === this.population.value);
    const headers = (tab?.headers ?? []).filter((header) => header.toLowerCase() !== 'case id');
    fill(
      this.strata,
      ...headers.map((header, index) => {
        const box = el('input', { attributes: { type: 'checkbox', id: `sample-stratum-${index}`, value: header } });
        box.checked = USUAL_STRATA.includes(header.toLowerCase());
        return el('div', { className: 'check' }, box, el('label', { attributes: { for: `sample-stratum-${index}` } }, header));
      }),
    );
    if (tab) this.size.value = String(tab.suggestedSize);
    fill(byId('sample-size-hint'), tab ? `SAMPLE_SIZE suggests ${tab.suggestedSize} of ${tab.cases} cases (80% confidence, 5-point margin).` : '');
    fill(this.balance);
  }

  private request(): SampleRequest {
    const strata = Array.from(this.strata.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).filter((box) => box.checked).map((box) => box.value);
    const request: SampleRequest = { populationTab: this.population.value, strata, size: Number(this.size.value) };
    // A number field holding text reads as "" (badInput): refuse it rather than draw afresh over it.
    const seed = this.seed.value.trim();
    const badSeed = this.seed.validity.badInput || (seed !== '' && !Number.isInteger(Number(seed)));
    this.seed.setCustomValidity(badSeed ? 'The seed must be a whole number.' : '');
    if (badSeed) {
      this.seed.setAttribute('aria-invalid', 'true');
      this.seed.focus();
      throw new Error('Seed: the seed must be a whole number, e.g. 4821, the one an earlier draw showed; leave it blank for a new draw.');
    }
    this.seed.removeAttribute('aria-invalid');
    if (seed !== '') request.seed = Number(seed);
    return request;
  }

  private async run(writing: boolean): Promise<void> {
    hideMessage(this.message);
    clearInvalid(this.size);
    try {
      const request = this.request();
      const result: SamplePreview & { lines?: string[] } = writing ? await server.runSampleDraw(request, this.caseTab.value) : await server.previewSampleDraw(request);
      // The seed shown is the one drawn: writing next repeats this very sample.
      this.seed.value = String(result.seed);
      fill(this.balance, ...result.balance.map(balanceTable));
      if (result.lines) showMessage(this.message, 'success', el('strong', {}, 'Sample written.'), el('ul', { className: 'lines' }, ...result.lines.map((line) => el('li', {}, line))));
      else showMessage(this.message, 'info', `Seed ${result.seed}: ${result.size} of ${result.population} cases. Write sample puts these cases on the case tab.`);
    } catch (error) {
      const reason = reasonOf(error);
      showMessage(this.message, 'error', el('strong', {}, writing ? 'Sample not written. ' : 'No sample drawn. '), reason);
      if (/sample size/i.test(reason)) markInvalid(this.size, reason);
    }
  }
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** One stratum's balance: population share, sample share and the difference in points. */
function balanceTable(table: BalanceTable): HTMLTableElement {
  const head = el('tr', {}, ...[table.stratum, 'Population', 'Sample', 'Points'].map((title) => el('th', { attributes: { scope: 'col' } }, title)));
  const rows = table.rows.map((row) =>
    el(
      'tr',
      {},
      el('th', { attributes: { scope: 'row' } }, row.value || '(blank)'),
      el('td', { className: 'number' }, `${row.population} · ${percent(row.populationShare)}`),
      el('td', { className: 'number' }, `${row.sample} · ${percent(row.sampleShare)}`),
      el('td', { className: 'number' }, (Math.round(row.differencePoints * 10) / 10).toFixed(1)),
    ),
  );
  const caption = `Balance by ${table.stratum}${table.moreRows > 0 ? ` (the first ${table.rows.length} values; ${andMore(table.moreRows)})` : ''}`;
  return el('table', { className: 'balance-table' }, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...rows));
}

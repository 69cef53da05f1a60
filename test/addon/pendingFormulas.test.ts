/**
 * In Sheets every custom-function cell is its own server run: it reads "Loading..." until that run
 * ends, and has not run at all right after New inspection, Generate summaries or a panel save. The
 * sidebar and the server functions must compute every figure from typed values, so they say the
 * same before and after the cells settle. Expected figures are the published report's
 * (examples/thames-valley-2019/figures.json) and the settled tabs' own cells.
 */
import type { Overview, PanelRow } from '../../src/addon/sidebarApi';
import { PUBLISHED } from '../../examples/thames-valley-2019/published';
import { AddonRuntime, buildSpreadsheet, loadAddon } from '../../runtime';
import { rowsByLabel, typeJudgements, typePublishedCases } from './support';

jest.setTimeout(60_000);

const LOADING = 'Loading...';
const CASE_BASED = ['2.1', '2.2', '2.3', '2.4', '4.1', '4.2'];
/** The published indicative ratings: the final ones, except where the panel moved them. */
const PUBLISHED_INDICATIVE = CASE_BASED.map((id) => (PUBLISHED.panelJudgements as Record<string, { indicative: string }>)[id]?.indicative ?? (PUBLISHED.ratings as Record<string, string>)[id]);

/** The Thames Valley example, typed and summarised, with custom-function cells left pending. */
function pendingExample(): AddonRuntime {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Thames Valley CRC' }), customFunctions: 'pending' });
  rt.install();
  rt.runFromSidebar('runNewInspection');
  typePublishedCases(rt);
  typeJudgements(rt);
  rt.runFromSidebar('runGenerateSummaries');
  return rt;
}

const overviewOf = (rt: AddonRuntime) => rt.runFromSidebar<Overview>('getOverview');

describe('pending custom-function cells (as Sheets shows them while they run)', () => {
  let rt: AddonRuntime;
  let pending: Overview;

  beforeAll(() => {
    rt = pendingExample();
    pending = overviewOf(rt);
  });

  it('the Ratings and Panel tabs read "Loading..." until the runs settle', () => {
    expect(rowsByLabel(rt, 'Ratings').get('Overall rating')?.[2]).toBe(LOADING);
    expect(rowsByLabel(rt, 'Panel').get('2.1')?.[2]).toBe(LOADING);
  });

  it('the sidebar shows the published overall, indicative ratings and panel statuses, and never "Loading..."', () => {
    expect(JSON.stringify(pending)).not.toContain('Loading');
    expect(pending.overall).toEqual({ score: `${PUBLISHED.overall.score}/30`, rating: PUBLISHED.overall.rating, band: PUBLISHED.overall.rating, provisional: '', line: `Overall: ${PUBLISHED.overall.score}/30, ${PUBLISHED.overall.rating}` });
    expect(pending.panel.map((row) => row.indicative)).toEqual(PUBLISHED_INDICATIVE);
    expect(pending.panel.filter((row) => row.panelRating !== '').map((row) => [row.standardId, row.panelRating, row.status])).toEqual([
      ['2.2', 'Good', 'Applied'],
      ['4.2', 'Outstanding', 'Applied'],
    ]);
  });

  it('once settled, the sidebar is unchanged and agrees with the Ratings and Panel tabs', () => {
    rt.settle();
    expect(overviewOf(rt)).toEqual(pending);
    const ratings = rowsByLabel(rt, 'Ratings');
    const [score, outOf] = ratings.get('Overall score')!.slice(2, 4);
    expect(`${score}/${String(outOf).replace('out of ', '')}`).toBe(pending.overall!.score);
    expect(ratings.get('Overall rating')?.slice(2, 4)).toEqual([pending.overall!.rating, pending.overall!.provisional]);
    const panel = rowsByLabel(rt, 'Panel');
    expect(pending.panel.map((row) => panel.get(row.standardId)?.[2])).toEqual(pending.panel.map((row) => row.indicative));
    expect(pending.panel.map((row) => panel.get(row.standardId)?.[7])).toEqual(pending.panel.map((row) => row.status));
  });

  it('a panel save returns the indicative rating and status computed from the cases, not the pending cell', () => {
    const saved = rt.runFromSidebar<PanelRow>('recordPanelJudgement', '2.2', 'Good', 'Planning was encouraging overall.', 'Panel chair');
    // Each row reads the Ratings tab's spilled figures, which wait for their run.
    expect(['2.1', '2.2'].map((id) => rowsByLabel(rt, 'Panel').get(id)?.[2])).toEqual([LOADING, LOADING]);
    expect([saved.indicative, saved.panelRating, saved.status]).toEqual(['Requires improvement', 'Good', 'Applied']);
    expect(saved.choices).toEqual(overviewOf(rt).panel.find((row) => row.standardId === '2.2')!.choices);
  });
});

/**
 * A second fake that is not the project's: formula cells are never evaluated, and getValues gives
 * their formula text (or a blank) — the worst a spreadsheet can do before it has calculated.
 */
function withUnevaluatedFormulas(rt: AddonRuntime, shown: 'formula' | 'blank'): void {
  const targets = new WeakMap<object, object>();
  const unwrap = (value: unknown): unknown => (typeof value === 'object' && value !== null && targets.has(value) ? targets.get(value) : value);
  const hide = (values: unknown[][], formulas: string[][]) =>
    values.map((cells, row) => cells.map((value, column) => (formulas[row][column] === '' ? value : shown === 'formula' ? formulas[row][column] : '')));
  const wrap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(wrap);
    if (typeof value !== 'object' || value === null || Object.prototype.toString.call(value) === '[object Date]') return value;
    const target = value as Record<string, unknown>;
    const proxy = new Proxy(target, {
      get(object, property) {
        const member = object[property as string];
        if (typeof member !== 'function') return member;
        const range = object as unknown as GoogleAppsScript.Spreadsheet.Range;
        if (property === 'getValues' && 'getFormulas' in object) return () => hide(range.getValues(), range.getFormulas());
        if (property === 'getDisplayValues' && 'getFormulas' in object) return () => hide(range.getDisplayValues(), range.getFormulas());
        if (property === 'getValue' && 'getFormula' in object) return () => (range.getFormula() === '' ? range.getValue() : shown === 'formula' ? range.getFormula() : '');
        return (...args: unknown[]) => wrap((member as (...a: unknown[]) => unknown).apply(object, args.map(unwrap)));
      },
    });
    targets.set(proxy, target);
    return proxy;
  };
  rt.context.SpreadsheetApp = wrap(rt.context.SpreadsheetApp);
}

describe('a spreadsheet that has not calculated its formulas at all', () => {
  it.each(['formula', 'blank'] as const)('gives the sidebar the same figures as the settled workbook (formula cells read as %s)', (shown) => {
    const rt = pendingExample();
    rt.settle();
    const settled = overviewOf(rt);
    withUnevaluatedFormulas(rt, shown);
    expect(rt.runFromSidebar<Overview>('getOverview')).toEqual(settled);
    expect(settled.overall?.rating).toBe(PUBLISHED.overall.rating);
  });
});

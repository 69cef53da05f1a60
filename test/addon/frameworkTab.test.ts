import { SAFEGUARDING_AUDIT, typedInSheets } from '../../examples/frameworks/safeguarding-audit';
import { buildSpreadsheet, loadAddon } from '../../runtime';
import { rowsByLabel, typeCases, wholeTab } from './support';

/** The README's worked example, typed as Sheets needs it. */
const AUDIT = typedInSheets(SAFEGUARDING_AUDIT);

const answers = (yes: number, of: number) => Array.from({ length: of }, (_, index) => (index < yes ? 'Yes' : 'No'));

describe('acceptance › a Framework tab drives New inspection and the ratings end to end', () => {
  const rt = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Safeguarding audit', sheets: { Framework: AUDIT }, maxRows: 60 }) });
  rt.install();
  const report = rt.call<{ lines: string[] }>('runNewInspection', 'framework-tab');

  it('lays out its case tab, marked with its id and bands, and its judgement standard', () => {
    // 3 metadata columns, Status, the marker, 1 prompt, 6 key questions each with its evidence, the case summary: 19.
    expect(report.lines.find((line) => line.startsWith('Audit cases:'))).toBe('Audit cases: created with 19 columns for 2.1, 2.2, 2.3.');
    const header = rt.sheetValues('Audit cases')[0].map(String);
    expect(header.slice(0, 5)).toEqual(['Case ID', 'Auditor', 'Child protection plan', 'Status', 'Framework: safeguarding-audit; bands 60/75/90; key questions 2.1.1-2, 2.2.1-2, 2.3.1-2']);
    expect(rt.sheetValues('Domain one').slice(1).map((row) => row[0])).toEqual(['1.1']);
    expect(rt.sheetValues('Panel').slice(1).map((row) => row[0])).toEqual(['2.1', '2.2', '2.3']);
  });

  it("rates at its own thresholds: 72% is Requires improvement at 60/75/90, out of 12, and the panel's room is measured against 75", () => {
    // 2.1: 72% and 90%; 2.2: 95% and 100%; 2.3: 55% and 80% — of 20 cases (2.1.1 has 25 applicable).
    const rows = answers(18, 25).map((kq211, index) => [`A${index + 1}`, kq211, answers(18, 20)[index] ?? 'N/A', answers(19, 20)[index] ?? 'N/A', answers(20, 20)[index] ?? 'N/A', answers(11, 20)[index] ?? 'N/A', answers(16, 20)[index] ?? 'N/A']);
    typeCases(rt, 'Audit cases', [['Case ID', '2.1.1', '2.1.2', '2.2.1', '2.2.2', '2.3.1', '2.3.2'], ...rows]);
    rt.setCellValues('Domain one', 'D2', [['Good']]);
    const ratings = rowsByLabel(rt, 'Ratings');
    expect(['2.1', '2.2', '2.3', '1.1'].map((id) => ratings.get(id)?.[2])).toEqual(['Requires improvement', 'Outstanding', 'Inadequate', 'Good']);
    expect(ratings.get('Overall score')?.slice(2, 4)).toEqual([6, 'out of 12']);
    // R9 for four: ≤ 2 Inadequate, ≤ 6 Requires improvement.
    expect(ratings.get('Overall rating')?.[2]).toBe('Requires improvement');
    rt.setCellValues('Ratings', 'H1', [[`=RATING_EXPLAIN(${wholeTab(rt, 'Audit cases')}, "2.1")`]]);
    expect(String(rt.values('Ratings', 'H1')[0][0])).toMatch(/72% is 3 points below the 75% boundary, within 5/);
  });

  it('reads its framework back from the case tab on a re-run, and Generate summaries splits by its own column', () => {
    const again = rt.call<{ lines: string[] }>('runNewInspection');
    expect(again.lines.find((line) => line.startsWith('Audit cases:'))).toBe('Audit cases: complete, nothing to add.');
    rt.call('runGenerateSummaries');
    expect(String(rt.sheetValues('Sub-samples')[0][0])).toMatch(/^Sub-samples by Child protection plan: computed when the summaries were generated /);
    // The chart's threshold lines are the framework's.
    const row = rt.sheetValues('Key questions').find((cells) => cells[1] === '2.1.1')!;
    expect(row.slice(14, 17)).toEqual([0.6, 0.75, 0.9]);
  });

  it("rates the overall by the framework's own overall bands, scaled to the standards rated so far", () => {
    const withBands = AUDIT.map((row) => (row[0] === 'Overall bands' ? ['Overall bands', "'3/7/10"] : row));
    const banded = loadAddon({ spreadsheet: buildSpreadsheet({ name: 'Banded audit', sheets: { Framework: withBands }, maxRows: 30 }) });
    banded.install();
    banded.call('runNewInspection', 'framework-tab');
    const labels = banded.sheetValues('Ratings').map((row) => String(row[0]));
    const formula = banded.sheetFormulas('Ratings')[labels.indexOf('Overall rating')][2];
    // 4 counted standards: score × 4 ≥ minimum × the number rated, for minimums 10, 7 and 3.
    for (const [minimum, band] of [[10, 'Outstanding'], [7, 'Good'], [3, 'Requires improvement']]) expect(formula).toContain(`IF(SUM(D2:D5)*4>=${minimum}*COUNT(D2:D5), "${band}"`);
  });
});

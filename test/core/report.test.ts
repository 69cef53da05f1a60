/**
 * The report model (docs/report.md) over hand-made tabs: the Inspection tab's details, evidence notes
 * split by the answer beside them, the 80% Wilson interval and R10 significance, prompts and the
 * sub-samples split. Expected values are worked out here from the cells typed, not by the model.
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { detailText, ratingsReport } from '../../src/core/report';
import { caseTabLayouts } from '../../src/core/workbook';

const layout = caseTabLayouts(CRC_2018).find((tab) => tab.name === 'Case supervision')!;

/** A Case supervision tab of the given cases: each a map from header prefix ("Case ID", "2.1.1", "Evidence 2.1.1") to its cell. */
function caseTab(cases: Array<Record<string, string>>): unknown[][] {
  const headers = layout.headers;
  const column = (prefix: string) => {
    const index = headers.findIndex((header) => header === prefix || header.startsWith(`${prefix} `));
    if (index < 0) throw new Error(`No column for ${prefix}.`);
    return index;
  };
  return [headers, ...cases.map((values) => {
    const row: unknown[] = headers.map(() => '');
    for (const [prefix, value] of Object.entries(values)) row[column(prefix)] = value;
    return row;
  })];
}

function report(tabs: Record<string, unknown[][]>) {
  return ratingsReport(CRC_2018, (name) => tabs[name]);
}

describe('report › ratingsReport', () => {
  // 2.1.1: 13 Yes, 7 No of 20 (65%); 2.1.1(a): 10 Yes, 5 No, 5 N/A. Half Community, half Licence.
  const cases: Array<Record<string, string>> = Array.from({ length: 20 }, (_, index) => ({
    'Case ID': `C${String(index + 1).padStart(2, '0')}`,
    'Sentence type': index < 10 ? 'Community' : 'Licence',
    '2.1.1': index < 13 ? 'Yes' : 'No',
    '2.1.1(a)': index < 10 ? 'Yes' : index < 15 ? 'No' : 'N/A',
    // 2.1.3 (harm factors only): Community 6 Yes and 4 N/A, Licence 5 No and 5 N/A.
    '2.1.3': index < 6 ? 'Yes' : index < 10 ? 'N/A' : index < 15 ? 'No' : 'N/A',
  }));
  cases[0]['Evidence 2.1.1'] = 'Checked with the police before sentence.';
  cases[15]['Evidence 2.1.1'] = 'No safeguarding enquiry.';
  const figures = report({
    Inspection: [['Detail', 'Value'], ['Service inspected', ' Anytown CRC '], ['Lead inspector', ''], ['Previous column label', 'Last time']],
    'Case supervision': caseTab(cases),
    // 2.1.1 was 90% of 50 last time: 65% of 20 against it is z ≈ −2.5 (R10, significant at 10%).
    Comparison: [['Id', 'Question', 'Previous %', 'Previous n', 'All providers %', 'All providers n'], ['2.1.1', '', 0.9, 50, 0.6, 200]],
  });
  const keyQuestion = figures.standards.find((figure) => figure.standard.id === '2.1')!.keyQuestions.find((kq) => kq.id === '2.1.1')!;

  it('reads the Inspection tab by label, trimmed, and says what to do where a detail is blank', () => {
    expect(figures.inspection.service).toBe('Anytown CRC');
    expect(detailText(figures, 'service')).toBe('Anytown CRC');
    expect(detailText(figures, 'leadInspector')).toBe('Lead inspector not named — fill in the Inspection tab');
    expect(detailText(figures, 'previousLabel')).toBe('Last time');
    expect(detailText(figures, 'comparisonLabel')).toBe('All providers');
    expect(detailText(report({}), 'service')).toBe('Service not named — fill in the Inspection tab');
  });

  it('puts the note beside a Yes under strengths and beside a No under areas for improvement, with the Case ID', () => {
    expect(keyQuestion.strengths).toEqual([{ caseId: 'C01', note: 'Checked with the police before sentence.' }]);
    expect(keyQuestion.improvements).toEqual([{ caseId: 'C16', note: 'No safeguarding enquiry.' }]);
  });

  it('gives the 80% Wilson interval and R10 significance against the Comparison tab', () => {
    // Wilson, z = 1.2816: centre (0.65 + z²/40)/(1 + z²/20), half-width z·√(0.65·0.35/20 + z²/1600)/(1 + z²/20).
    const z = 1.2815515655446004;
    const denominator = 1 + (z * z) / 20;
    const centre = (0.65 + (z * z) / 40) / denominator;
    const half = (z * Math.sqrt((0.65 * 0.35) / 20 + (z * z) / 1600)) / denominator;
    expect(keyQuestion).toMatchObject({ yes: 13, applicable: 20, percent: 65, interval: { lower: Math.round(100 * (centre - half)), upper: Math.round(100 * (centre + half)) } });
    // Pooled two-proportion z: against 90% of 50, |z| > 1.645; against 60% of 200, |z| < 1.645.
    expect(keyQuestion.previous).toEqual({ percent: 90, n: 50, significant: true });
    expect(keyQuestion.aggregate).toEqual({ percent: 60, n: 200, significant: false });
  });

  it('gives each prompt its Yes out of applicable', () => {
    expect(keyQuestion.prompts.find((prompt) => prompt.id === '2.1.1(a)')).toMatchObject({ yes: 10, applicable: 15, percent: 67 });
  });

  it('splits the case tab by Sentence type for the sub-samples annex', () => {
    const split = figures.subSamples.find((figure) => figure.tab === 'Case supervision')!;
    expect(split.header).toBe('Sentence type');
    const byValue = Object.fromEntries(split.groups.map((group) => [group.value, group.keyQuestions.find((kq) => kq.id === '2.1.1')]));
    expect(byValue.Community).toMatchObject({ yes: 10, applicable: 10, percent: 100 });
    expect(byValue.Licence).toMatchObject({ yes: 3, applicable: 10, percent: 30 });
    // N/A is not applicable (R2): 6 of 6 and 0 of 5, not of 10.
    const keyQuestion213 = Object.fromEntries(split.groups.map((group) => [group.value, group.keyQuestions.find((kq) => kq.id === '2.1.3')]));
    expect(keyQuestion213.Community).toMatchObject({ yes: 6, applicable: 6, percent: 100 });
    expect(keyQuestion213.Licence).toMatchObject({ yes: 0, applicable: 5, percent: 0 });
  });

  it('gives the marking agreement of a QA tab re-marking two cases, and an unusable QA tab as that figure\'s error', () => {
    // C01 re-marked 2.1.1 Yes (agrees), C16 re-marked 2.1.1 Yes (the inspector said No): 1 of 2 agree.
    const qa = [['Case ID', 'Inspector', '2.1.1 Q'], ['C01', '', 'Yes'], ['C16', '', 'Yes']];
    const withQa = report({ 'Case supervision': caseTab(cases), 'QA Case supervision': qa });
    expect(withQa.agreement).toEqual([{ tab: 'Case supervision', checked: 2, agreements: 1, percent: 50, kappa: 0 }]);
    const unknown = report({ 'Case supervision': caseTab(cases), 'QA Case supervision': [...qa, ['C99', '', 'No']] });
    expect(unknown.agreement[0].error).toMatch(/^QA Case supervision: .*"C99" is not in the cases range/);
  });

  it('keeps a key question with an invalid answer as an error, its notes still read', () => {
    const broken = cases.map((values, index) => (index === 1 ? { ...values, '2.1.1': 'Maybe' } : values));
    const figure = report({ 'Case supervision': caseTab(broken) }).standards.find((standard) => standard.standard.id === '2.1')!;
    const failed = figure.keyQuestions.find((kq) => kq.id === '2.1.1')!;
    expect(failed.error).toMatch(/"Maybe" is not an answer/);
    expect(failed.strengths).toHaveLength(1);
  });
});

describe('report › ratingsReport with a problem limit (the sidebar lists only the first problems)', () => {
  // Five cases, each with "Maybe" in 2.1.1: five invalid answers; every other key question of the
  // tab's standards is blank in each case, so those are "not answered yet" problems too.
  const cases = Array.from({ length: 5 }, (_, index) => ({ 'Case ID': `C${index + 1}`, '2.1.1': 'Maybe' }));
  const unlimited = report({ 'Case supervision': caseTab(cases) });
  const limited = ratingsReport(CRC_2018, (name) => (name === 'Case supervision' ? caseTab(cases) : undefined), new Map(), 2);

  it('lists the first problems up to the limit, counts them all, and gives the same ratings', () => {
    const invalid = (problems: typeof unlimited.problems) => problems.filter((problem) => problem.kind === 'invalid');
    expect(invalid(unlimited.problems)).toHaveLength(5);
    expect(unlimited.problemCount).toBe(unlimited.problems.length);
    expect(invalid(limited.problems).map((problem) => problem.cell)).toEqual(invalid(unlimited.problems).slice(0, 2).map((problem) => problem.cell));
    // One case tab holds every problem, so the limit of 2 lists exactly its first two.
    expect(limited.problems).toEqual(unlimited.problems.slice(0, 2));
    expect(limited.problemCount).toBe(unlimited.problemCount);
    expect(limited.standards.map((figure) => [figure.standard.id, figure.rating, figure.error])).toEqual(unlimited.standards.map((figure) => [figure.standard.id, figure.rating, figure.error]));
  });
});

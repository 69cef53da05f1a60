import { readCaseTable } from '../../src/core/caseTable';
import { blocksRating, checkCaseTab, problemsInOrder, ProblemKind } from '../../src/core/dataQuality';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';

const HEADER = ['Case ID', 'Inspector', 'Sentence type', 'Harm factors present', '2.3.1(d) Post-custody contact', '2.3.1 Engaging', '2.3.2 Desistance', '2.3.3 Keeping safe'];

function check(rows: unknown[][]) {
  return checkCaseTab('Case supervision', readCaseTable([HEADER, ...rows]), CRC_2018);
}

describe('dataQuality › checkCaseTab (docs/user-guide.md)', () => {
  it('finds nothing wrong with complete, consistent cases and counts them complete', () => {
    const { problems, progress } = check([
      ['C1', 'Ann', 'Licence', 'Yes', 'Yes', 'Yes', 'No', 'Yes'],
      ['C2', 'Ann', 'Community', 'No', 'N/A', 'No', 'Yes', 'N/A'],
      ['', '', '', '', '', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(progress).toEqual({ tab: 'Case supervision', started: 2, complete: 2, byInspector: [{ inspector: 'Ann', started: 2, complete: 2 }] });
  });

  it('names the cell, header and value of each kind of problem (N/A on a prompt is not questioned: prompts are often conditional)', () => {
    const { problems, progress } = check([
      ['C1', 'Ann', 'Community', 'No', 'Yes', 'Maybe', '', 'Yes'],
      ['C1', 'Bo', 'Licence', 'Yes', 'N/A', 'N/A', 'Yes', 'N/A'],
    ]);
    // The invalid answer (it blocks 2.3's rating, R12) first; the key question not answered yet last.
    expect(problems.map((problem) => [problem.cell, problem.kind, problem.value])).toEqual([
      ['F2', 'invalid', 'Maybe'],
      ['E2', 'notApplicableExpected', 'Yes'], // post-custody prompt answered for a community case
      ['H2', 'notApplicableExpected', 'Yes'], // no harm factors, yet the risk-of-harm question answered
      ['F3', 'answerExpected', 'N/A'], // a key question for every case
      ['H3', 'answerExpected', 'N/A'], // harm factors present
      ['A3', 'duplicateCaseId', 'C1'],
      ['G2', 'unanswered', ''],
    ]);
    expect(problems[0].message).toBe('Row 2, column "2.3.1 Engaging": "Maybe" is not an answer. Use Yes, No or N/A, or leave it blank.');
    expect(problems[5].message).toBe('Row 3: case ID "C1" is already used in row 2.');
    expect(progress.byInspector).toEqual([
      { inspector: 'Ann', started: 1, complete: 0 },
      { inspector: 'Bo', started: 1, complete: 1 },
    ]);
  });

  it('names a row that has answers but no case ID (its cases are counted, so it must be findable); a wholly blank row is not a case', () => {
    const { problems } = check([
      ['', 'Ann', 'Licence', 'Yes', 'Yes', 'Yes', 'No', 'Yes'],
      ['', '', '', '', '', '', '', ''],
    ]);
    expect(problems.map((problem) => [problem.cell, problem.kind])).toEqual([['A2', 'missingCaseId']]);
    expect(problems[0].message).toBe("Row 2: answers but no case ID. Type the case's ID, so that it can be found, checked and re-marked.");
  });
});

describe('dataQuality › a bounded pass', () => {
  it('keeps the first problems up to the limit and counts every one', () => {
    const rows = Array.from({ length: 50 }, (_, index) => [`C${index}`, 'Ann', 'Licence', 'Yes', 'Yes', 'Maybe', 'Perhaps', 'Yes']);
    const all = checkCaseTab('Case supervision', readCaseTable([HEADER, ...rows]), CRC_2018);
    const bounded = checkCaseTab('Case supervision', readCaseTable([HEADER, ...rows]), CRC_2018, 7);
    expect(all.problemCount).toBe(100);
    expect(all.problems).toHaveLength(100);
    expect(bounded.problemCount).toBe(100);
    expect(bounded.problems).toEqual(all.problems.slice(0, 7));
    expect(bounded.progress).toEqual(all.progress);
  });

  it('keeps a blocking problem in the last row when earlier rows fill the limit with unanswered questions', () => {
    const blank = Array.from({ length: 30 }, (_, index) => [`C${index}`, 'Ann', 'Licence', 'Yes', 'Yes', '', '', '']);
    const rows = [...blank, ['C99', 'Ann', 'Licence', 'Yes', 'Yes', 'Maybe', 'Yes', 'Yes']];
    const bounded = checkCaseTab('Case supervision', readCaseTable([HEADER, ...rows]), CRC_2018, 10);
    expect(bounded.problemCount).toBe(91);
    expect(bounded.problems).toHaveLength(10);
    expect(bounded.problems[0]).toMatchObject({ cell: 'F32', kind: 'invalid', value: 'Maybe' });
    expect(bounded.problems.slice(1).map((problem) => problem.kind)).toEqual(Array(9).fill('unanswered'));
  });

  it('quotes at most 200 characters of a long value, in its value and its message', () => {
    const { problems } = check([['C1', 'Ann', 'Licence', 'Yes', 'Yes', 'x'.repeat(50000), 'Yes', 'Yes']]);
    expect(problems[0].value).toBe(`${'x'.repeat(200)}… (50000 characters)`);
    expect(problems[0].message.length).toBeLessThan(400);
  });
});

describe('dataQuality › the header row against the framework (R13)', () => {
  const HEADERS = ['Case ID', 'Inspector', '2.1.1 Engaging', '2.1.3 Keeping safe', '2.1.9 Not a CRC question', '2.2.1(z) Not a CRC prompt'];
  const table = readCaseTable([HEADERS, ['C1', 'Ann', 'Yes', 'Yes', 'Yes', 'Yes']]);

  it('names each missing key question of a standard it has columns for, and each question the framework lacks', () => {
    const { problems, problemCount } = checkCaseTab('Case supervision', table, CRC_2018);
    const columns = problems.filter((problem) => problem.kind === 'missingColumn' || problem.kind === 'unknownColumn');
    expect(columns.map((problem) => [problem.kind, problem.cell, problem.header.split(' ')[0]])).toEqual([
      ['missingColumn', 'C1', '2.1.2'],
      ['unknownColumn', 'E1', '2.1.9'],
      ['unknownColumn', 'F1', '2.2.1(z)'],
    ]);
    expect(columns[1].message).toBe(`Column "2.1.9 Not a CRC question": ${CRC_2018.name} has no key question 2.1.9, so its answers are not counted. Check the id (a mistyped one?), or remove the column.`);
    expect(problemCount).toBe(problems.length);
  });

  it("given the tab's name in the framework, expects every standard of that tab", () => {
    const missing = checkCaseTab('My renamed tab', table, CRC_2018, Infinity, 'Case supervision').problems.filter((problem) => problem.kind === 'missingColumn');
    expect(missing.map((problem) => problem.header.split(' ')[0])).toEqual(['2.1.2', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '2.4.1', '2.4.2', '2.4.3']);
    expect(missing[0].message).toMatch(/^My renamed tab: there is no column for key question 2\.1\.2 \(".+"\), so standard 2\.1 cannot be rated\./);
  });
});

describe('dataQuality › problemsInOrder (R12: what blocks a rating first)', () => {
  const problem = (kind: ProblemKind, cell: string) => ({ kind, cell });

  it('lists invalid answers, unreadable tabs and Framework tab problems first, then questioned answers, then unanswered, each group in its own order', () => {
    const given = [
      problem('unanswered', 'F2'),
      problem('answerExpected', 'G2'),
      problem('invalid', 'H2'),
      problem('unanswered', 'F3'),
      problem('duplicateCaseId', 'A4'),
      problem('unreadableTab', 'A1'),
      problem('invalid', 'B5'),
      problem('framework', 'C2'),
    ];
    expect(problemsInOrder(given).map((item) => `${item.kind} ${item.cell}`)).toEqual([
      'invalid H2',
      'unreadableTab A1',
      'invalid B5',
      'framework C2',
      'answerExpected G2',
      'duplicateCaseId A4',
      'unanswered F2',
      'unanswered F3',
    ]);
    expect(given[0].cell).toBe('F2');
  });

  it('counts as blocking exactly what leaves a standard without a rating: invalid answers, missing columns, the Framework tab, a judgement that is not a band', () => {
    const kinds: ProblemKind[] = ['invalid', 'unanswered', 'answerExpected', 'notApplicableExpected', 'duplicateCaseId', 'framework', 'unreadableTab', 'missingColumn', 'unknownColumn', 'panel', 'judgement'];
    expect(kinds.filter(blocksRating)).toEqual(['invalid', 'framework', 'unreadableTab', 'missingColumn', 'judgement']);
  });
});

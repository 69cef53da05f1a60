import { readCaseTable } from '../../src/core/caseTable';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { answersText, checkSignOffs, planSignOff, signedOffRows, signOffLogRow, SignOffEntry } from '../../src/core/signOff';
import { ratingsReport } from '../../src/core/report';
import { signOffLine } from '../../src/report/view';
import { headersOf, SIGN_OFF_LOG_LAYOUT } from '../../src/core/tabLayouts';

const HEADER = ['Case ID', 'Inspector', 'Status', '2.1.1(a) Motivation', '2.1.1 Engaging', '2.1.2 Risk', '2.1.3 Keeping safe'];
const tabOf = (rows: unknown[][]) => ({ name: 'Case supervision', frameworkName: 'Case supervision', table: readCaseTable([HEADER, ...rows]) });

const CASES = [
  ['C1', 'Ann', 'Signed off', 'Yes', 'Yes', 'No', 'N/A'],
  ['C2', 'Bo', 'Signed off', '', 'No', 'No', 'Yes'],
  ['C3', 'Ann', 'Ready for review', 'Yes', 'Yes', 'Yes', 'Yes'],
  ['C4', 'Bo', '', 'No', 'Yes', '', ''],
];

const entry = (caseId: string, row: number, answers: string, extra: Partial<SignOffEntry> = {}): SignOffEntry => ({
  tab: 'Case supervision', caseId, row, action: 'Signed off', reviewer: 'Rita Reviewer', when: '2026-12-07 15:07:00', reason: '', answers, ...extra,
});
/** C1 and C2 signed off as typed above (the answers written out by hand). */
const LOG = [headersOf(SIGN_OFF_LOG_LAYOUT), signOffLogRow(entry('C1', 2, '2.1.1(a)=Y; 2.1.1=Y; 2.1.2=N; 2.1.3=NA')), signOffLogRow(entry('C2', 3, '2.1.1=N; 2.1.2=N; 2.1.3=Y'))];

describe('signOff › answersText', () => {
  it('keeps each answered question by id, Y/N/NA, in column order, leaving blanks out', () => {
    const tab = tabOf(CASES);
    expect(answersText(tab.table, tab.table.rows[0])).toBe('2.1.1(a)=Y; 2.1.1=Y; 2.1.2=N; 2.1.3=NA');
    expect(answersText(tab.table, tab.table.rows[1])).toBe('2.1.1=N; 2.1.2=N; 2.1.3=Y');
  });
});

describe('signOff › checkSignOffs', () => {
  it('finds nothing wrong while the tab is as signed off, and counts statuses per tab and inspector', () => {
    const check = checkSignOffs([tabOf(CASES)], LOG);
    expect(check.problems).toEqual([]);
    // C1, C2 Signed off; C3 Ready; C4 blank = In progress.
    expect(check.progress).toEqual([
      {
        tab: 'Case supervision',
        counts: { inProgress: 1, ready: 1, signedOff: 2 },
        byInspector: [
          { inspector: 'Ann', counts: { inProgress: 0, ready: 1, signedOff: 1 } },
          { inspector: 'Bo', counts: { inProgress: 1, ready: 0, signedOff: 1 } },
        ],
      },
    ]);
    expect(check.summary).toEqual({ cases: 4, signedOff: 2, reviewers: ['Rita Reviewer'] });
  });

  it('names the cell, the signed-off answer, the answer now, the reviewer and the time of a changed answer', () => {
    const changed = CASES.map((row) => [...row]);
    changed[1][5] = 'Yes'; // C2's 2.1.2, signed off No
    const problems = checkSignOffs([tabOf(changed)], LOG).problems;
    expect(problems.map((problem) => [problem.tab, problem.cell, problem.kind])).toEqual([['Case supervision', 'F3', 'signOffChanged']]);
    expect(problems[0].message).toBe(
      'Case "C2", 2.1.2 (F3): signed off as No, signed off by Rita Reviewer on 2026-12-07 15:07:00; now Yes. Reopen the case from the sidebar (with a reason) to change a signed-off answer, or put No back.',
    );
  });

  it('follows sorted rows by case ID: moved, not changed', () => {
    const sorted = [CASES[3], CASES[2], CASES[1], CASES[0]];
    const problems = checkSignOffs([tabOf(sorted)], LOG).problems;
    expect(problems.map((problem) => [problem.cell, problem.kind])).toEqual([
      ['A5', 'signOffMoved'],
      ['A4', 'signOffMoved'],
    ]);
    expect(problems[0].message).toBe('Case "C1", signed off by Rita Reviewer on 2026-12-07 15:07:00 in row 2, is now in row 5 (the rows were sorted or moved): followed by its case ID.');
    expect(signedOffRows(tabOf(sorted), LOG)).toEqual([4, 5]);
  });

  it('a 50,000-character answer pasted over a signed-off one is named, quoted to 200 characters', () => {
    const changed = CASES.map((row) => [...row]);
    changed[0][4] = 'x'.repeat(50000);
    const [problem] = checkSignOffs([tabOf(changed)], LOG).problems;
    expect(problem.cell).toBe('E2');
    expect(problem.message).toContain(`signed off as Yes, signed off by Rita Reviewer on 2026-12-07 15:07:00; now "${'x'.repeat(200)}… (50000 characters)".`);
  });

  it('hostile: a log row edited by hand is named and not used; the Status that relied on it is then named too', () => {
    const edited = LOG.map((row) => [...row]);
    edited[2][7] = '2.1.1=Y; 2.1.2=N; 2.1.3=Y'; // C2's 2.1.1 changed from N on the log itself
    const problems = checkSignOffs([tabOf(CASES)], edited).problems;
    expect(problems.map((problem) => [problem.tab, problem.cell, problem.kind])).toEqual([
      ['Sign-off log', 'I3', 'signOffLog'],
      ['Case supervision', 'C3', 'signOffStatus'],
    ]);
    expect(problems[0].message).toBe(
      'Sign-off log row 3 (case "C2" of Case supervision) was changed after Inspection Ratings wrote it (its Check does not match its cells), so it is not used. Put the row back as it was (File › Version history has it), or reopen and sign the case off again; the row is kept.',
    );
    expect(problems[1].message).toBe('Row 3: its Status is Signed off, but the Sign-off log tab has no sign-off of it, so its answers were not recorded. Sign it off from the sidebar.');
  });

  it('hostile: a signed-off case ID no longer on the tab, and one on two rows', () => {
    const rows = [CASES[0], ['C1', 'Bo', '', 'No', 'No', 'No', 'No'], CASES[2], CASES[3]];
    const problems = checkSignOffs([tabOf(rows)], LOG).problems;
    expect(problems.map((problem) => [problem.tab, problem.cell, problem.kind])).toEqual([
      ['Case supervision', 'A3', 'signOffDuplicate'],
      ['Sign-off log', 'B3', 'signOffVanished'],
    ]);
    expect(problems[0].message).toBe('Rows 2 and 3 both have case ID "C1", which was signed off by Rita Reviewer on 2026-12-07 15:07:00 in row 2: which row was signed off cannot be told. Give each case its own ID.');
    expect(problems[1].message).toBe(
      'Case "C2" of Case supervision, signed off by Rita Reviewer on 2026-12-07 15:07:00 in row 3, is no longer on the tab (its row was deleted, or its case ID changed). Its answers as signed off are kept on Sign-off log row 3.',
    );
  });

  it('a case reopened later is no longer signed off; its Status is then free', () => {
    const reopened = [...LOG, signOffLogRow(entry('C2', 3, '', { action: 'Reopened', when: '2026-12-07 16:00:00', reason: 'Risk assessment redone' }))];
    const rows = CASES.map((row) => [...row]);
    rows[1][2] = 'In progress';
    rows[1][5] = 'Yes';
    const check = checkSignOffs([tabOf(rows)], reopened);
    expect(check.problems).toEqual([]);
    expect(check.summary.signedOff).toBe(1);
  });

  it('a case tab gone is named for each of its signed-off cases; one not read (unreadable header, nothing set up) says nothing of them', () => {
    const other = { ...tabOf(CASES), name: 'Unpaid work', frameworkName: 'Unpaid work' };
    const gone = checkSignOffs([other], LOG).problems.filter((problem) => problem.kind === 'signOffVanished');
    expect(gone.map((problem) => problem.cell)).toEqual(['A2', 'A3']);
    expect(gone[0].message).toBe('Case "C1", signed off by Rita Reviewer on 2026-12-07 15:07:00, was on the tab "Case supervision", which is not a case tab of this workbook now. Its answers as signed off are kept on Sign-off log row 2.');
    expect(checkSignOffs([other], LOG, undefined, ['Case supervision']).problems.filter((problem) => problem.kind === 'signOffVanished')).toEqual([]);
    expect(checkSignOffs([], LOG).problems).toEqual([]);
  });

  it('a Status that is none of the three is named', () => {
    const rows = CASES.map((row) => [...row]);
    rows[3][2] = 'Done';
    expect(checkSignOffs([tabOf(rows)], LOG).problems.map((problem) => problem.message)).toEqual(['Row 5: Status "Done" is not one of In progress, Ready for review, Signed off.']);
  });
});

describe('signOff › planSignOff', () => {
  it('signs off a complete case with its answers; refuses, with the reason, a case already signed off, unanswered, invalid or without its own ID', () => {
    const rows = [...CASES, ['', 'Ann', '', 'Yes', 'Yes', 'Yes', 'Yes'], ['C3', 'Bo', '', 'Yes', 'Yes', 'Yes', 'Yes'], ['C7', 'Bo', '', 'Yes', 'x'.repeat(50000), 'Yes', 'Yes']];
    const plans = planSignOff(tabOf(rows), CRC_2018, [0, 2, 3, 4, 6], LOG);
    expect(plans).toEqual([
      { rowIndex: 0, refused: 'Row 2: case "C1" is already signed off by Rita Reviewer on 2026-12-07 15:07:00.' },
      { rowIndex: 2, refused: 'Row 4: case "C3" is also the case ID of row 7. Give each case its own ID before signing off.' },
      { rowIndex: 3, refused: 'Row 5: case "C4": key questions 2.1.2, 2.1.3 not answered yet; a case is signed off once every key question is answered.' },
      { rowIndex: 4, refused: 'Row 6: no case ID. Type one, so that the sign-off can follow the case.' },
      { rowIndex: 6, refused: `Row 8: case "C7": column "2.1.1 Engaging" holds "${'x'.repeat(200)}… (50000 characters)", not an answer. Put it right before signing off.` },
    ]);
    const fine = planSignOff(tabOf(CASES), CRC_2018, [2], LOG);
    expect(fine).toEqual([{ rowIndex: 2, caseId: 'C3', answers: '2.1.1(a)=Y; 2.1.1=Y; 2.1.2=Y; 2.1.3=Y' }]);
  });
});

describe('signOff › the report model', () => {
  it('counts the cases signed off and their reviewers for the methodology annex, and lists sign-off problems with the rest', () => {
    const changed = CASES.map((row) => [...row]);
    changed[0][6] = 'No'; // C1's 2.1.3, signed off N/A
    const values = new Map<string, unknown[][]>([['Case supervision', [HEADER, ...changed]], ['Sign-off log', LOG]]);
    const report = ratingsReport(CRC_2018, (tab) => values.get(tab));
    expect(report.signOff).toEqual({ cases: 4, signedOff: 2, reviewers: ['Rita Reviewer'] });
    expect(signOffLine(report.signOff)).toBe('Sign-off: 2 of the 4 cases started were signed off, by 1 reviewer.');
    expect(signOffLine({ cases: 1, signedOff: 0, reviewers: [] })).toBe('Sign-off: no case of the 1 case started has been signed off by a reviewer.');
    expect(report.problems.filter((problem) => problem.kind === 'signOffChanged').map((problem) => [problem.tab, problem.cell])).toEqual([['Case supervision', 'G2']]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddonRuntime, loadAddon } from '../../runtime';
import { readXlsxWorkbook, writeXlsx } from '../../tools/xlsx';
import { runTool } from '../support/commands';
import { newWorkbook, typeCases, wholeTab } from './support';

jest.setTimeout(60_000);

/**
 * docs/user-guide.md "Sign-off", end to end in the offline runtime: New inspection's Status column, signing
 * off from the sidebar's server calls, the Sign-off log, warning-only protection, changes found after
 * sign-off, sorted rows followed by case ID, reopening, and RATE_STANDARD over the signed-off cases only.
 */

interface Problem { tab: string; cell: string; kind: string; message: string }
interface Overview { signOffProblems: Problem[]; signOffProblemCount: number; problems: Problem[]; statusProgress: Array<{ tab: string; counts: Record<string, number> }>; panel: Array<{ standardId: string; unsigned: string }> }

const TAB = 'Case supervision';
const KEY_QUESTIONS = ['2.1.1', '2.1.2', '2.1.3', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '2.4.1', '2.4.2', '2.4.3'];
const REVIEWER = 'Rita Reviewer';

/**
 * Fifteen cases, every key question answered. The ten to be signed off (CS01–CS10) answer 2.1 as:
 * 2.1.1 Yes 7, No 3 → 70%; 2.1.2 Yes 9, No 1 → 90%; 2.1.3 Yes 6, No 2, N/A 2 → 75%. Lowest 70%: Good.
 * The five others (CS11–CS15) answer 2.1.1 No: over all fifteen 2.1.1 is 7 of 15 → 47%, Inadequate.
 */
function cases(): unknown[][] {
  const rows = Array.from({ length: 15 }, (_, index) => {
    const n = index + 1;
    const answers = KEY_QUESTIONS.map((id) => {
      if (id === '2.1.1') return n <= 7 ? 'Yes' : 'No';
      if (id === '2.1.2') return n === 10 ? 'No' : 'Yes';
      if (id === '2.1.3') return n <= 6 ? 'Yes' : n <= 8 ? 'No' : 'N/A';
      return 'Yes';
    });
    return [`CS${String(n).padStart(2, '0')}`, n % 2 ? 'Ann' : 'Bo', 'Licence', 'Yes', n <= 10 ? 'Ready for review' : 'In progress', ...answers];
  });
  return [['Case ID', 'Inspector', 'Sentence type', 'Harm factors present', 'Status', ...KEY_QUESTIONS], ...rows];
}

const header = (rt: AddonRuntime) => rt.sheetValues(TAB)[0].map(String);
const column = (rt: AddonRuntime, starts: string) => header(rt).findIndex((cell) => cell === starts || cell.startsWith(`${starts} `)) + 1;
const letter = (n: number) => (n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
const overview = (rt: AddonRuntime) => rt.call<Overview>('getOverview');
const signOffProtections = (rt: AddonRuntime) =>
  rt.spreadsheet.getSheetByName(TAB)!.getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType).filter((protection) => protection.getDescription().startsWith('Inspection Ratings sign-off'));

describe('acceptance › case sign-off in a shared sheet', () => {
  const rt = newWorkbook();
  rt.spreadsheet.setSpreadsheetTimeZone('Asia/Kolkata');

  it('New inspection lays a Status column with its dropdown, read as metadata (no column problem)', () => {
    const status = column(rt, 'Status');
    expect(status).toBeGreaterThan(0);
    expect(rt.workbook.format(TAB, `${letter(status)}2`).validation).toMatchObject({ criteria: 'VALUE_IN_LIST', values: [['In progress', 'Ready for review', 'Signed off'], true] });
    expect(overview(rt).problems.filter((problem) => /Column$/.test(problem.kind))).toEqual([]);
  });

  it('signs off 10 selected rows: 10 log rows, Status Signed off, the rows protected with a warning only', () => {
    typeCases(rt, TAB, cases());
    rt.spreadsheet.getSheetByName(TAB)!.getRange('B2:C11').activate();
    const report = rt.call<{ lines: string[]; signedOff: number }>('runSignOff', { which: 'selection', reviewer: REVIEWER });
    expect(report.signedOff).toBe(10);
    const log = rt.sheetValues('Sign-off log');
    expect(log[0].slice(0, 9)).toEqual(['Tab', 'Case ID', 'Row', 'Action', 'Reviewer', 'When', 'Reason', 'Answers as signed off', 'Check']);
    const rows = log.slice(1).filter((row) => row[0] !== '');
    expect(rows.map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual(Array.from({ length: 10 }, (_, index) => [TAB, `CS${String(index + 1).padStart(2, '0')}`, index + 2, 'Signed off', REVIEWER]));
    // CS01's answers as typed above: 2.1.1–2.1.3 Yes, Yes, Yes, then Yes for every other key question.
    expect(rows[0][7]).toBe(KEY_QUESTIONS.map((id) => `${id}=Y`).join('; '));
    // The time is the spreadsheet's (Asia/Kolkata, UTC+5:30), not the script's: read as UTC it is 5 h 30 min ahead.
    const when = String(rows[0][5]);
    expect(when).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const ahead = Date.parse(`${when.replace(' ', 'T')}Z`) - Date.now();
    expect(Math.abs(ahead - 5.5 * 3600000)).toBeLessThan(10 * 60000);
    const status = letter(column(rt, 'Status'));
    expect(rt.values(TAB, `${status}2:${status}12`).map((row) => row[0])).toEqual([...Array<string>(10).fill('Signed off'), 'In progress']);
    const protections = signOffProtections(rt);
    expect(protections.map((protection) => [protection.getRange().getRow(), protection.getRange().getLastRow(), protection.isWarningOnly()])).toEqual([[2, 11, true]]);
  });

  it('RATE_STANDARD over the signed-off cases only gives the figure computed by hand (Good), over all fifteen Inadequate', () => {
    rt.setCellValues('Ratings', 'J1', [[`=RATE_STANDARD(${wholeTab(rt, TAB)}, "2.1", , "Status", "Signed off")`, `=RATE_STANDARD(${wholeTab(rt, TAB)}, "2.1")`]]);
    expect(rt.values('Ratings', 'J1:K1')).toEqual([['Good', 'Inadequate']]);
  });

  it('progress counts cases per status; the panel is warned of the five not signed off', () => {
    const seen = overview(rt);
    expect(seen.statusProgress.find((progress) => progress.tab === TAB)?.counts).toEqual({ inProgress: 5, ready: 0, signedOff: 10 });
    expect(seen.panel.find((row) => row.standardId === '2.1')?.unsigned).toBe('5 of the 15 cases on Case supervision are not signed off yet (5 in progress, 0 ready for review): this judgement would rest on cases no reviewer has signed off.');
    expect(seen.signOffProblems).toEqual([]);
  });

  it('a signed-off answer changed is named (cell, old and new answer, reviewer, time) in the sidebar and on Data quality', () => {
    const kq = letter(column(rt, '2.1.1'));
    rt.setCellValues(TAB, `${kq}4`, [['No']]); // CS03 signed off Yes
    const when = String(rt.sheetValues('Sign-off log')[3][5]);
    const [found] = overview(rt).signOffProblems;
    expect(found).toMatchObject({ tab: TAB, cell: `${kq}4`, kind: 'signOffChanged' });
    expect(found.message).toBe(`Case "CS03", 2.1.1 (${kq}4): signed off as Yes, signed off by Rita Reviewer on ${when}; now No. Reopen the case from the sidebar (with a reason) to change a signed-off answer, or put Yes back.`);
    rt.call('runGenerateSummaries');
    expect(rt.sheetValues('Data quality').some((row) => row[1] === `${kq}4` && row[4] === found.message)).toBe(true);
    rt.setCellValues(TAB, `${kq}4`, [['Yes']]);
    expect(overview(rt).signOffProblems).toEqual([]);
  });

  it('sorting the tab: the moved rows are followed by case ID, not reported as changed; the next sign-off moves the protection with them', () => {
    const width = rt.spreadsheet.getSheetByName(TAB)!.getLastColumn();
    const block = rt.values(TAB, `A2:${letter(width)}16`);
    rt.setCellValues(TAB, 'A2', [...block].reverse()); // sorted by case ID, descending
    const found = overview(rt).signOffProblems;
    // Fifteen rows reversed: CS08 stays in row 9, the nine other signed-off cases move.
    expect(found.map((problem) => problem.kind)).toEqual(Array<string>(9).fill('signOffMoved'));
    expect(found.find((problem) => problem.message.startsWith('Case "CS01"'))?.message).toBe(`Case "CS01", signed off by Rita Reviewer on ${String(rt.sheetValues('Sign-off log')[1][5])} in row 2, is now in row 16 (the rows were sorted or moved): followed by its case ID.`);
    // CS11 (now row 6) signed off: the protection then covers the rows where the signed-off cases are now.
    rt.spreadsheet.getSheetByName(TAB)!.getRange('A6').activate();
    expect(rt.call<{ signedOff: number }>('runSignOff', { which: 'selection', reviewer: REVIEWER }).signedOff).toBe(1);
    expect(signOffProtections(rt).map((protection) => [protection.getRange().getRow(), protection.getRange().getLastRow()])).toEqual([[6, 16]]);
  });

  it('reopening a case is logged with its reason, its Status goes back to In progress and its row is no longer protected', () => {
    const report = rt.call<{ lines: string[] }>('runReopen', { caseTab: TAB, caseId: 'CS05', reason: 'The risk assessment was redone after review.', reviewer: REVIEWER });
    expect(report.lines[0]).toMatch(/^Case supervision: case "CS05" reopened by Rita Reviewer/);
    const last = rt.sheetValues('Sign-off log').filter((row) => row[0] !== '').pop()!;
    expect([last[1], last[2], last[3], last[4], last[6]]).toEqual(['CS05', 12, 'Reopened', REVIEWER, 'The risk assessment was redone after review.']);
    expect(rt.values(TAB, `${letter(column(rt, 'Status'))}12`)).toEqual([['In progress']]);
    expect(signOffProtections(rt).map((protection) => [protection.getRange().getRow(), protection.getRange().getLastRow()])).toEqual([[6, 11], [13, 16]]);
    expect(() => rt.call('runReopen', { caseTab: TAB, caseId: 'CS05', reason: 'again' })).toThrow('Case "CS05" of Case supervision is not signed off, so there is nothing to reopen.');
  });

  it('hostile: a log row edited by hand, a signed-off case ID gone, one on two rows — each a named problem; a 50,000-character answer refuses the sign-off', () => {
    const id = letter(column(rt, 'Case ID'));
    rt.setCellValues('Sign-off log', 'E3', [['Someone else']]); // CS02's reviewer changed on the log
    rt.setCellValues(TAB, `${id}16`, [['CS99']]); // CS01's row now has another ID
    rt.setCellValues(TAB, `${id}7`, [['CS09']]); // CS10's row takes CS09's ID
    const kinds = overview(rt).signOffProblems.map((problem) => [problem.tab, problem.cell, problem.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['Sign-off log', 'I3', 'signOffLog'],
        [TAB, `${id}8`, 'signOffDuplicate'],
        ['Sign-off log', 'B2', 'signOffVanished'],
      ]),
    );
    // Nothing lost: the log still holds every row written.
    expect(rt.sheetValues('Sign-off log').filter((row) => row[0] !== '')).toHaveLength(1 + 10 + 1 + 1);
    const kq = letter(column(rt, '2.2.1'));
    rt.setCellValues(TAB, `${kq}5`, [['x'.repeat(50000)]]); // CS12, In progress
    rt.spreadsheet.getSheetByName(TAB)!.getRange('A5').activate();
    const report = rt.call<{ lines: string[]; signedOff: number }>('runSignOff', { which: 'selection', reviewer: REVIEWER });
    expect(report.signedOff).toBe(0);
    expect(report.lines[1]).toMatch(/^Row 5: case "CS12": column "2\.2\.1 .*" holds "x{200}… \(50000 characters\)", not an answer\. Put it right before signing off\.$/);
  });
});

describe('acceptance › a workbook set up before sign-off', () => {
  it('gets the Status column at the end of its headers, with its dropdown; no case data is touched', () => {
    const rt = newWorkbook();
    typeCases(rt, TAB, cases());
    rt.spreadsheet.getSheetByName(TAB)!.deleteColumns(column(rt, 'Status'), 1);
    const before = rt.sheetValues(TAB);
    const report = rt.call<{ lines: string[] }>('runNewInspection');
    expect(report.lines).toContain('Case supervision: added 1 missing column (Status) after the existing ones; no case data was changed.');
    const after = rt.sheetValues(TAB);
    const last = before[0].filter((cell) => cell !== '').length + 1;
    expect(after[0][last - 1]).toBe('Status');
    expect(after.map((row) => row.slice(0, last - 1))).toEqual(before.map((row) => row.slice(0, last - 1)));
    expect(rt.workbook.format(TAB, `${letter(last)}2`).validation).toMatchObject({ values: [['In progress', 'Ready for review', 'Signed off'], true] });
  });
});

describe('acceptance › offline, `rate --json` reads the Status column and the Sign-off log as the add-on does', () => {
  it('lists a case changed after sign-off as a problem naming the cell, both answers, the reviewer and the time', async () => {
    const rt = newWorkbook();
    typeCases(rt, TAB, cases());
    rt.call('runSignOff', { which: 'ready', caseTab: TAB, reviewer: REVIEWER });
    const kq = letter(column(rt, '2.1.2'));
    rt.setCellValues(TAB, `${kq}11`, [['Yes']]); // CS10 signed off No
    const when = String(rt.sheetValues('Sign-off log')[10][5]);
    const folder = mkdtempSync(join(tmpdir(), 'sign-off-'));
    try {
      const file = join(folder, 'signed.xlsx');
      await writeXlsx(rt.workbook, file);
      const result = await runTool('rate.ts', [file, '--json']);
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout.trimEnd().split('\n').pop()!) as { problems: Array<{ tab: string; cell: string; message: string }> };
      expect(json.problems).toContainEqual({
        tab: TAB,
        cell: `${kq}11`,
        message: `Case "CS10", 2.1.2 (${kq}11): signed off as No, signed off by Rita Reviewer on ${when}; now Yes. Reopen the case from the sidebar (with a reason) to change a signed-off answer, or put No back.`,
      });
      expect(json.problems.filter((problem) => /sign/i.test(problem.message))).toHaveLength(1);
      // The preview's way: the file opened in the offline runtime, where the log has no developer metadata, read by its name and header.
      const opened = loadAddon({ spreadsheet: await readXlsxWorkbook(file) });
      opened.install();
      opened.call('runNewInspection');
      expect(opened.call<Overview>('getOverview').signOffProblems.map((problem) => problem.message)).toEqual([json.problems.find((problem) => problem.cell === `${kq}11`)!.message]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('sign-off › protections cost what changes', () => {
  it('each sign-off adds only its own rows\' protection and removes only the one a run outgrew; the earlier ones stay', () => {
    const rt = newWorkbook();
    typeCases(rt, TAB, cases());
    const sheet = rt.spreadsheet.getSheetByName(TAB)!;
    const signOff = (a1: string) => {
      sheet.getRange(a1).activate();
      rt.counter.reset();
      expect(rt.call<{ signedOff: number }>('runSignOff', { which: 'selection', reviewer: REVIEWER }).signedOff).toBeGreaterThan(0);
      return { protect: rt.counter.count('Range.protect'), remove: rt.counter.count('Protection.remove') };
    };
    const covered = () => signOffProtections(rt).map((protection) => [protection.getRange().getRow(), protection.getRange().getLastRow()]).sort((a, b) => a[0] - b[0]);
    expect(signOff('A2:A3')).toEqual({ protect: 1, remove: 0 });
    expect(signOff('A6')).toEqual({ protect: 1, remove: 0 });
    expect(signOff('A9:A10')).toEqual({ protect: 1, remove: 0 });
    expect(covered()).toEqual([[2, 3], [6, 6], [9, 10]]);
    // Row 4 joins rows 2–3: that run's protection is replaced by one over rows 2–4; rows 6 and 9–10 are left alone.
    expect(signOff('A4')).toEqual({ protect: 1, remove: 1 });
    expect(covered()).toEqual([[2, 4], [6, 6], [9, 10]]);
  });
});

describe('sign-off › Status in one write', () => {
  it('signing off Ready for review rows apart sets their Status with one call, and leaves the rows between alone', () => {
    const rt = newWorkbook();
    typeCases(rt, TAB, cases());
    const status = letter(column(rt, 'Status'));
    // Rows 2, 4, 6 and 7 ready (three runs); every other case in progress.
    const ready = new Set([2, 4, 6, 7]);
    rt.setCellValues(TAB, `${status}2`, Array.from({ length: 15 }, (_, index) => [ready.has(index + 2) ? 'Ready for review' : 'In progress']));
    rt.counter.reset();
    expect(rt.call<{ signedOff: number }>('runSignOff', { which: 'ready', caseTab: TAB, reviewer: REVIEWER }).signedOff).toBe(4);
    expect(rt.counter.count('RangeList.setValue')).toBe(1);
    expect(rt.values(TAB, `${status}2:${status}8`).map((row) => row[0])).toEqual(['Signed off', 'In progress', 'Signed off', 'In progress', 'Signed off', 'Signed off', 'In progress']);
  });
});

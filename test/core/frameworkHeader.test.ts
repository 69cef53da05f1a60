/**
 * docs/frameworks.md: the Framework tab and each case tab's `Framework:` header agree, or the
 * difference is a problem naming both; ids compare without leading zeros and a repeat is refused.
 * Expected headers and messages are written out here from the worked example's rows.
 */
import { SAFEGUARDING_AUDIT } from '../../examples/frameworks/safeguarding-audit';
import { markerDifferences, markerHeader, markerProblems } from '../../src/core/frameworkChoice';
import { keyQuestionsOf } from '../../src/core/framework';
import { parseFrameworkTab } from '../../src/core/frameworkTab';

const HEADER = 'Framework: safeguarding-audit; bands 60/75/90; key questions 2.1.1-2, 2.2.1-2, 2.3.1-2';
const audit = parseFrameworkTab(SAFEGUARDING_AUDIT).framework!;

/** The worked example with `edit` applied to a copy of its rows. */
function edited(edit: (rows: string[][]) => void): string[][] {
  const rows = SAFEGUARDING_AUDIT.map((row) => [...row]);
  edit(rows);
  return rows;
}

const rowOf = (rows: string[][], id: string) => rows.findIndex((row) => row[1] === id);

describe('Framework tab ids compare without leading zeros', () => {
  it('reads 2.1.02 as 2.1.2, so the header and the column agree', () => {
    const { framework, problems } = parseFrameworkTab(edited((rows) => (rows[rowOf(rows, '2.1.2')][1] = '2.1.02')));
    expect(problems).toEqual([]);
    expect(keyQuestionsOf(framework!).map((keyQuestion) => keyQuestion.id)).toContain('2.1.2');
    expect(markerHeader(framework!)).toBe(HEADER);
  });

  it('refuses 2.1.01 after 2.1.1, naming both cells', () => {
    // Rows: the 2.1.1 key question is sheet row 16 (8 rows of settings and headings, then 7 rows); the repeat goes in after 2.1.2, row 19.
    const rows = edited((all) => all.splice(rowOf(all, '2.1.2') + 1, 0, ['Key question', '2.1.01', 'Is it timely, again?']));
    expect(rowOf(rows, '2.1.1') + 1).toBe(16);
    const { framework, problems } = parseFrameworkTab(rows);
    expect(framework).toBeUndefined();
    expect(problems.map((problem) => problem.message)).toEqual([
      'Framework!B19: the id "2.1.01" (that is 2.1.1) is already used in B16: ids are compared without leading zeros, so give this key question its own id.',
    ]);
  });
});

describe('markerDifferences: a case tab header against the Framework tab', () => {
  it('finds none in the header New inspection writes', () => {
    expect(markerHeader(audit)).toBe(HEADER);
    expect(markerDifferences(HEADER, audit)).toEqual([]);
  });

  it('names changed bands, a key question added on the tab, and one listed twice by hand', () => {
    const changed = parseFrameworkTab(
      edited((rows) => {
        rows[rowOf(rows, '60/75/90')] = ['Band thresholds', '50/65/80'];
        rows.splice(rowOf(rows, '2.3.2') + 1, 0, ['Key question', '2.3.3', 'Is the child seen?']);
      }),
    ).framework!;
    expect(markerHeader(changed)).toBe('Framework: safeguarding-audit; bands 50/65/80; key questions 2.1.1-2, 2.2.1-2, 2.3.1-3');
    const handEdited = 'Framework: safeguarding-audit; bands 60/75/90; key questions 2.1.1-2, 2.2.1-2, 2.3.1-2, 2.1.1';
    expect(markerDifferences(handEdited, changed)).toEqual([
      "its bands are 60/75/90, the Framework tab's 50/65/80",
      'it lists key question 2.1.1 twice',
      'the Framework tab has key question 2.3.3, which it does not list',
    ]);
  });

  it('lists the difference as a problem at the header cell, naming the case tab, the Framework tab and the fix', () => {
    const header = ['Case ID', 'Auditor', 'Child protection plan', HEADER.replace('2.3.1-2', '2.3.1')];
    const [problem, ...more] = markerProblems([{ name: 'Audit cases', header }, { name: 'Other cases', header: ['Case ID', HEADER] }], audit);
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ tab: 'Audit cases', cell: 'D1', kind: 'framework' });
    expect(problem.message).toBe(
      'Audit cases!D1: the "Framework:" header differs from the Framework tab: the Framework tab has key question 2.3.2, which it does not list. ' +
        "The Ratings tab's formulas follow the header, the sidebar and the report the Framework tab, so they would disagree. " +
        'Run New inspection to write the header from the Framework tab again; no case data is changed.',
    );
  });
});

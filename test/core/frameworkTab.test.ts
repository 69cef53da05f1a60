import { SAFEGUARDING_AUDIT } from '../../examples/frameworks/safeguarding-audit';
import { Band } from '../../src/core/bands';
import { readCaseTable, rowsWhere } from '../../src/core/caseTable';
import { checkCaseTab } from '../../src/core/dataQuality';
import { Framework, standardsOf, validateFramework } from '../../src/core/framework';
import { FRAMEWORK_TAB_COLUMNS, frameworkTabName, frameworkTabValues, maximumScore, parseFrameworkTab } from '../../src/core/frameworkTab';
import { FRAMEWORKS } from '../../src/core/frameworks';
import { overallRating } from '../../src/core/overall';
import { rateStandard, requireRated } from '../../src/core/standards';
import { caseTabLayouts, leadJudgementStandards } from '../../src/core/workbook';

const AUDIT = SAFEGUARDING_AUDIT;

const parsed = (values: unknown[][]) => parseFrameworkTab(values);

describe('parseFrameworkTab (docs/frameworks.md)', () => {
  const { framework, problems } = parsed(AUDIT);

  it('reads the worked example into a valid framework', () => {
    expect(problems).toEqual([]);
    const audit = framework!;
    expect(validateFramework(audit)).toEqual([]);
    expect([audit.id, audit.name, audit.thresholds, audit.overall, audit.source]).toEqual([
      'safeguarding-audit', 'Safeguarding case audit 2025', [60, 75, 90], { rule: 'perStandard' }, { wording: 'published', note: 'Our quality team, March 2025' },
    ]);
    expect(standardsOf(audit).map((standard) => [standard.id, standard.kind, standard.keyQuestions.length])).toEqual([
      ['1.1', 'leadJudgement', 0], ['2.1', 'caseBased', 2], ['2.2', 'caseBased', 2], ['2.3', 'caseBased', 2],
    ]);
    expect(audit.caseTabs).toEqual([{ name: 'Audit cases', metadata: [
      { header: 'Case ID', note: '' }, { header: 'Auditor', note: '' }, { header: 'Child protection plan', values: ['Yes', 'No'], note: '' },
    ] }]);
    expect(standardsOf(audit)[2].keyQuestions[1].subSample).toEqual({ header: 'Child protection plan', equals: ['Yes'] });
    expect(maximumScore(audit)).toBe(12);
  });

  it('rates through core at its own thresholds and sub-sample', () => {
    const audit = framework!;
    const [layout] = caseTabLayouts(audit);
    expect(layout.headers).toEqual([
      'Case ID', 'Auditor', 'Child protection plan', 'Status', 'Framework: safeguarding-audit; bands 60/75/90; key questions 2.1.1-2, 2.2.1-2, 2.3.1-2',
      '2.1.1(a) Was it completed within ten working days?', '2.1.1 Is the assessment timely?', 'Evidence 2.1.1', '2.1.2 Does it analyse risks to the child?', 'Evidence 2.1.2',
      '2.2.1 Is there a plan?', 'Evidence 2.2.1', '2.2.2 Does the plan follow the child protection plan?', 'Evidence 2.2.2',
      '2.3.1 Is the plan reviewed?', 'Evidence 2.3.1', '2.3.2 Is the review recorded?', 'Evidence 2.3.2', 'Case summary',
    ]);
    // Twenty cases; Yes counts per key question (2.2.2 over the 8 with a child protection plan).
    const yes: Record<string, number> = { '2.1.1': 18, '2.1.2': 15, '2.2.1': 19, '2.2.2': 6, '2.3.1': 12, '2.3.2': 19 };
    const column = (id: string) => layout.headers.findIndex((header) => header.startsWith(`${id} `));
    const cases = Array.from({ length: 20 }, (_, index) => {
      const row: unknown[] = layout.headers.map(() => '');
      row[0] = `A${index + 1}`;
      row[2] = index < 8 ? 'Yes' : 'No';
      for (const [id, count] of Object.entries(yes)) {
        const outside = id === '2.2.2' && index >= 8;
        row[column(id)] = outside ? 'N/A' : index < count ? 'Yes' : 'No';
      }
      return row;
    });
    const table = readCaseTable([layout.headers, ...cases]);
    const ratings = layout.standards.map((standard) => requireRated(rateStandard(table, standard, rowsWhere(table), audit.thresholds)));
    // 2.1: 90% and 75% → lowest 75%, Good at 60/75/90 (it would be Good at 50/65/80 too, but 2.2 and 2.3 differ).
    // 2.2: 95% and 6/8 = 75% → Good (not Outstanding); 2.3: 60% and 95% → Requires improvement (Good at 50/65/80 is 65+).
    expect(ratings.map((result) => [result.standard.id, result.lowest.percent, result.rating])).toEqual([
      ['2.1', 75, 'Good'], ['2.2', 75, 'Good'], ['2.3', 60, 'Requires improvement'],
    ]);
    expect(requireRated(rateStandard(table, layout.standards[2], rowsWhere(table))).rating).toBe('Requires improvement');
    const lowered = readCaseTable([layout.headers, ...cases.map((row, index) => (index === 11 ? row.map((cell, at) => (at === column('2.3.1') ? 'No' : cell)) : row))]);
    expect(requireRated(rateStandard(lowered, layout.standards[2], rowsWhere(lowered), audit.thresholds)).rating).toBe('Inadequate'); // 55%: below 60
    expect(requireRated(rateStandard(lowered, layout.standards[2], rowsWhere(lowered))).rating).toBe('Requires improvement'); // at 50/65/80

    const all: Band[] = [...ratings.map((result) => result.rating), 'Good'];
    expect(overallRating(all, audit.overall, 4)).toBe('Good'); // 7 of 12: above 3n/2 = 6
    expect(leadJudgementStandards(audit).map((standard) => standard.id)).toEqual(['1.1']);

    cases[10][column('2.2.2')] = 'Yes';
    const outside = checkCaseTab(layout.name, readCaseTable([layout.headers, ...cases]), audit).problems.filter((problem) => problem.kind === 'notApplicableExpected');
    expect(outside.map((problem) => problem.cell)).toEqual(['M12']);
  });

  it.each(FRAMEWORKS.map((builtIn) => [builtIn.id, builtIn] as const))('writes %s as a Framework tab, under a new id, that reads back the same', (_, builtIn) => {
    const values = frameworkTabValues(builtIn);
    expect(values[7]).toEqual([...FRAMEWORK_TAB_COLUMNS]);
    expect(values[0]).toEqual(['Id', `${builtIn.id}-own`, ...Array(9).fill('')]);
    const back = parsed(values);
    expect(back.problems).toEqual([]);
    expect(back.framework).toEqual({ ...builtIn, id: `${builtIn.id}-own` });
  });
});

describe('parseFrameworkTab problems name their cell', () => {
  /** The worked example with one change: the row starting with `match` replaced (or a row added when absent). */
  const edited = (match: string[], replacement: string[] | undefined): string[][] => {
    const index = AUDIT.findIndex((row) => match.every((cell, at) => row[at] === cell));
    if (index < 0) return [...AUDIT, replacement!];
    return replacement ? AUDIT.map((row, at) => (at === index ? replacement : row)) : AUDIT.filter((_, at) => at !== index);
  };

  it.each<[string, string[][], string, string]>([
    // The tab's own layout.
    ['no item header row', AUDIT.filter((row) => row[0] !== 'Type'), 'A1', 'there is no row of item columns'],
    ['an unknown setting', edited(['Source'], ['Sauce', 'x']), 'A6', '"Sauce" is not a setting.'],
    ['a setting twice', edited(['Source'], ['Name', 'x']), 'A6', 'the setting "Name" is given twice.'],
    ['an unknown item column', edited(['Type'], [...AUDIT[7], 'Colour']), 'J8', '"Colour" is not an item column.'],
    ['no Id column', edited(['Type'], ['Type', 'Text']), 'C8', 'the item columns need a column headed "Id".'],
    ['unreadable thresholds', edited(['Band thresholds'], ['Band thresholds', '60%, 75%']), 'B3', 'band thresholds "60%, 75%" should be three whole percentages'],
    ['unreadable overall bands', edited(['Overall bands'], ['Overall bands', 'n-rule']), 'B4', 'overall bands "n-rule" should be "Per standard"'],
    ['unreadable wording', edited(['Wording'], ['Wording', 'Draft']), 'B5', 'wording "Draft" should be Published or Provisional.'],
    ['an unknown item type', edited(['Prompt', '2.1.1(a)'], ['Promt', '2.1.1(a)', 'Within ten days?']), 'A17', '"Promt" is not an item type.'],
    ['an item with no id', edited(['Standard', '1.1'], ['Standard', '', 'Oversight', '', 'Judgement']), 'B13', 'a standard needs an id.'],
    ['a standard before any domain', [...AUDIT.slice(0, 8), ['Standard', '0.1', 'Early'], ...AUDIT.slice(8)], 'A9', 'this standard comes before any domain'],
    ['a key question before any standard', [...AUDIT.slice(0, 12), ['Key question', '1.0.1', 'Early?'], ...AUDIT.slice(12)], 'A13', 'this key question comes before any standard'],
    ['a prompt before any key question', [...AUDIT.slice(0, 15), ['Prompt', '2.1.0(a)', 'Early?'], ...AUDIT.slice(15)], 'A16', 'this prompt comes before any key question'],
    ['a metadata row with no header', edited(['Metadata', '', 'Auditor'], ['Metadata', '', '', 'Audit cases']), 'C10', 'a metadata row needs the column header in Text.'],
    ['Counts not Yes or No', edited(['Standard', '2.3'], ['Standard', '2.3', 'Review', 'Audit cases', 'Cases', 'Sometimes']), 'F22', '"Sometimes" should be Yes or No.'],
    ['an unknown Rated from', edited(['Standard', '2.3'], ['Standard', '2.3', 'Review', 'Audit cases', 'Panel']), 'E22', 'rated from "Panel" should be Cases or Judgement.'],
    ['an unreadable Applies when', edited(['Key question', '2.2.2'], ['Key question', '2.2.2', 'Follows?', '', '', '', 'No', 'Child protection plan']), 'H21', 'should name a metadata column and its value'],
    // The schema's rules, found by validation and pointed at the item's cell.
    ['a duplicate id', edited(['Key question', '2.3.2'], ['Key question', '2.3.1', 'Is the review recorded?']), 'B24', 'Key question "2.3.1": this id is used twice.'],
    ['a key question under the wrong standard', edited(['Key question', '2.3.2'], ['Key question', '2.4.2', 'Is the review recorded?']), 'B24', 'Key question "2.4.2" is under standard 2.3'],
    ['a prompt under the wrong key question', edited(['Prompt', '2.1.1(a)'], ['Prompt', '2.1.2(a)', 'Within ten days?']), 'B17', 'Prompt "2.1.2(a)" is under key question 2.1.1'],
    ['a key question with no wording', edited(['Key question', '2.3.2'], ['Key question', '2.3.2', '']), 'C24', 'Key question "2.3.2" has no wording.'],
    ['a case-based standard with no key questions', edited(['Standard', '1.1'], ['Standard', '1.1', 'Oversight', 'Audit cases', 'Cases']), 'E13', 'Standard "1.1" is rated from cases but has no key question counted from cases.'],
    ['a case-based standard with no case tab', edited(['Standard', '2.3'], ['Standard', '2.3', 'Review', '', 'Cases']), 'D22', 'Standard "2.3" is rated from cases but names no case tab.'],
    ['a sub-sample on an unknown column', edited(['Key question', '2.2.2'], ['Key question', '2.2.2', 'Follows?', '', '', '', 'No', 'Plan = Yes']), 'H21', 'has no metadata column "Plan"'],
    ['a sub-sample on an unknown value', edited(['Key question', '2.2.2'], ['Key question', '2.2.2', 'Follows?', '', '', '', 'No', 'Child protection plan = Y']), 'H21', '"Child protection plan" allows only Yes, No (not Y).'],
    ['a metadata column twice', edited(['Metadata', '', 'Auditor'], ['Metadata', '', 'Case ID', 'Audit cases']), 'C9', 'Case tab "Audit cases" has the metadata column "Case ID" twice.'],
    ['thresholds not increasing', edited(['Band thresholds'], ['Band thresholds', '75/60/90']), 'B3', 'The band thresholds 75/60/90 must be three whole percentages from 1 to 100, each above the one before'],
    ['overall bands beyond the maximum', edited(['Overall bands'], ['Overall bands', '4/8/13']), 'B4', 'from 1 to the maximum 12'],
    ['no counted standard', AUDIT.map((row) => (row[0] === 'Standard' ? [...row.slice(0, 5), 'No'] : row)), 'B4', 'No standard counts towards the overall score.'],
    ['no id', edited(['Id'], ['Id', '']), 'B1', 'The framework has no id.'],
  ])('%s', (_, values, cell, message) => {
    const { framework, problems } = parsed(values);
    expect(framework).toBeUndefined();
    expect(problems.map((problem) => problem.cell)).toEqual([cell]);
    expect(problems[0].message).toContain(message);
    expect(problems[0].message.startsWith(`Framework!${cell}: `)).toBe(true);
  });
});

/** Keeps the example honest: it is the one the README documents. */
describe('the worked example', () => {
  it('has the three standards of two key questions and one judgement standard the README describes', () => {
    const audit = parsed(AUDIT).framework as Framework;
    const caseBased = standardsOf(audit).filter((standard) => standard.kind === 'caseBased');
    expect(caseBased.map((standard) => standard.keyQuestions.length)).toEqual([2, 2, 2]);
    expect(leadJudgementStandards(audit)).toHaveLength(1);
  });
});

describe('parseFrameworkTab › what a workbook can take (R13, Sheets\' limits), refused with the reason', () => {
  const withRow = (match: (row: unknown[]) => boolean, replace: (row: unknown[]) => unknown[]) => AUDIT.map((row) => (match(row) ? replace(row) : row));
  const renameCaseTab = (name: string) => AUDIT.map((row) => row.map((cell, at) => (at === 3 && cell === 'Audit cases' ? name : cell)));
  const messages = (values: unknown[][]) => parsed(values).problems.map((problem) => problem.message);

  it.each(FRAMEWORKS.map((builtIn) => builtIn.id))('refuses the built-in id %s: choose another', (id) => {
    expect(messages(withRow((row) => row[0] === 'Id', () => ['Id', id]))).toEqual([`Framework!B1: the id "${id}" is a built-in framework's; choose another id (e.g. "${id}-own"), so every case tab's "Framework:" header says which of the two it follows.`]);
  });

  it('a date Sheets made of a typed id or thresholds is quoted as the sheet shows it, with the fix', () => {
    const dated = withRow((row) => row[0] === 'Standard' && row[1] === '2.1', (row) => [row[0], new Date(2001, 0, 2), ...row.slice(2)]);
    expect(messages(dated)).toEqual(["Framework!B15: Sheets turned what was typed here into the date 2001-01-02. Type it as text, with an apostrophe first (e.g. '2.1 or '60/75/90), so it stays as written."]);
    const thresholds = withRow((row) => row[0] === 'Band thresholds', () => ['Band thresholds', new Date(2090, 5, 7)]);
    expect(messages(thresholds)[0]).toMatch(/^Framework!B3: Sheets turned what was typed here into the date 2090-06-07\. Type it as text/);
    expect(messages(thresholds).join(' ')).not.toMatch(/GMT|00:00:00/);
  });

  it.each<[string, string, RegExp]>([
    ["an add-on tab's name", 'ratings', /Framework!D\d+: the case tab "ratings" would take the name of the add-on's Ratings tab; choose another name\./],
    ['a name over 97 characters', 'x'.repeat(101), /the case tab name "x{101}" is longer than 97 characters \(Sheets allows 100 a tab name, and its QA tab adds "QA "\); shorten it\./],
  ])('refuses a case tab with %s', (_, name, message) => {
    const found = messages(renameCaseTab(name));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('refuses two case tabs that differ only in capitals', () => {
    const values = AUDIT.map((row) => (row[0] === 'Standard' && row[1] === '2.3' ? ['Standard', '2.3', 'Review', 'Audit Cases', 'Cases', 'Yes'] : row));
    expect(messages(values)).toEqual(['Framework!D22: the case tabs "Audit Cases" and "Audit cases" differ only in capitals, and Sheets takes them for one name; choose one spelling.']);
  });

  it('refuses 1,000 standards before New inspection lays anything out', () => {
    const many = Array.from({ length: 1000 }, (_, index) => [['Standard', `2.${index + 1}`, `S${index + 1}`, 'Audit cases', 'Cases', 'Yes'], ['Key question', `2.${index + 1}.1`, 'Q?']]).flat();
    const values = [...AUDIT.slice(0, 14), ...many];
    expect(messages(values)).toEqual(['Framework!B1: the framework has 1001 standards, more than the 100 one workbook can rate (each is a formula over its whole case tab, recalculated on every edit): split it into smaller frameworks, one workbook each.']);
  });

  it('quotes a 60,000-character id or setting capped, invisible characters by code point', () => {
    const long = messages(withRow((row) => row[0] === 'Source', () => [`Sauce${'x'.repeat(60000)}`, '']));
    expect(long[0].length).toBeLessThan(400);
    expect(long[0]).toMatch(/… \(60005 characters\)" is not a setting/);
    expect(messages(withRow((row) => row[0] === 'Type', (row) => [...row, 'Col\u200Bour']))[0]).toContain('"Col[U+200B]our" is not an item column.');
  });
});

describe('frameworkTabName: the Framework tab in any capitals, one rule for the add-on and the tools', () => {
  it('finds "framework" or "FRAMEWORK " and nothing else', () => {
    expect(frameworkTabName(['Case supervision', 'framework'])).toBe('framework');
    expect(frameworkTabName(['FRAMEWORK '])).toBe('FRAMEWORK ');
    expect(frameworkTabName(['Frameworks', 'My framework'])).toBeUndefined();
  });
});

import { checkedFramework, Framework, inSubSample, validateFramework } from '../../src/core/framework';

/** A small valid framework; each test breaks one rule of the schema on a copy. */
function audit(): Framework {
  return {
    id: 'audit',
    name: 'Audit',
    source: { wording: 'provisional', note: 'Made up for tests.' },
    thresholds: [60, 75, 90],
    overall: { rule: 'perStandard' },
    caseTabs: [{ name: 'Cases', metadata: [{ header: 'Case ID', note: '' }, { header: 'Harm factors present', values: ['Yes', 'No'], note: '' }] }],
    domains: [
      { id: '1', name: 'Leadership', standards: [{ id: '1.1', name: 'Leadership', statement: '', kind: 'leadJudgement', counts: true, keyQuestions: [] }] },
      {
        id: '2',
        name: 'Cases',
        standards: [
          {
            id: '2.1',
            name: 'Assessment',
            statement: '',
            kind: 'caseBased',
            caseTab: 'Cases',
            counts: true,
            keyQuestions: [
              { id: '2.1.1', text: 'Is assessment good?', qualitative: false, prompts: [{ id: '2.1.1(a)', text: 'Is it timely?' }] },
              { id: '2.1.2', text: 'Is safety assessed?', qualitative: false, subSample: { header: 'Harm factors present', equals: ['Yes'] }, prompts: [] },
            ],
          },
        ],
      },
    ],
  };
}

const caseBased = (framework: Framework) => framework.domains[1].standards[0];
const messagesOf = (framework: Framework) => validateFramework(framework).map((problem) => `${problem.item ?? '(settings)'} [${problem.field}] ${problem.message}`);

describe('validateFramework (docs/frameworks.md)', () => {
  it('accepts a valid framework', () => {
    expect(validateFramework(audit())).toEqual([]);
    expect(checkedFramework(audit()).id).toBe('audit');
  });

  it.each<[string, (framework: Framework) => void, string]>([
    ['no id', (f) => (f.id = ' '), '(settings) [id] The framework has no id.'],
    ['no name', (f) => (f.name = ''), '(settings) [name] The framework has no name.'],
    ['thresholds not increasing', (f) => (f.thresholds = [60, 60, 90]), '(settings) [thresholds] The band thresholds 60/60/90 must be three whole percentages from 1 to 100, each above the one before (e.g. 50/65/80).'],
    ['a threshold above 100', (f) => (f.thresholds = [60, 75, 101]), '(settings) [thresholds] The band thresholds 60/75/101'],
    ['overall bands above the maximum', (f) => (f.overall = { rule: 'scores', minimums: [2, 4, 7] }), '(settings) [overall] The overall bands start at 2/4/7: they must be three whole scores from 1 to the maximum 6'],
    ['no counted standard', (f) => f.domains.forEach((domain) => domain.standards.forEach((standard) => (standard.counts = false))), '(settings) [overall] No standard counts towards the overall score.'],
    ['a case tab twice', (f) => f.caseTabs.push({ ...f.caseTabs[0] }), 'Cases [caseTab] Case tab "Cases" is defined twice.'],
    ['a metadata column twice', (f) => f.caseTabs[0].metadata.push({ header: 'case id', note: '' }), 'Cases [header] Case tab "Cases" has the metadata column "case id" twice.'],
    ['a metadata column with no header', (f) => f.caseTabs[0].metadata.push({ header: ' ', note: '' }), 'Cases [header] Case tab "Cases" has a metadata column with no header.'],
    ['a metadata header read as a question', (f) => f.caseTabs[0].metadata.push({ header: '2.1.1 Notes', note: '' }), 'Cases [header] Case tab "Cases": metadata column "2.1.1 Notes" starts like a question id'],
    ['a metadata column with an empty list of values', (f) => f.caseTabs[0].metadata.push({ header: 'Gender', values: [], note: '' }), 'Cases [values] Case tab "Cases": metadata column "Gender" lists no allowed values'],
    ['a bad domain id', (f) => (f.domains[0].id = 'one'), 'one [id] Domain "one": a domain id is a whole number, e.g. "2".'],
    ['a domain with no standards', (f) => f.domains.push({ id: '3', name: 'Empty', standards: [] }), '3 [id] Domain "3" has no standards.'],
    ['a duplicate id', (f) => (f.domains[0].standards[0].id = '2.1'), '2.1 [id] Standard "2.1": this id is used twice.'],
    ['a bad standard id', (f) => (f.domains[0].standards[0].id = '1.a'), '1.a [id] Standard "1.a": a standard id is two numbers with a dot, e.g. "2.1".'],
    ['a standard with no name', (f) => (f.domains[0].standards[0].name = ''), '1.1 [name] Standard "1.1" has no name.'],
    ['a case-based standard with no case tab', (f) => delete caseBased(f).caseTab, '2.1 [caseTab] Standard "2.1" is rated from cases but names no case tab.'],
    ['an unknown case tab', (f) => (caseBased(f).caseTab = 'Case'), '2.1 [caseTab] Standard "2.1" names the case tab "Case", which is not defined.'],
    ['a case-based standard with no counted key question', (f) => caseBased(f).keyQuestions.forEach((keyQuestion) => (keyQuestion.qualitative = true)), '2.1 [kind] Standard "2.1" is rated from cases but has no key question counted from cases.'],
    ['a key question id not under its standard', (f) => (caseBased(f).keyQuestions[1].id = '2.2.2'), '2.2.2 [id] Key question "2.2.2" is under standard 2.1, so its id must be "2.1." and a number.'],
    ['a key question with no wording', (f) => (caseBased(f).keyQuestions[0].text = ' '), '2.1.1 [text] Key question "2.1.1" has no wording.'],
    ['a prompt id not under its key question', (f) => (caseBased(f).keyQuestions[0].prompts[0].id = '2.1.2(a)'), '2.1.2(a) [id] Prompt "2.1.2(a)" is under key question 2.1.1, so its id must be "2.1.1" and a letter or s1, s2… in brackets, e.g. "2.1.1(a)".'],
    ['a prompt with no wording', (f) => (caseBased(f).keyQuestions[0].prompts[0].text = ''), '2.1.1(a) [text] Prompt "2.1.1(a)" has no wording.'],
    ['a sub-sample on an unknown column', (f) => (caseBased(f).keyQuestions[1].subSample = { header: 'Harm', equals: ['Yes'] }), '2.1.2 [subSample] "2.1.2" applies when "Harm" is Yes, but case tab "Cases" (of standard 2.1) has no metadata column "Harm".'],
    ['a sub-sample on an unknown value', (f) => (caseBased(f).keyQuestions[1].subSample = { header: 'Harm factors present', equals: ['Y', 'Yes'] }), '2.1.2 [subSample] "2.1.2" applies when "Harm factors present" is Y or Yes, but "Harm factors present" allows only Yes, No (not Y).'],
    ['a sub-sample with no values', (f) => (caseBased(f).keyQuestions[0].prompts[0].subSample = { header: 'Harm factors present', equals: [] }), '2.1.1(a) [subSample] "2.1.1(a)" applies when "Harm factors present" has one of no values; give at least one.'],
  ])('names the item and the problem: %s', (_, breakIt, expected) => {
    const framework = audit();
    breakIt(framework);
    const messages = messagesOf(framework);
    expect(messages).toHaveLength(1);
    expect(messages[0].startsWith(expected)).toBe(true);
    expect(() => checkedFramework(framework)).toThrow(`The framework "${framework.id}" cannot be used:`);
  });
});

describe('inSubSample', () => {
  const harm = { header: 'Harm factors present', equals: ['Yes'] };
  it('matches case-insensitively, reads booleans as Yes/No and leaves blanks undecided', () => {
    expect([' yes ', 'No', true, false, '', null].map((cell) => inSubSample(harm, cell))).toEqual([true, false, true, false, undefined, undefined]);
    expect(inSubSample({ header: 'Sentence type', equals: ['Licence', 'Custody'] }, 'custody')).toBe(true);
  });
});

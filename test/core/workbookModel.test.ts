import { SAFEGUARDING_AUDIT } from '../../examples/frameworks/safeguarding-audit';
import { chooseFramework, findCaseTabs, readWorkbookModel, valuesReader } from '../../src/core/workbookModel';

/** Header rows typed by hand, as docs/user-guide.md lays them out: ids then wording. */
const CASE_SUPERVISION = ['Case ID', '2.1.1 Does assessment focus on engagement?', '2.1.2 Does assessment focus on desistance?', '2.1.3 Does assessment focus on keeping people safe?'];
const UNPAID_WORK = ['Case ID', '4.1.1 Is the individual engaged?', '4.1.2 Does unpaid work support desistance?', '4.1.4 Is it delivered safely?'];
const COURT = ['Case ID', '2.1.1 Does assessment focus on engagement?', '2.1.2 Does assessment focus on desistance?'];

const reader = (tabs: Record<string, unknown[][]>, roles: Record<string, string> = {}) => valuesReader(new Map(Object.entries(tabs)), new Map(Object.entries(roles)));
const marked = (header: string[], id: string) => [[...header, `Framework: ${id}`]];

describe('core › workbookModel › chooseFramework (one rule for the add-on and the tools)', () => {
  it('takes the Framework: header of the case tabs', () => {
    expect(chooseFramework(reader({ 'Court disposals': marked(COURT, 'yj-2021') }))).toMatchObject({ framework: { id: 'yj-2021' }, decidedBy: 'marker' });
  });

  it('refuses case tabs whose headers name different frameworks, naming the tabs', () => {
    expect(() => chooseFramework(reader({ 'Case supervision': marked(CASE_SUPERVISION, 'crc-2018'), 'Court disposals': marked(COURT, 'yj-2018') }))).toThrow(
      'The case tabs follow different frameworks (Case supervision follows crc-2018; Court disposals follows yj-2018).',
    );
  });

  it("ignores a QA tab's header and the add-on's other tabs", () => {
    const tabs = { 'QA Case supervision': marked(CASE_SUPERVISION, 'yj-2018'), Ratings: marked(['Standard'], 'yj-2018'), 'Case supervision': [CASE_SUPERVISION] };
    expect(chooseFramework(reader(tabs, { Ratings: 'ratings' }))).toMatchObject({ framework: { id: 'crc-2018' }, decidedBy: 'caseTabs' });
  });

  it("without a header, the Framework tab's framework", () => {
    expect(chooseFramework(reader({ Framework: SAFEGUARDING_AUDIT, 'Case supervision': [CASE_SUPERVISION] }))).toMatchObject({ framework: { id: 'safeguarding-audit' }, decidedBy: 'frameworkTab', fromFrameworkTab: true });
  });

  it('without either, the built-in whose case tabs are there by name; else the default, CRC 2018', () => {
    expect(chooseFramework(reader({ 'Court disposals': [COURT], 'Out-of-court disposals': [COURT] }))).toMatchObject({ framework: { id: 'yj-2018' }, decidedBy: 'caseTabs' });
    expect(chooseFramework(reader({ Budget: [['Item', 'Cost']] }))).toMatchObject({ framework: { id: 'crc-2018' }, decidedBy: 'default' });
  });

  it('a header naming a framework that is neither built in nor on a Framework tab is an error listing the known ones', () => {
    expect(() => chooseFramework(reader({ 'Case supervision': marked(CASE_SUPERVISION, 'crc-2019') }))).toThrow(/"crc-2019", which is not built in and has no Framework tab here\. Known frameworks: crc-2018, yj-2018, yj-2021\./);
  });
});

describe('core › workbookModel › findCaseTabs', () => {
  it('finds a case tab by its name, or renamed by every key-question column of its layout, in framework order', () => {
    const model = readWorkbookModel(reader({ 'Unpaid work': [UNPAID_WORK], 'Assessment 2019': [CASE_SUPERVISION.concat(['2.2.1 Planning?'])] }));
    // Case supervision's layout has many more key questions than 2.1.x: a renamed tab must have them all, so this one is not it.
    expect(model.caseTabs.map((found) => [found.layout.name, found.tab])).toEqual([['Unpaid work', 'Unpaid work']]);
  });

  it('refuses two tabs that fit one layout, naming both', () => {
    expect(() => findCaseTabs(reader({ 'Case supervision': [CASE_SUPERVISION], 'Copy of Unpaid work': [UNPAID_WORK.concat(['4.1.3 Quality?'])], 'Unpaid work': [UNPAID_WORK] }), chooseFramework(reader({})).framework)).toThrow(
      /The tabs "Copy of Unpaid work" and "Unpaid work" both hold the key-question columns of Unpaid work/,
    );
  });

  it("keeps a case tab the add-on marked even with its header cleared, and never takes a QA tab", () => {
    const tabs = reader({ 'QA Unpaid work': [['Case ID', 'Inspector', ...UNPAID_WORK.slice(1), '4.1.3 Quality?']], 'Case supervision': [[]] }, { 'Case supervision': 'case', 'QA Unpaid work': 'qa' });
    expect(readWorkbookModel(tabs).caseTabs.map((found) => found.tab)).toEqual(['Case supervision']);
  });

  it("refuses another framework's case tab rather than leave its cases out", () => {
    expect(() => readWorkbookModel(reader({ 'Case supervision': marked(CASE_SUPERVISION, 'crc-2018'), 'Court disposals': [COURT] }))).toThrow(
      /The tab "Court disposals" holds Youth justice inspection standards 2018 \(yj-2018\) cases, but this workbook follows .*\(crc-2018\)/,
    );
  });
});

/**
 * HM Inspectorate of Probation youth justice inspection frameworks, as data (docs/frameworks.md): 2018
 * (twelve standards, overall out of 36) and from 2021 (a thirteenth, resettlement, rated but not
 * counted).
 *
 * Standard ids, names, how each is rated and the overall bands (0–6 / 7–18 / 19–30 / 31–36, the
 * R9 rule for twelve) are as the programme publishes them. The statements, key questions and
 * prompts are NOT from a published source available to this project: they follow the programme's
 * usual pattern (desistance; safety and wellbeing; keeping other people safe, the last for cases
 * with risk-of-harm factors) in provisional wording, marked as such, for a lead inspector to
 * correct in a Framework tab.
 */
import { DEFAULT_THRESHOLDS } from '../bands';
import { CASE_ID_AND_INSPECTOR, RISK_OF_HARM_COLUMNS } from '../framework';
import type { CaseTab, Domain, Framework, KeyQuestion, MetadataColumn, Standard, SubSampleRule } from '../framework';

const PROVISIONAL_NOTE =
  'Standards, their ratings and the overall bands are as published; statements, key questions and prompts are provisional wording, not from a published source: correct them in a Framework tab.';

/** R2: keeping other people safe is asked of cases with risk-of-harm factors only. */
export const YOUTH_HARM_FACTORS: SubSampleRule = { header: 'Harm factors present', equals: ['Yes'] };

const COMMON_METADATA: MetadataColumn[] = [
  ...CASE_ID_AND_INSPECTOR,
  { header: 'Gender', values: ['Male', 'Female'], note: 'For sub-sample splits.' },
  { header: 'Safety and wellbeing level', values: ['Low', 'Medium', 'High', 'Very high'], note: "The child's safety and wellbeing classification at the start of the period inspected." },
  ...RISK_OF_HARM_COLUMNS,
];

const caseTab = (name: string, disposal: MetadataColumn): CaseTab => ({ name, metadata: [...COMMON_METADATA.slice(0, 2), disposal, ...COMMON_METADATA.slice(2)] });

const COURT = caseTab('Court disposals', { header: 'Disposal type', values: ['Referral order', 'Youth rehabilitation order', 'Custodial sentence'], note: 'The court disposal inspected.' });
const OUT_OF_COURT = caseTab('Out-of-court disposals', { header: 'Disposal type', values: ['Youth caution', 'Youth conditional caution', 'Community resolution'], note: 'The out-of-court disposal inspected.' });
const RESETTLEMENT = caseTab('Resettlement', { header: 'Disposal type', values: ['Detention and training order', 'Section 250 sentence', 'Other custodial sentence'], note: 'The custodial sentence the child is resettled from.' });

/** What a case-based standard's three key questions look at, in the programme's order. */
interface Focus {
  /** "Does assessment sufficiently analyse how to …", completed by each aim. */
  stem: string;
  prompts: [string, string];
}

/** The three aims of every case-based youth standard; the last only for cases with harm factors. */
const AIMS = [
  { aim: "support the child's desistance", prompts: ['strengths and protective factors', 'the views of the child and their parents or carers'] },
  { aim: 'keep the child safe', prompts: ["risks to the child's safety and wellbeing", 'information from other agencies'] },
  { aim: 'keep other people safe', prompts: ['risks of harm to others, including to specific victims', 'the needs and wishes of victims'], subSample: YOUTH_HARM_FACTORS },
];

function keyQuestions(standardId: string, focus: Focus): KeyQuestion[] {
  return AIMS.map((aim, index) => {
    const id = `${standardId}.${index + 1}`;
    return {
      id,
      text: `${focus.stem} ${aim.aim}?`,
      qualitative: false,
      wording: 'provisional',
      ...(aim.subSample ? { subSample: aim.subSample } : {}),
      prompts: aim.prompts.map((subject, letter) => ({
        id: `${id}(${'ab'[letter]})`,
        text: `${focus.prompts[letter]} ${subject}?`,
        wording: 'provisional',
        ...(aim.subSample ? { subSample: aim.subSample } : {}),
      })),
    };
  });
}

function fromCases(id: string, name: string, tab: CaseTab, focus: Focus, counts = true): Standard {
  return { id, name, statement: `${name} is well informed, personalised and coordinated, and supports the child and the safety of others.`, kind: 'caseBased', caseTab: tab.name, counts, keyQuestions: keyQuestions(id, focus) };
}

function byJudgement(id: string, name: string, statement: string): Standard {
  return { id, name, statement, kind: 'leadJudgement', counts: true, keyQuestions: [] };
}

const ASSESSMENT: Focus = { stem: 'Does assessment sufficiently analyse how to', prompts: ['Does it consider', 'Does it draw on'] };
const PLANNING: Focus = { stem: 'Does planning focus sufficiently on how to', prompts: ['Does it set out actions on', 'Does it take account of'] };
const DELIVERY: Focus = { stem: 'Does the delivery of services effectively', prompts: ['Do services address', 'Is delivery informed by'] };
const REVIEWING: Focus = { stem: 'Does reviewing focus sufficiently on how to', prompts: ['Does it revisit', 'Does it take account of'] };
const JOINT_WORKING: Focus = { stem: 'Does joint working with partner agencies', prompts: ['Do partners share an understanding of', 'Do partners take account of'] };
const RESETTLEMENT_WORK: Focus = { stem: 'Does resettlement work sufficiently', prompts: ['Does it address', 'Does it take account of'] };

const ORGANISATIONAL_DELIVERY: Domain = {
  id: '1',
  name: 'Organisational delivery',
  standards: [
    byJudgement('1.1', 'Governance and leadership', 'The governance and leadership of the youth justice service support a high-quality, personalised and responsive service for all children.'),
    byJudgement('1.2', 'Staff', 'Staff are empowered to deliver a high-quality, personalised and responsive service for all children.'),
    byJudgement('1.3', 'Partnerships and services', 'A comprehensive range of high-quality services is in place, enabling personalised and responsive provision for all children.'),
    byJudgement('1.4', 'Information and facilities', 'Timely and relevant information is available and appropriate facilities are in place to support a high-quality, personalised and responsive approach for all children.'),
  ],
};

const COURT_DISPOSALS: Domain = {
  id: '2',
  name: 'Court disposals',
  standards: [
    fromCases('2.1', 'Assessment', COURT, ASSESSMENT),
    fromCases('2.2', 'Planning', COURT, PLANNING),
    fromCases('2.3', 'Implementation and delivery', COURT, DELIVERY),
    fromCases('2.4', 'Reviewing', COURT, REVIEWING),
  ],
};

/**
 * docs/frameworks.md: whether 3.4 is rated from cases or by judgement is not verified; it names its case tab
 * and has key questions, so changing `kind` to 'caseBased' is the one edit needed.
 */
function outOfCourtDisposals(name34: string): Domain {
  return {
    id: '3',
    name: 'Out-of-court disposals',
    standards: [
      fromCases('3.1', 'Assessment', OUT_OF_COURT, ASSESSMENT),
      fromCases('3.2', 'Planning', OUT_OF_COURT, PLANNING),
      fromCases('3.3', 'Implementation and delivery', OUT_OF_COURT, DELIVERY),
      { ...fromCases('3.4', name34, OUT_OF_COURT, JOINT_WORKING), kind: 'leadJudgement' },
    ],
  };
}

export const YJ_2018: Framework = {
  id: 'yj-2018',
  name: 'Youth justice inspection standards 2018',
  source: { wording: 'provisional', note: PROVISIONAL_NOTE },
  domains: [ORGANISATIONAL_DELIVERY, COURT_DISPOSALS, outOfCourtDisposals('Joint working')],
  caseTabs: [COURT, OUT_OF_COURT],
  thresholds: DEFAULT_THRESHOLDS,
  overall: { rule: 'perStandard' },
};

/** From 2021: resettlement is rated from its own cases but does not count; `Not rated` where there are none (R12). */
export const YJ_2021: Framework = {
  id: 'yj-2021',
  name: 'Youth justice inspection standards 2021',
  source: { wording: 'provisional', note: PROVISIONAL_NOTE },
  domains: [
    ORGANISATIONAL_DELIVERY,
    COURT_DISPOSALS,
    outOfCourtDisposals('Out-of-court disposal policy and provision'),
    { id: '4', name: 'Resettlement', standards: [fromCases('4.1', 'Resettlement', RESETTLEMENT, RESETTLEMENT_WORK, false)] },
  ],
  caseTabs: [COURT, OUT_OF_COURT, RESETTLEMENT],
  thresholds: DEFAULT_THRESHOLDS,
  overall: { rule: 'perStandard' },
};

/**
 * HM Inspectorate of Probation standards framework (2018) for Community Rehabilitation
 * Companies, as data (docs/frameworks.md).
 *
 * Source: HM Inspectorate of Probation, "An inspection of probation services in Thames
 * Valley CRC" (2019):
 * - standard names and statements, domain one key questions and the wording of 4.1.3:
 *   the report body (sections 1.1–1.4, 2.1–2.4, 4.1, 4.2);
 * - domain two and three key questions and every prompt, in order: Annex 4 (Inspection data).
 *
 * Text is as published (line breaks joined by single spaces, footnote markers removed;
 * the report's apostrophes kept as printed, including the one straight apostrophe in
 * 2.1.1(b)). Annex 4 prints the 4.1 block "Is the sentence of the court implemented
 * appropriately?" twice; it appears once here, as 4.1.4.
 */
import { CASE_ID_AND_INSPECTOR, RISK_OF_HARM_COLUMNS } from '../framework';
import type { Framework, KeyQuestion, MetadataColumn, Prompt, Standard, SubSampleRule } from '../framework';
import { DEFAULT_THRESHOLDS } from '../bands';

/** The metadata columns of every CRC case tab (docs/user-guide.md). */
const METADATA: MetadataColumn[] = [
  ...CASE_ID_AND_INSPECTOR,
  { header: 'Sentence type', values: ['Community', 'Licence'], note: 'Community sentence or licence / post-sentence supervision.' },
  { header: 'Gender', values: ['Male', 'Female'], note: 'For the sub-sample splits the report gives.' },
  { header: 'Responsible officer grade', values: ['PO', 'PSO'], note: 'Probation officer or probation services officer.' },
  ...RISK_OF_HARM_COLUMNS,
];

/** R2: the keeping-other-people-safe questions apply to cases with risk-of-harm factors. */
export const HARM_FACTORS: SubSampleRule = { header: 'Harm factors present', equals: ['Yes'] };
/** Post-custody questions apply to licence cases. */
export const LICENCE: SubSampleRule = { header: 'Sentence type', equals: ['Licence'] };

/** A key question counted from the cases' answers (R1), of a sub-sample if given (R2). */
function counted(id: string, text: string, prompts: Prompt[], subSample?: SubSampleRule): KeyQuestion {
  return { id, text, qualitative: false, ...(subSample ? { subSample } : {}), prompts };
}

/** A key question judged without case data (R7), so with no prompts. */
function qualitative(id: string, text: string): KeyQuestion {
  return { id, text, qualitative: true, prompts: [] };
}

/** A standard rated by the lead inspector's judgement (domain one), counted in the overall score (R9). */
function byJudgement(id: string, name: string, statement: string, keyQuestions: KeyQuestion[]): Standard {
  return { id, name, statement, kind: 'leadJudgement', counts: true, keyQuestions };
}

/** A standard rated from the answers on its case tab (R1), counted in the overall score (R9). */
function fromCases(id: string, name: string, statement: string, caseTab: string, keyQuestions: KeyQuestion[]): Standard {
  return { id, name, statement, kind: 'caseBased', counts: true, caseTab, keyQuestions };
}

/** Annex 4's prompts of a key question, lettered in order (2.1.1(a), 2.1.1(b), …), each of a sub-sample if given. */
function lettered(keyQuestionId: string, texts: string[], subSample?: SubSampleRule): Prompt[] {
  return texts.map((text, index) => ({ id: `${keyQuestionId}(${String.fromCharCode(97 + index)})`, text, ...(subSample ? { subSample } : {}) }));
}

export const CRC_2018: Framework = {
  id: 'crc-2018',
  name: 'Probation inspection standards 2018 — Community Rehabilitation Companies',
  source: { wording: 'published', note: 'HM Inspectorate of Probation, An inspection of probation services in Thames Valley CRC (2019): report body and Annex 4.' },
  caseTabs: ['Case supervision', 'Unpaid work', 'Through the Gate'].map((name) => ({ name, metadata: METADATA })),
  thresholds: DEFAULT_THRESHOLDS,
  overall: { rule: 'perStandard' },
  domains: [
    {
      id: '1',
      name: 'Organisational delivery',
      standards: [
        byJudgement('1.1', 'Leadership', 'The leadership of the organisation supports and promotes the delivery of a high-quality, personalised and responsive service for all service users.', [
            qualitative('1.1.1', 'Is there an effective vision and strategy driving the delivery of a high-quality service for all service users?'),
            qualitative('1.1.2', 'Are potential risks to service delivery anticipated and planned for in advance?'),
            qualitative('1.1.3', 'Does the operating model support effective service delivery, meeting the needs of all service users?'),
        ]),
        byJudgement('1.2', 'Staff', 'Staff within the organisation are empowered to deliver a high-quality, personalised and responsive service for all service users.', [
            qualitative('1.2.1', 'Do staffing and workload levels support the delivery of a high-quality service for all service users?'),
            qualitative('1.2.2', 'Do the skills and profile of staff support the delivery of a high-quality service for all service users?'),
            qualitative('1.2.3', 'Does the oversight of work support high-quality delivery and professional development?'),
            qualitative('1.2.4', 'Are arrangements for learning and development comprehensive and responsive?'),
            qualitative('1.2.5', 'Do managers pay sufficient attention to staff engagement?'),
        ]),
        byJudgement('1.3', 'Services', 'A comprehensive range of high-quality services is in place, supporting a tailored and responsive service for all service users.', [
            qualitative('1.3.1', 'Is a sufficiently comprehensive and up-to-date analysis of the profile of service users used by the organisation to deliver well-targeted services?'),
            // "division" is as printed in this CRC report (the NPS variant's wording).
            qualitative('1.3.2', 'Does the division provide the volume, range and quality of services to meet the needs of the service users?'),
            qualitative('1.3.3', 'Are relationships with providers and other agencies established, maintained and used effectively to deliver high-quality services to service users?'),
        ]),
        byJudgement('1.4', 'Information and facilities', 'Timely and relevant information is available, and appropriate facilities are in place to support a high-quality, personalised and responsive approach for all service users.', [
            qualitative('1.4.1', 'Do the policies and guidance in place enable staff to deliver a quality service, meeting the needs of all service users?'),
            qualitative('1.4.2', 'Do the premises and offices enable staff to deliver a quality service, meeting the needs of all service users?'),
            qualitative('1.4.3', 'Do the information and communications technology (ICT) systems enable staff to deliver a quality service, meeting the needs of all service users?'),
            qualitative('1.4.4', 'Is analysis, evidence and learning used effectively to drive improvement?'),
        ]),
      ],
    },
    {
      id: '2',
      name: 'Case supervision',
      standards: [
        fromCases('2.1', 'Assessment', 'Assessment is well informed, analytical and personalised, actively involving the service user.', 'Case supervision', [
            counted('2.1.1', 'Does assessment focus sufficiently on engaging the service user?', lettered('2.1.1', [
              'Does assessment analyse the service user’s motivation and readiness to engage and comply with the sentence?',
              // Straight apostrophe as printed in Annex 4.
              "Does assessment analyse the service user's diversity and personal circumstances, and consider the impact these have on their ability to comply and engage with service delivery?",
              'Is the service user meaningfully involved in their assessment, and are their views taken into account?',
            ])),
            counted('2.1.2', 'Does assessment focus sufficiently on the factors linked to offending and desistance?', lettered('2.1.2', [
              'Does assessment identify and analyse offending-related factors?',
              'Does assessment identify the service user’s strengths and protective factors?',
              'Does assessment draw sufficiently on available sources of information?',
            ])),
            counted('2.1.3', 'Does assessment focus sufficiently on the risk of harm to others?', [
              {
                id: '2.1.3(a)',
                text: 'Does assessment clearly identify and analyse any risk of harm to others, including identifying who is at risk and the nature of that risk?',
                subSample: HARM_FACTORS,
              },
              {
                id: '2.1.3(b)',
                text: 'Does assessment analyse any specific concerns and risks related to actual and potential victims?',
                subSample: HARM_FACTORS,
              },
              {
                id: '2.1.3(c)',
                text: 'Does assessment draw sufficiently on available sources of information, including past behaviour and convictions, and involve other agencies where appropriate?',
                subSample: HARM_FACTORS,
              },
              {
                // Supplementary question. Report footnote 49: "Expected in all cases."
                id: '2.1.3(s1)',
                text: 'Were domestic abuse checks undertaken?',
              },
              {
                // Supplementary question. Report footnote 50: "Expected in all cases where the
                // service user has children, is in contact with children or presents a potential
                // risk of harm to children." SubSample has no such value, so it is 'all' and
                // other cases are answered N/A.
                id: '2.1.3(s2)',
                text: 'Did child safeguarding information sharing take place in cases where required?',
              },
            ], HARM_FACTORS),
        ]),
        fromCases('2.2', 'Planning', 'Planning is well informed, holistic and personalised, actively involving the service user.', 'Case supervision', [
            counted('2.2.1', 'Does planning focus sufficiently on engaging the service user?', lettered('2.2.1', [
              'Is the service user meaningfully involved in planning, and are their views taken into account?',
              'Does planning take sufficient account of the service user’s diversity and personal circumstances, which may affect engagement and compliance?',
              'Does planning take sufficient account of the service user’s readiness and motivation to change, which may affect engagement and compliance?',
              'Does planning set out how all the requirements of the sentence or licence/post-sentence supervision will be delivered within the available timescales?',
              'Does planning set a level, pattern and type of contact sufficient to engage the service user and to support the effectiveness of specific interventions?',
            ])),
            counted('2.2.2', 'Does planning focus sufficiently on reducing reoffending and supporting the service user’s desistance?', lettered('2.2.2', [
              'Does planning sufficiently reflect offending-related factors and prioritise those which are most critical?',
              'Does planning build on the service user’s strengths and protective factors, utilising potential sources of support?',
              'Does planning set out the services most likely to reduce reoffending and support desistance?',
            ])),
            counted('2.2.3', 'Does planning address appropriately factors associated with the risk of harm to others?', lettered('2.2.3', [
              'Does planning sufficiently address risk of harm factors and prioritise those which are most critical?',
              'Does planning set out the necessary constructive and/or restrictive interventions to manage the risk of harm?',
              'Does planning make appropriate links to the work of other agencies involved with the service user and any multi-agency plans?',
              'Does planning set out necessary and effective contingency arrangements to manage those risks that have been identified?',
            ], HARM_FACTORS), HARM_FACTORS),
        ]),
        fromCases('2.3', 'Implementation and delivery', 'High-quality, well-focused, personalised and coordinated services are delivered, engaging the service user.', 'Case supervision', [
            counted('2.3.1', 'Is the sentence/post-custody period implemented appropriately, with a focus on engaging the service user?', [
              {
                id: '2.3.1(a)',
                text: 'Do the requirements of the sentence start promptly, or at an appropriate time?',
              },
              {
                id: '2.3.1(b)',
                text: 'Is sufficient focus given to maintaining an effective working relationship with the service user?',
              },
              {
                id: '2.3.1(c)',
                text: 'Are sufficient efforts made to enable the service user to complete the sentence, including flexibility to take appropriate account of their personal circumstances?',
              },
              {
                id: '2.3.1(d)',
                text: 'Post-custody cases only: Was there a proportionate level of contact with the prisoner before release?',
                subSample: LICENCE,
              },
              {
                id: '2.3.1(e)',
                text: 'Are risks of non-compliance identified and addressed in a timely fashion to reduce the need for enforcement actions?',
              },
              {
                id: '2.3.1(f)',
                text: 'Are enforcement actions taken when appropriate?',
              },
              {
                id: '2.3.1(g)',
                text: 'Are sufficient efforts made to re-engage the service user after enforcement actions or recall?',
              },
            ]),
            counted('2.3.2', 'Do the services delivered focus sufficiently on reducing reoffending and supporting the service user’s desistance?', lettered('2.3.2', [
              'Are the delivered services those most likely to reduce reoffending and support desistance, with sufficient attention given to sequencing and the available timescales?',
              'Wherever possible, does the delivery of services build upon the service user’s strengths and enhance protective factors?',
              'Is the involvement of other organisations in the delivery of services sufficiently well coordinated?',
              'Are key individuals in the service user’s life engaged, where appropriate, to support their desistance?',
              'Is the level and nature of contact sufficient to reduce reoffending and support desistance?',
              'Are local services engaged to support and sustain desistance during the sentence and beyond?',
            ])),
            counted('2.3.3', 'Do the services delivered focus appropriately on managing and minimising the risk of harm to others?', lettered('2.3.3', [
              'Is the level and nature of contact offered sufficient to manage and minimise the risk of harm?',
              'Is sufficient attention given to protecting actual and potential victims?',
              'Is the involvement of other agencies in managing and minimising the risk of harm sufficiently well coordinated?',
              'Are key individuals in the service user’s life engaged, where appropriate, to support the effective management of risk of harm?',
              'Are home visits undertaken, where necessary, to support the effective management of risk of harm?',
            ], HARM_FACTORS), HARM_FACTORS),
        ]),
        fromCases('2.4', 'Reviewing', 'Reviewing of progress is well informed, analytical and personalised, actively involving the service user.', 'Case supervision', [
            counted('2.4.1', 'Does reviewing effectively support the service user’s compliance and engagement?', lettered('2.4.1', [
              'In cases where it is needed, does reviewing consider compliance and engagement levels and any relevant barriers?',
              'In cases where it was needed, were any necessary adjustments made to the ongoing plan of work to take account of compliance and engagement levels and any relevant barriers?',
              'Is the service user meaningfully involved in reviewing their progress and engagement?',
              'Are written reviews completed as appropriate as a formal record of actions to implement the sentence?',
            ])),
            counted('2.4.2', 'Does reviewing effectively support progress towards desistance?', lettered('2.4.2', [
              'Does reviewing identify and address changes in factors linked to offending behaviour, with the necessary adjustments being made to the ongoing plan of work?',
              'Does reviewing focus sufficiently on building upon the service user’s strengths and enhancing protective factors?',
              'Is reviewing informed by the necessary input from other agencies working with the service user?',
              'Are written reviews completed as appropriate as a formal record of the progress towards desistance?',
            ])),
            counted('2.4.3', 'Does reviewing focus sufficiently on keeping other people safe?', lettered('2.4.3', [
              'Does reviewing identify and address changes in factors related to risk of harm, with the necessary adjustments being made to the ongoing plan of work?',
              'Is reviewing informed by the necessary input from other agencies involved in managing the service user’s risk of harm?',
              'Is the service user (and, where appropriate, key individuals in the service user’s life) meaningfully involved in reviewing their risk of harm?',
              'Are written reviews completed as appropriate as a formal record of the management of the service user’s risk of harm?',
            ], HARM_FACTORS), HARM_FACTORS),
        ]),
      ],
    },
    {
      // The report's ratings page and section heading: "3. CRC-specific work" (Annex 2 says
      // "Domain three: CRC work"). Its standards are numbered 4.1 and 4.2 (report footnote 36).
      id: '3',
      name: 'CRC-specific work',
      standards: [
        fromCases('4.1', 'Unpaid work', 'Unpaid work is delivered safely and effectively, engaging the service user in line with the expectations of the court.', 'Unpaid work', [
            counted('4.1.1', 'Is the assessment and planning of unpaid work personalised?', lettered('4.1.1', [
              'Does assessment consider the service user’s diversity and personal circumstances, and the impact these have on their ability to comply and engage with unpaid work?',
              'Does unpaid work build upon a service user’s strengths and enhance their protective factors?',
              'Is the allocated work suitable, taking account of the service user’s diversity and personal circumstances?',
            ])),
            counted('4.1.2', 'Is unpaid work delivered safely?', lettered('4.1.2', [
              'Does the delivery of unpaid work take account of risk of harm to other service users, staff or the public?',
              'Does unpaid work consider issues relating to the health and safety or potential vulnerability of the service user?',
              'Where the responsible officer is engaged in other activity/work with the service user, does regular communication take place?',
            ])),
            // Qualitative (R7): observations and meetings, no case data; wording from the
            // report body (section 4.1), as Annex 4 has no entry for it.
            qualitative('4.1.3', 'Do arrangements for unpaid work maximise rehabilitative elements and support desistance?'),
            counted('4.1.4', 'Is the sentence of the court implemented appropriately?', lettered('4.1.4', [
              'Does unpaid work commence promptly and happen regularly?',
              'Do arrangements for unpaid work encourage the service user’s engagement and compliance with the order?',
              'Are professional judgements made in relation to decisions about missed appointments?',
              'Are enforcement actions taken when appropriate?',
            ])),
        ]),
        fromCases('4.2', 'Through the Gate', 'Through the Gate services are personalised and coordinated, addressing the service user’s resettlement needs.', 'Through the Gate', [
            counted('4.2.1', 'Does resettlement planning focus sufficiently on the service user’s resettlement needs and on factors linked to offending and desistance?', lettered('4.2.1', [
              'Is there a clear and timely plan for how the service user’s resettlement needs will be addressed?',
              'Does the plan sufficiently draw on available sources of information?',
              'Is the service user meaningfully involved in planning their resettlement and are their views considered?',
              'Does the resettlement plan identify the service user’s strengths and protective factors and consider ways to build upon these?',
              'Does the plan take sufficient account of the service user’s diversity and personal circumstances?',
              'Does the resettlement plan take account of factors related to risk of harm?',
            ])),
            counted('4.2.2', 'Does resettlement activity focus sufficiently on supporting the service user’s resettlement?', lettered('4.2.2', [
              'Are resettlement services delivered in line with the service user’s resettlement needs, prioritising those which are most critical?',
              'Wherever possible, do resettlement services build upon the service user’s strengths and enhance their protective factors?',
              'Does resettlement activity take sufficient account of the service user’s diversity and personal circumstances?',
              'Does resettlement activity take sufficient account of any factors related to risk of harm?',
            ])),
            counted('4.2.3', 'Is there effective coordination of resettlement activity?', lettered('4.2.3', [
              'Is there effective coordination of resettlement activity with other services being delivered in the prison?',
              'Is there effective communication with the responsible officer in the community, prior to and at the point of release?',
              'Do resettlement services support effective handover to local services in the community?',
            ])),
        ]),
      ],
    },
  ],
};

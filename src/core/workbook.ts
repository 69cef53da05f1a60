import { Framework, KeyQuestion, Standard } from './framework';
import { standardsOf } from './frameworks';

/**
 * SPEC §3: what an inspection workbook holds, as data. The add-on lays it out in Sheets;
 * the custom functions read it back by header, so this is the one place it is defined.
 */

export const ANSWERS = ['Yes', 'No', 'N/A'];

/** A metadata column; `values` gives it a dropdown. */
export interface MetadataColumn {
  header: string;
  values?: string[];
  note: string;
}

export const METADATA_COLUMNS: MetadataColumn[] = [
  { header: 'Case ID', note: 'The case reference, unique in this tab.' },
  { header: 'Inspector', note: 'Who assessed the case.' },
  { header: 'Sentence type', values: ['Community', 'Licence'], note: 'Community sentence or licence / post-sentence supervision.' },
  { header: 'Gender', values: ['Male', 'Female'], note: 'For the sub-sample splits the report gives.' },
  { header: 'Responsible officer grade', values: ['PO', 'PSO'], note: 'Probation officer or probation services officer.' },
  { header: 'Risk of serious harm level', values: ['Low', 'Medium', 'High', 'Very high'], note: 'As assessed at the start of the period inspected.' },
  {
    header: 'Harm factors present',
    values: ['Yes', 'No'],
    note: 'Yes where the case has risk-of-harm factors: only those cases answer the keeping-other-people-safe questions; the rest answer N/A.',
  },
];

/** The header of the metadata column that marks the risk-of-harm sub-sample (R2). */
export const HARM_FACTORS_HEADER = 'Harm factors present';
export const SENTENCE_TYPE_HEADER = 'Sentence type';

export interface CaseTabLayout {
  name: string;
  standards: Standard[];
  /** Metadata headers, then for each key question its prompts followed by the key question. */
  headers: string[];
  /** How many leading columns are metadata; every later column holds answers. */
  metadataCount: number;
}

export function keyQuestionHeader(keyQuestion: KeyQuestion): string {
  return `${keyQuestion.id} ${keyQuestion.text}`;
}

/** SPEC §3: one case tab per case sample, in framework order. R7: qualitative key questions get no column. */
export function caseTabLayouts(framework: Framework): CaseTabLayout[] {
  const tabs = new Map<string, Standard[]>();
  for (const standard of standardsOf(framework)) {
    if (standard.kind !== 'caseBased' || !standard.caseTab) continue;
    tabs.set(standard.caseTab, [...(tabs.get(standard.caseTab) ?? []), standard]);
  }
  return [...tabs].map(([name, standards]) => {
    const answerHeaders = standards.flatMap((standard) =>
      standard.keyQuestions
        .filter((keyQuestion) => !keyQuestion.qualitative)
        .flatMap((keyQuestion) => [...keyQuestion.prompts.map((prompt) => `${prompt.id} ${prompt.text}`), keyQuestionHeader(keyQuestion)]),
    );
    return { name, standards, headers: [...METADATA_COLUMNS.map((column) => column.header), ...answerHeaders], metadataCount: METADATA_COLUMNS.length };
  });
}

/** Domain one standards (R8), judged by the lead inspector. */
export function leadJudgementStandards(framework: Framework): Standard[] {
  return standardsOf(framework).filter((standard) => standard.kind === 'leadJudgement');
}

/** Case-based standards (R5), rated from a case tab. */
export function caseBasedStandards(framework: Framework): Standard[] {
  return standardsOf(framework).filter((standard) => standard.kind === 'caseBased');
}

export const DOMAIN_ONE_HEADER = ['Standard', 'Name', 'Key questions', 'Rating', 'Evidence'];
export const PANEL_HEADER = ['Standard', 'Name', 'Indicative rating', 'Panel rating', 'Rationale', 'Date', 'Applied rating', 'Status'];
export const COMPARISON_HEADER = ['Id', 'Question', 'Previous %', 'Previous n', 'All providers %', 'All providers n'];

/** The Comparison tab's rows: each counted key question (R7) followed by its prompts, in framework order. */
export function comparisonQuestions(framework: Framework): Array<{ id: string; text: string }> {
  return caseBasedStandards(framework).flatMap((standard) =>
    standard.keyQuestions
      .filter((keyQuestion) => !keyQuestion.qualitative)
      .flatMap((keyQuestion) => [{ id: keyQuestion.id, text: keyQuestion.text }, ...keyQuestion.prompts.map((prompt) => ({ id: prompt.id, text: prompt.text }))]),
  );
}
export const RATINGS_HEADER = ['Standard', 'Name', 'Rating', 'Score', 'Indicative rating', 'Panel move'];

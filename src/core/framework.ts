/**
 * Frameworks are data (SPEC §6): standards, key questions with their wording, prompts,
 * which key questions are qualitative and which answer a sub-sample only.
 */

/** Who a key question or prompt applies to; cases outside it are answered N/A (R2). */
export type SubSample =
  | 'all'
  /** Cases with risk-of-harm factors (keeping other people safe). */
  | 'riskOfHarm'
  /** Licence / post-custody cases only. */
  | 'licence';

export interface Prompt {
  /** e.g. "2.1.1(a)" or "2.1.3(s1)" for a supplementary question. */
  id: string;
  text: string;
  subSample: SubSample;
}

export interface KeyQuestion {
  /** e.g. "2.1.1" */
  id: string;
  text: string;
  /** R7: a qualitative key question has no case data and is never counted. */
  qualitative: boolean;
  subSample: SubSample;
  prompts: Prompt[];
}

/** Domain one standards are single judgements by the lead inspector (R8). */
export type StandardKind = 'caseBased' | 'leadJudgement';

export interface Standard {
  /** e.g. "2.1" */
  id: string;
  name: string;
  /** The standard's statement as published, e.g. "High-quality, well-focused, personalised…". */
  statement: string;
  kind: StandardKind;
  /** The case tab whose rows this standard is judged on; absent for domain one. */
  caseTab?: string;
  /** Key questions (case-based) or the questions the lead inspector weighs (domain one). */
  keyQuestions: KeyQuestion[];
}

export interface Domain {
  id: string;
  name: string;
  standards: Standard[];
}

export interface Framework {
  id: string;
  name: string;
  domains: Domain[];
}

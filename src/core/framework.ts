import { isEmptyCell, quoteText } from './answers';
import { BandThresholds } from './bands';

/**
 * Frameworks are data (docs/frameworks.md): domains of standards, each rated from cases on a named case
 * tab or by judgement; key questions with their wording, prompts, which are qualitative and
 * which answer a sub-sample only; each case tab's metadata columns; which standards count;
 * the band thresholds and the overall bands. `validateFramework` checks one on load.
 */

/**
 * Who a key question or prompt applies to, as a rule on a metadata column of its case tab:
 * the cases whose `header` cell is one of `equals` (case-insensitive). Cases outside it are
 * answered N/A (R2). A key question or prompt with no rule applies to every case.
 */
export interface SubSampleRule {
  header: string;
  equals: string[];
}

/** Whether wording is as published, or provisional (written here, for a lead inspector to correct). */
export type Wording = 'published' | 'provisional';

export interface Prompt {
  /** e.g. "2.1.1(a)" or "2.1.3(s1)" for a supplementary question. */
  id: string;
  text: string;
  subSample?: SubSampleRule;
  /** Set where this text is not from a published source. */
  wording?: Wording;
}

export interface KeyQuestion {
  /** e.g. "2.1.1"; always the standard's id, a dot and a number. */
  id: string;
  text: string;
  /** R7: a qualitative key question has no case data and is never counted. */
  qualitative: boolean;
  subSample?: SubSampleRule;
  prompts: Prompt[];
  /** Set where this text is not from a published source. */
  wording?: Wording;
}

/** A standard is rated from cases (R5) or is a single judgement by the lead inspector (R8). */
export type StandardKind = 'caseBased' | 'leadJudgement';

export interface Standard {
  /** e.g. "2.1": two numbers (the first need not be the domain's: CRC domain 3 holds 4.1 and 4.2). */
  id: string;
  name: string;
  /** The standard's statement, e.g. "High-quality, well-focused, personalised…". */
  statement: string;
  kind: StandardKind;
  /**
   * The case tab whose rows a case-based standard is judged on. A judgement standard may name
   * one too, so that turning it case-based is a change of `kind` alone; it is then ignored.
   */
  caseTab?: string;
  /** Key questions (case-based) or the questions the lead inspector weighs (judgement). */
  keyQuestions: KeyQuestion[];
  /** R9: whether its score counts towards the overall score (youth resettlement does not). */
  counts: boolean;
}

export interface Domain {
  id: string;
  name: string;
  standards: Standard[];
}

/** A metadata column of a case tab; `values` are its allowed values (a dropdown). */
export interface MetadataColumn {
  header: string;
  values?: string[];
  note: string;
}

/** The metadata columns every case tab starts with, whichever the framework (docs/user-guide.md). */
export const CASE_ID_AND_INSPECTOR: readonly MetadataColumn[] = [
  { header: 'Case ID', note: 'The case reference, unique in this tab.' },
  { header: 'Inspector', note: 'Who assessed the case.' },
];

/** The probation frameworks' risk columns: the level assessed, and whether the keeping-other-people-safe questions apply (R2). */
export const RISK_OF_HARM_COLUMNS: readonly MetadataColumn[] = [
  { header: 'Risk of serious harm level', values: ['Low', 'Medium', 'High', 'Very high'], note: 'As assessed at the start of the period inspected.' },
  {
    header: 'Harm factors present',
    values: ['Yes', 'No'],
    note: 'Yes where the case has risk-of-harm factors: only those cases answer the keeping-other-people-safe questions; the rest answer N/A.',
  },
];

/** docs/user-guide.md: one case tab per case sample, with its metadata columns (answer columns come from the standards). */
export interface CaseTab {
  name: string;
  metadata: MetadataColumn[];
}

/**
 * R9: the overall bands. `perStandard` is the n-rule (score ≤ n/2 Inadequate, ≤ 3n/2 Requires
 * improvement, ≤ 5n/2 Good), n being the standards rated. `scores` gives the lowest overall
 * score of Requires improvement, Good and Outstanding when every counted standard is rated.
 */
export type OverallBands = { rule: 'perStandard' } | { rule: 'scores'; minimums: readonly [number, number, number] };

export interface FrameworkSource {
  /** `provisional` where any wording is not from a published source; items say which. */
  wording: Wording;
  /** Where the wording comes from, or what is not verified, for the lead inspector. */
  note: string;
}

export interface Framework {
  id: string;
  name: string;
  source: FrameworkSource;
  domains: Domain[];
  caseTabs: CaseTab[];
  thresholds: BandThresholds;
  overall: OverallBands;
}

/** One problem with a framework: the item it is about (an id, or a case tab or column name) and what is wrong. */
export interface FrameworkProblem {
  /** The id of the domain, standard, key question or prompt, or the case tab's name; absent for the settings. */
  item?: string;
  /** Which of the item's fields is wrong, so a Framework tab can point at the cell. */
  field: 'id' | 'name' | 'text' | 'caseTab' | 'kind' | 'subSample' | 'values' | 'thresholds' | 'overall' | 'header';
  message: string;
}

type AddProblem = (item: string | undefined, field: FrameworkProblem['field'], message: string) => void;

/** The standards of a framework in order. */
export function standardsOf(framework: Framework): Standard[] {
  return framework.domains.flatMap((domain) => domain.standards);
}

/** The key questions of a framework in order. */
export function keyQuestionsOf(framework: Framework): KeyQuestion[] {
  return standardsOf(framework).flatMap((standard) => standard.keyQuestions);
}

/** A sub-sample rule in words, for messages: `"Harm factors present" is Yes`. */
export function describeSubSample(rule: SubSampleRule): string {
  return `"${quoteText(rule.header)}" is ${rule.equals.join(' or ')}`;
}

/**
 * Whether a case is in a sub-sample, from its metadata cell: true or false, or undefined when the
 * cell is blank (then nothing is expected either way). Booleans read as Yes/No.
 */
export function inSubSample(rule: SubSampleRule, cell: unknown): boolean | undefined {
  if (isEmptyCell(cell)) return undefined;
  const text = cell === true ? 'yes' : cell === false ? 'no' : String(cell).trim().toLowerCase();
  return rule.equals.some((value) => value.trim().toLowerCase() === text);
}

/**
 * docs/frameworks.md: checks a framework on load. Each message names the item and the problem; an empty
 * list means the framework can be used.
 */
export function validateFramework(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  // One short call a rule: the problem's item (absent for the settings), its field and message.
  const add: AddProblem = (item, field, message) => problems.push(item === undefined ? { field, message } : { item, field, message });
  if (!framework.id.trim()) add(undefined, 'id', 'The framework has no id.');
  if (!framework.name.trim()) add(undefined, 'name', 'The framework has no name.');
  checkThresholds(framework.thresholds, add);
  checkOverall(framework, add);

  const caseTabs = new Map<string, CaseTab>();
  for (const tab of framework.caseTabs) {
    if (caseTabs.has(tab.name)) add(tab.name, 'caseTab', `Case tab "${quoteText(tab.name)}" is defined twice.`);
    caseTabs.set(tab.name, tab);
    const headers = new Set<string>();
    for (const column of tab.metadata) {
      const key = column.header.trim().toLowerCase();
      if (!key) add(tab.name, 'header', `Case tab "${quoteText(tab.name)}" has a metadata column with no header.`);
      else if (headers.has(key)) add(tab.name, 'header', `Case tab "${quoteText(tab.name)}" has the metadata column "${quoteText(column.header)}" twice.`);
      else if (/^\d+\.\d+\.\d+(\s|\(|$)/.test(column.header.trim())) add(tab.name, 'header', `Case tab "${quoteText(tab.name)}": metadata column "${quoteText(column.header)}" starts like a question id, so it would be read as one; reword it.`);
      headers.add(key);
      if (column.values && column.values.length === 0) add(tab.name, 'values', `Case tab "${quoteText(tab.name)}": metadata column "${quoteText(column.header)}" lists no allowed values; give some or none at all.`);
    }
  }

  const seen = new Set<string>();
  const unique = (id: string, what: string) => {
    if (seen.has(id)) add(id, 'id', `${what} "${quoteText(id)}": this id is used twice.`);
    seen.add(id);
  };
  for (const domain of framework.domains) {
    unique(domain.id, 'Domain');
    if (!/^\d+$/.test(domain.id)) add(domain.id, 'id', `Domain "${quoteText(domain.id)}": a domain id is a whole number, e.g. "2".`);
    if (domain.standards.length === 0) add(domain.id, 'id', `Domain "${quoteText(domain.id)}" has no standards.`);
    for (const standard of domain.standards) {
      unique(standard.id, 'Standard');
      if (!/^\d+\.\d+$/.test(standard.id)) add(standard.id, 'id', `Standard "${quoteText(standard.id)}": a standard id is two numbers with a dot, e.g. "2.1".`);
      if (!standard.name.trim()) add(standard.id, 'name', `Standard "${quoteText(standard.id)}" has no name.`);
      const tab = standard.caseTab === undefined ? undefined : caseTabs.get(standard.caseTab);
      if (standard.caseTab !== undefined && !tab) add(standard.id, 'caseTab', `Standard "${quoteText(standard.id)}" names the case tab "${quoteText(standard.caseTab)}", which is not defined.`);
      if (standard.kind === 'caseBased') {
        if (standard.caseTab === undefined) add(standard.id, 'caseTab', `Standard "${quoteText(standard.id)}" is rated from cases but names no case tab.`);
        if (!standard.keyQuestions.some((keyQuestion) => !keyQuestion.qualitative)) add(standard.id, 'kind', `Standard "${quoteText(standard.id)}" is rated from cases but has no key question counted from cases.`);
      }
      for (const keyQuestion of standard.keyQuestions) {
        unique(keyQuestion.id, 'Key question');
        if (!isChildId(keyQuestion.id, standard.id)) add(keyQuestion.id, 'id', `Key question "${quoteText(keyQuestion.id)}" is under standard ${standard.id}, so its id must be "${standard.id}." and a number.`);
        if (!keyQuestion.text.trim()) add(keyQuestion.id, 'text', `Key question "${quoteText(keyQuestion.id)}" has no wording.`);
        checkSubSample(keyQuestion.id, keyQuestion.subSample, standard, tab, add);
        for (const prompt of keyQuestion.prompts) {
          unique(prompt.id, 'Prompt');
          if (!new RegExp(`^${escapeRegExp(keyQuestion.id)}\\((?:[a-z]|s\\d+)\\)$`).test(prompt.id)) {
            add(prompt.id, 'id', `Prompt "${quoteText(prompt.id)}" is under key question ${keyQuestion.id}, so its id must be "${quoteText(keyQuestion.id)}" and a letter or s1, s2… in brackets, e.g. "${keyQuestion.id}(a)".`);
          }
          if (!prompt.text.trim()) add(prompt.id, 'text', `Prompt "${quoteText(prompt.id)}" has no wording.`);
          checkSubSample(prompt.id, prompt.subSample, standard, tab, add);
        }
      }
    }
  }
  if (!standardsOf(framework).some((standard) => standard.counts)) add(undefined, 'overall', 'No standard counts towards the overall score.');
  return problems;
}

/** The framework, or an error listing every problem validation finds. */
export function checkedFramework(framework: Framework): Framework {
  const problems = validateFramework(framework);
  if (problems.length > 0) throw new Error(`The framework "${quoteText(framework.id)}" cannot be used:\n${problems.map((problem) => problem.message).join('\n')}`);
  return framework;
}

function checkThresholds(thresholds: BandThresholds, add: AddProblem): void {
  const [requiresImprovement, good, outstanding] = thresholds;
  const whole = thresholds.length === 3 && thresholds.every((threshold) => Number.isInteger(threshold) && threshold >= 1 && threshold <= 100);
  if (!whole || !(requiresImprovement < good && good < outstanding)) {
    add(undefined, 'thresholds', `The band thresholds ${thresholds.join('/')} must be three whole percentages from 1 to 100, each above the one before (e.g. 50/65/80).`);
  }
}

function checkOverall(framework: Framework, add: AddProblem): void {
  if (framework.overall.rule !== 'scores') return;
  const maximum = 3 * standardsOf(framework).filter((standard) => standard.counts).length;
  const [requiresImprovement, good, outstanding] = framework.overall.minimums;
  const whole = framework.overall.minimums.every((minimum) => Number.isInteger(minimum) && minimum >= 1 && minimum <= maximum);
  if (!whole || !(requiresImprovement < good && good < outstanding)) {
    add(undefined, 'overall', `The overall bands start at ${framework.overall.minimums.join('/')}: they must be three whole scores from 1 to the maximum ${maximum}, each above the one before (e.g. 7/19/31 for 12 standards).`);
  }
}

function checkSubSample(id: string, rule: SubSampleRule | undefined, standard: Standard, tab: CaseTab | undefined, add: AddProblem): void {
  if (!rule || !tab) return;
  const column = tab.metadata.find((candidate) => candidate.header.trim().toLowerCase() === rule.header.trim().toLowerCase());
  if (!column) {
    add(id, 'subSample', `"${quoteText(id)}" applies when ${describeSubSample(rule)}, but case tab "${quoteText(tab.name)}" (of standard ${standard.id}) has no metadata column "${quoteText(rule.header)}".`);
    return;
  }
  if (rule.equals.length === 0) add(id, 'subSample', `"${quoteText(id)}" applies when "${quoteText(rule.header)}" has one of no values; give at least one.`);
  const allowed = new Set((column.values ?? []).map((value) => value.trim().toLowerCase()));
  const unknown = column.values ? rule.equals.filter((value) => !allowed.has(value.trim().toLowerCase())) : [];
  if (unknown.length > 0) {
    add(id, 'subSample', `"${quoteText(id)}" applies when ${describeSubSample(rule)}, but "${quoteText(rule.header)}" allows only ${column.values!.join(', ')} (not ${unknown.join(', ')}).`);
  }
}

/** "2.1" under "2", "2.1.3" under "2.1". */
function isChildId(id: string, parent: string): boolean {
  return new RegExp(`^${escapeRegExp(parent)}\\.\\d+$`).test(id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

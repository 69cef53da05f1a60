import { Framework, KeyQuestion, MetadataColumn, Prompt, Standard } from './framework';
import { standardsOf } from './frameworks';
import { markerHeader } from './frameworkChoice';
import { STATUS_HEADER } from './signOff';
import { countedKeyQuestions } from './standards';
import { COMPARISON_LAYOUT, DOMAIN_ONE_LAYOUT, headersOf, PANEL_LAYOUT, RATINGS_LAYOUT } from './tabLayouts';

/**
 * docs/user-guide.md: what an inspection workbook holds, as data. The add-on lays it out in Sheets;
 * the custom functions read it back by header, so this is the one place it is defined.
 */

export const ANSWERS = ['Yes', 'No', 'N/A'];

/** The metadata column the Sub-samples tab splits by unless another is chosen. */
export const SENTENCE_TYPE_HEADER = 'Sentence type';

export interface CaseTabLayout {
  name: string;
  standards: Standard[];
  /** The tab's metadata columns (the framework's), first in `headers`. */
  metadata: MetadataColumn[];
  /** docs/user-guide.md "Sign-off": the Status column after them (none where the framework's metadata has one). */
  status?: string;
  /** The `Framework: id` header after them, which tells every function over the tab its framework. */
  marker: string;
  /**
   * Metadata headers, Status, the marker, then for each key question its prompts, the key question and its
   * evidence column, and last the case summary.
   */
  headers: string[];
  /** docs/user-guide.md: the free-text columns (evidence and case summary), never counted. */
  freeText: string[];
  /** How many leading columns are metadata (the marker included); every later column holds answers. */
  metadataCount: number;
}

export function keyQuestionHeader(keyQuestion: KeyQuestion): string {
  return `${keyQuestion.id} ${keyQuestion.text}`;
}

/** docs/user-guide.md: a prompt's header, its id then its wording. */
export function promptHeader(prompt: Prompt): string {
  return `${prompt.id} ${prompt.text}`;
}

/** docs/user-guide.md: the evidence column beside a key question; it does not start with the id, so it is never read as one. */
export function evidenceHeader(keyQuestionId: string): string {
  return `Evidence ${keyQuestionId}`;
}

/** docs/user-guide.md: the free-text column that ends each case tab. */
export const CASE_SUMMARY_HEADER = 'Case summary';

/** docs/user-guide.md: one case tab per case sample, in framework order. R7: qualitative key questions get no column. */
export function caseTabLayouts(framework: Framework): CaseTabLayout[] {
  const caseBased = caseBasedStandards(framework);
  return framework.caseTabs.flatMap((tab) => {
    const standards = caseBased.filter((standard) => standard.caseTab === tab.name);
    if (standards.length === 0) return [];
    const counted = standards.flatMap(countedKeyQuestions);
    const answerHeaders = counted.flatMap((keyQuestion) => [
      ...keyQuestion.prompts.map(promptHeader),
      keyQuestionHeader(keyQuestion),
      evidenceHeader(keyQuestion.id),
    ]);
    const marker = markerHeader(framework);
    const metadata = tab.metadata.map((column) => column.header);
    // A workbook set up before sign-off gets Status at the end of its headers (New inspection adds missing columns there).
    const status = metadata.some((header) => header.trim().toLowerCase() === STATUS_HEADER.toLowerCase()) ? [] : [STATUS_HEADER];
    const headers = [...metadata, ...status, marker, ...answerHeaders, CASE_SUMMARY_HEADER];
    const freeText = [...counted.map((keyQuestion) => evidenceHeader(keyQuestion.id)), CASE_SUMMARY_HEADER];
    return [{ name: tab.name, standards, metadata: tab.metadata, ...(status.length > 0 ? { status: STATUS_HEADER } : {}), marker, headers, freeText, metadataCount: metadata.length + status.length + 1 }];
  });
}

/** Every metadata column with allowed values across the framework's case tabs, once per header (for sub-sample splits). */
export function splittableColumns(framework: Framework): MetadataColumn[] {
  const byHeader = new Map<string, MetadataColumn>();
  for (const tab of framework.caseTabs) for (const column of tab.metadata) if (column.values && !byHeader.has(column.header)) byHeader.set(column.header, column);
  return [...byHeader.values()];
}

/** The column the Sub-samples tab splits by unless another is chosen: Sentence type, or the framework's first with values. */
export function defaultSplitHeader(framework: Framework): string {
  const headers = splittableColumns(framework).map((column) => column.header);
  return headers.includes(SENTENCE_TYPE_HEADER) ? SENTENCE_TYPE_HEADER : (headers[0] ?? SENTENCE_TYPE_HEADER);
}

/** Domain one standards (R8), judged by the lead inspector. */
export function leadJudgementStandards(framework: Framework): Standard[] {
  return standardsOf(framework).filter((standard) => standard.kind === 'leadJudgement');
}

/** Case-based standards (R5), rated from a case tab. */
export function caseBasedStandards(framework: Framework): Standard[] {
  return standardsOf(framework).filter((standard) => standard.kind === 'caseBased');
}

export const DOMAIN_ONE_HEADER = headersOf(DOMAIN_ONE_LAYOUT);
export const PANEL_HEADER = headersOf(PANEL_LAYOUT);
export const COMPARISON_HEADER = headersOf(COMPARISON_LAYOUT);
export const RATINGS_HEADER = headersOf(RATINGS_LAYOUT);

/** The Comparison tab's rows: each counted key question (R7) followed by its prompts, in framework order. */
export function comparisonQuestions(framework: Framework): Array<{ id: string; text: string }> {
  return caseBasedStandards(framework)
    .flatMap(countedKeyQuestions)
    .flatMap((keyQuestion) => [{ id: keyQuestion.id, text: keyQuestion.text }, ...keyQuestion.prompts.map((prompt) => ({ id: prompt.id, text: prompt.text }))]);
}

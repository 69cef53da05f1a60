import { Band, bandOf, BandThresholds, DEFAULT_THRESHOLDS, wholePercent } from './bands';
import { CaseTable, Column, noApplicableCases, requireColumn, tallyColumn } from './caseTable';
import { KeyQuestion, Standard } from './framework';

/** A key question's counts over the cases in scope (R2). */
export interface KeyQuestionCount {
  keyQuestion: KeyQuestion;
  column: Column;
  yes: number;
  /** R2: Yes + No; N/A and blank are outside the denominator. */
  applicable: number;
}

/** A key question with at least one applicable case: its whole percentage (R3) and band (R4). */
export interface KeyQuestionResult extends KeyQuestionCount {
  percent: number;
  band: Band;
}

/** A case-based standard's indicative rating (R5, R7). */
export interface StandardResult {
  standard: Standard;
  /** The counted key questions, in framework order (qualitative ones are not counted, R7). */
  keyQuestions: KeyQuestionResult[];
  lowest: KeyQuestionResult;
  rating: Band;
  /** R7: a qualitative key question lets the panel move the rating without a proximity condition. */
  qualitative?: KeyQuestion;
}

/** The key questions of a standard that are counted from cases (R7 leaves out qualitative ones). */
export function countedKeyQuestions(standard: Standard): KeyQuestion[] {
  return standard.keyQuestions.filter((keyQuestion) => !keyQuestion.qualitative);
}

/** R2 for one key question, found by id; a missing column is an error (R11). */
export function countKeyQuestion(table: CaseTable, keyQuestion: KeyQuestion, rowIndexes: readonly number[]): KeyQuestionCount {
  const column = requireColumn(table, keyQuestion.id, keyQuestion.text);
  const tally = tallyColumn(table, column, rowIndexes);
  return { keyQuestion, column, yes: tally.yes, applicable: tally.yes + tally.no };
}

/** R3, R4: the percentage and band (at the framework's thresholds), or undefined while no case is applicable. */
export function resultOf(count: KeyQuestionCount, thresholds: BandThresholds = DEFAULT_THRESHOLDS): KeyQuestionResult | undefined {
  if (count.applicable === 0) return undefined;
  const percent = wholePercent(count.yes, count.applicable);
  return { ...count, percent, band: bandOf(percent, thresholds) };
}

/** R11: a key question with no applicable case cannot give a percentage. */
export function requireResult(count: KeyQuestionCount, rowCount: number, thresholds: BandThresholds = DEFAULT_THRESHOLDS): KeyQuestionResult {
  const result = resultOf(count, thresholds);
  if (!result) throw noApplicableCases(count.column, rowCount);
  return result;
}

/** R5: the standard's rating is the band of its lowest key-question percentage. */
export function rateStandard(table: CaseTable, standard: Standard, rowIndexes: readonly number[], thresholds: BandThresholds = DEFAULT_THRESHOLDS): StandardResult {
  if (standard.kind !== 'caseBased') {
    throw new Error(`Standard ${standard.id} ${standard.name} is a lead inspector's judgement (recorded on the Domain one tab), not rated from cases.`);
  }
  return rateCounted(standard, countedKeyQuestions(standard).map((keyQuestion) => countKeyQuestion(table, keyQuestion, rowIndexes)), rowIndexes.length, thresholds);
}

/** R5 from counts already taken, one per counted key question of the standard. */
export function rateCounted(standard: Standard, counts: readonly KeyQuestionCount[], rowCount: number, thresholds: BandThresholds = DEFAULT_THRESHOLDS): StandardResult {
  const keyQuestions = counts.map((count) => requireResult(count, rowCount, thresholds));
  const lowest = keyQuestions.reduce((low, candidate) => (isLower(candidate, low) ? candidate : low));
  const qualitative = standard.keyQuestions.find((keyQuestion) => keyQuestion.qualitative);
  return { standard, keyQuestions, lowest, rating: lowest.band, ...(qualitative ? { qualitative } : {}) };
}

/** Compares exact proportions with integers, so ties and near-ties need no floating point. */
function isLower(a: KeyQuestionCount, b: KeyQuestionCount): boolean {
  return a.yes * b.applicable < b.yes * a.applicable;
}

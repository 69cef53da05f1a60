import { Band, bandOf, BandThresholds, DEFAULT_THRESHOLDS, wholePercent } from './bands';
import { applicableCount, CaseTable, Column, requireColumn, tallyColumns } from './caseTable';
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
  /** R4: the thresholds it was banded at (the framework's), which the panel's boundaries are too (R6). */
  thresholds: BandThresholds;
}

/** R12: a standard with a counted key question that has no Yes or No answer in scope yet. */
export interface NotRatedStandard {
  standard: Standard;
  notRated: true;
  /** Every counted key question's counts, in framework order. */
  counts: KeyQuestionCount[];
  /** The counted key questions with no applicable case yet. */
  waiting: KeyQuestionCount[];
}

export type StandardRating = StandardResult | NotRatedStandard;

export function isNotRated(rating: StandardRating): rating is NotRatedStandard {
  return 'notRated' in rating;
}

/** A standard's rating where one is needed: R12's Not rated becomes an error naming what it waits for. */
export function requireRated(rating: StandardRating): StandardResult {
  if (isNotRated(rating)) throw new Error(`${rating.standard.id} ${rating.standard.name} is not rated yet: ${describeWaiting(rating.waiting)}.`);
  return rating;
}

/** R12: "2.1.1 and 2.1.3 have no Yes or No answer yet" */
export function describeWaiting(waiting: readonly KeyQuestionCount[]): string {
  const ids = waiting.map((count) => count.keyQuestion.id);
  const list = ids.length === 1 ? `key question ${ids[0]} has` : `key questions ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]} have`;
  return `${list} no Yes or No answer in scope yet`;
}

/** The key questions of a standard that are counted from cases (R7 leaves out qualitative ones). */
export function countedKeyQuestions(standard: Standard): KeyQuestion[] {
  return standard.keyQuestions.filter((keyQuestion) => !keyQuestion.qualitative);
}

/** R2 for one key question, found by id; a missing column is an error (R11). */
export function countKeyQuestion(table: CaseTable, keyQuestion: KeyQuestion, rowIndexes: readonly number[]): KeyQuestionCount {
  const [count] = countKeyQuestions(table, [keyQuestion], rowIndexes);
  if (count instanceof Error) throw count;
  return count;
}

/**
 * R2 for several key questions in one pass over the rows; each missing column or invalid answer
 * is that key question's error (R11), and the others are still counted (R12).
 */
export function countKeyQuestions(table: CaseTable, keyQuestions: readonly KeyQuestion[], rowIndexes: readonly number[]): Array<KeyQuestionCount | Error> {
  const columns = keyQuestions.map((keyQuestion) => {
    try {
      return requireColumn(table, keyQuestion.id, keyQuestion.text);
    } catch (error) {
      return error as Error;
    }
  });
  const tallies = tallyColumns(table, columns.filter((column): column is Column => !(column instanceof Error)), rowIndexes);
  let found = 0;
  return keyQuestions.map((keyQuestion, index) => {
    const column = columns[index];
    if (column instanceof Error) return column;
    const tally = tallies[found++];
    return tally instanceof Error ? tally : { keyQuestion, column, yes: tally.yes, applicable: applicableCount(tally) };
  });
}

/** R3, R4: the percentage and band (at the framework's thresholds), or undefined while no case is applicable. */
export function resultOf({ keyQuestion, column, yes, applicable }: KeyQuestionCount, thresholds: BandThresholds = DEFAULT_THRESHOLDS): KeyQuestionResult | undefined {
  if (applicable === 0) return undefined;
  const percent = wholePercent(yes, applicable);
  // Field by field: a spread copy was more than half of a small RATINGS_TABLE call.
  return { keyQuestion, column, yes, applicable, percent, band: bandOf(percent, thresholds) };
}

/** R5: the standard's rating is the band of its lowest key-question percentage. */
export function rateStandard(table: CaseTable, standard: Standard, rowIndexes: readonly number[], thresholds: BandThresholds = DEFAULT_THRESHOLDS): StandardRating {
  if (standard.kind !== 'caseBased') {
    throw new Error(`Standard ${standard.id} ${standard.name} is a lead inspector's judgement (recorded on the Domain one tab), not rated from cases.`);
  }
  const counts = countKeyQuestions(table, countedKeyQuestions(standard), rowIndexes);
  const failed = counts.find((count): count is Error => count instanceof Error);
  if (failed) throw failed;
  return rateCounted(standard, counts as KeyQuestionCount[], thresholds);
}

/** R5, R12 from counts already taken, one per counted key question of the standard. */
export function rateCounted(standard: Standard, counts: readonly KeyQuestionCount[], thresholds: BandThresholds = DEFAULT_THRESHOLDS): StandardRating {
  const waiting = counts.filter((count) => count.applicable === 0);
  if (waiting.length > 0 || counts.length === 0) return { standard, notRated: true, counts: [...counts], waiting };
  const keyQuestions = counts.map((count) => resultOf(count, thresholds) as KeyQuestionResult);
  const lowest = keyQuestions.reduce((low, candidate) => (isLower(candidate, low) ? candidate : low));
  const qualitative = standard.keyQuestions.find((keyQuestion) => keyQuestion.qualitative);
  return { standard, keyQuestions, lowest, rating: lowest.band, thresholds, ...(qualitative ? { qualitative } : {}) };
}

/** R5: compares exact proportions with integers, so ties and near-ties need no floating point; an exact tie keeps the earlier key question (framework order, never column order). */
function isLower(a: KeyQuestionCount, b: KeyQuestionCount): boolean {
  return a.yes * b.applicable < b.yes * a.applicable;
}

import { Band } from './bands';
import { CaseTable, Column, findColumn, tallyColumn } from './caseTable';
import { Framework, KeyQuestion, Standard } from './framework';
import { standardsOf } from './frameworks';
import { countedKeyQuestions, countKeyQuestion, KeyQuestionCount, KeyQuestionResult, rateCounted, resultOf } from './standards';

/** One row of the key-question table (SPEC §4 RATINGS_TABLE). */
export interface KeyQuestionRow {
  standard: Standard;
  count?: KeyQuestionCount;
  result?: KeyQuestionResult;
  /** The standard's indicative rating, once every counted key question has an applicable case. */
  standardRating?: Band;
  keyQuestion: KeyQuestion;
}

/**
 * Every key question of the case-based standards the table has columns for, in framework
 * order. A key question with no applicable case yet has no percentage (the table is for
 * watching ratings form, so that is not an error here); an invalid answer still is (R11).
 */
export function keyQuestionRows(table: CaseTable, framework: Framework, rowIndexes: readonly number[]): KeyQuestionRow[] {
  const present = standardsOf(framework).filter(
    (standard) => standard.kind === 'caseBased' && standard.keyQuestions.some((keyQuestion) => findColumn(table, keyQuestion.id)),
  );
  return present.flatMap((standard) => {
    const counts = new Map(
      countedKeyQuestions(standard).map((keyQuestion) => [keyQuestion.id, countKeyQuestion(table, keyQuestion, rowIndexes)]),
    );
    const ratable = [...counts.values()].every((count) => count.applicable > 0);
    const standardRating = ratable ? rateCounted(standard, [...counts.values()], rowIndexes.length).rating : undefined;
    return standard.keyQuestions.map((keyQuestion) => {
      const count = counts.get(keyQuestion.id);
      return {
        standard,
        count,
        result: count && resultOf(count),
        standardRating,
        keyQuestion,
      };
    });
  });
}

/** One row of the prompts table (SPEC §4 PROMPTS_TABLE; the report's Annex 4). */
export interface PromptRow {
  column: Column;
  text: string;
  yes: number;
  applicable: number;
}

/** Every prompt column: the framework's in its order, then any the users added, in sheet order. */
export function promptRows(table: CaseTable, framework: Framework, rowIndexes: readonly number[]): PromptRow[] {
  const wording = new Map<string, string>();
  for (const standard of standardsOf(framework)) {
    for (const keyQuestion of standard.keyQuestions) for (const prompt of keyQuestion.prompts) wording.set(prompt.id, prompt.text);
  }
  const order = [...wording.keys()];
  const rank = (column: Column) => (wording.has(column.id) ? order.indexOf(column.id) : order.length + column.index);
  return table.columns
    .filter((column) => column.kind === 'prompt')
    .sort((a, b) => rank(a) - rank(b))
    .map((column) => {
      const tally = tallyColumn(table, column, rowIndexes);
      return { column, text: wording.get(column.id) ?? column.text, yes: tally.yes, applicable: tally.yes + tally.no };
    });
}

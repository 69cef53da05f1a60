import { Band, NOT_RATED } from './bands';
import { judgePanelRating } from './panel';
import { applicableCount, CaseTable, Column, findColumn, shortHeader, tallyColumns } from './caseTable';
import { Framework, KeyQuestion, Standard } from './framework';
import { standardsOf } from './frameworks';
import { countedKeyQuestions, countKeyQuestions, isNotRated, KeyQuestionCount, KeyQuestionResult, rateCounted, resultOf, StandardRating } from './standards';

/** One row of the key-question table (docs/functions.md RATINGS_TABLE). */
export interface KeyQuestionRow {
  standard: Standard;
  count?: KeyQuestionCount;
  result?: KeyQuestionResult;
  /** R12: what stops this key question being counted (an invalid answer, a missing column), shown in its row. */
  problem?: string;
  /** The standard's indicative rating, once every counted key question has an applicable case and no problem. */
  standardRating?: Band;
  /** The standard's rating as RATE_STANDARD gives it (R5, R12), or the first problem that stops it. */
  rated: StandardRating | Error;
  keyQuestion: KeyQuestion;
}

/**
 * Every key question of the case-based standards the table has columns for, in framework
 * order. R12: a key question with no applicable case yet has no percentage, and one with an
 * invalid answer shows the problem in its own row; every other row is still counted.
 */
export function keyQuestionRows(table: CaseTable, framework: Framework, rowIndexes: readonly number[]): KeyQuestionRow[] {
  const present = standardsOf(framework).filter(
    (standard) => standard.kind === 'caseBased' && standard.keyQuestions.some((keyQuestion) => findColumn(table, keyQuestion.id)),
  );
  if (present.length === 0) throw noKeyQuestionColumns(table, framework);
  // Every counted key question of the table in one pass over the rows.
  const counted = present.flatMap(countedKeyQuestions);
  const allCounts = countKeyQuestions(table, counted, rowIndexes);
  const countOf = new Map(counted.map((keyQuestion, index) => [keyQuestion.id, allCounts[index]]));
  return present.flatMap((standard) => {
    const counts = countedKeyQuestions(standard).map((keyQuestion) => countOf.get(keyQuestion.id)!);
    const rated = counts.find((count): count is Error => count instanceof Error) ?? rateCounted(standard, counts as KeyQuestionCount[], framework.thresholds);
    const standardRating = rated instanceof Error || isNotRated(rated) ? undefined : rated.rating;
    return standard.keyQuestions.map((keyQuestion): KeyQuestionRow => {
      const count = countOf.get(keyQuestion.id);
      if (count instanceof Error) return { standard, problem: count.message, keyQuestion, standardRating, rated };
      return { standard, count, result: count && resultOf(count, framework.thresholds), standardRating, rated, keyQuestion };
    });
  });
}

export const RATINGS_TABLE_HEADER = ['Standard', 'Key question', 'Key question text', 'Yes', 'Applicable', 'Percent', 'Band', 'Indicative rating'];

/**
 * docs/functions.md RATINGS_TABLE as cells: its header, then a row per key question. The custom
 * function spills it; Generate summaries writes it as values where a live call would cost a run per edit.
 */
export function keyQuestionTable(table: CaseTable, framework: Framework, rowIndexes: readonly number[]): Array<Array<string | number>> {
  return keyQuestionCells(keyQuestionRows(table, framework, rowIndexes));
}

/** Key-question rows as RATINGS_TABLE's cells, header first. */
export function keyQuestionCells(keyQuestions: readonly KeyQuestionRow[]): Array<Array<string | number>> {
  const rows = keyQuestions.map((row) => [
    `${row.standard.id} ${row.standard.name}`,
    row.keyQuestion.id,
    row.keyQuestion.text,
    row.count ? row.count.yes : '',
    row.count ? row.count.applicable : '',
    // R12: a problem shows in place of the percentage, and the rest of the table is still counted.
    row.problem !== undefined ? `Error: ${row.problem}` : row.result ? row.result.yes / row.result.applicable : '',
    row.keyQuestion.qualitative ? 'Qualitative' : (row.result?.band ?? ''),
    row.standardRating ?? '',
  ]);
  return [RATINGS_TABLE_HEADER, ...rows];
}

export const STANDARD_RATINGS_HEADER = ['Standard id', 'Indicative', 'After panel'];

/**
 * R5–R7, R12 for one standard of the rows, as RATE_STANDARD answers it: its indicative rating (or
 * Not rated), and its rating after the panel's judgement when one is given. A judgement on a
 * standard still Not rated waits (the Panel tab says so); a refused move or a problem in the
 * standard's columns is the reason, as text beginning "Error:". Undefined for a standard the rows
 * do not hold (rated on another case tab).
 */
export function standardOutcome(keyQuestions: readonly KeyQuestionRow[], standardId: string, panelRating?: Band): { indicative: string; afterPanel: string } | undefined {
  const row = keyQuestions.find((candidate) => candidate.standard.id === standardId);
  if (!row) return undefined;
  if (row.rated instanceof Error) return { indicative: `Error: ${row.rated.message}`, afterPanel: `Error: ${row.rated.message}` };
  const indicative = isNotRated(row.rated) ? NOT_RATED : row.rated.rating;
  if (panelRating === undefined || isNotRated(row.rated)) return { indicative, afterPanel: indicative };
  const decision = judgePanelRating(row.rated, panelRating);
  return { indicative, afterPanel: decision.allowed ? decision.rating : `Error: ${decision.reason}` };
}

/** R11: a range with no key-question column says what was expected and what it found. */
function noKeyQuestionColumns(table: CaseTable, framework: Framework): Error {
  const example = standardsOf(framework).find((standard) => standard.kind === 'caseBased')?.keyQuestions[0];
  const found = table.columns.slice(0, 4).map((column) => `"${shortHeader(column.header)}"`);
  const nearMiss = table.columns.find((column) => LOOKS_LIKE_AN_ID.test(column.header.trim()));
  const hint = nearMiss
    ? ` "${shortHeader(nearMiss.header)}" looks like one: write the id, then a space, then the question (no ":", "." or ")" after the id).`
    : ' Does the range start at the header row (row 1 of the case tab)?';
  return new Error(
    `The cases range has no key-question column: a key question's header starts with its id and a space, e.g. "${example ? `${example.id} ${example.text.split(' ').slice(0, 4).join(' ')} …` : '2.1.1 …'}". Its first row holds ${found.join(', ') || 'nothing'}${table.columns.length > 4 ? ', …' : ''}.${hint}`,
  );
}

const LOOKS_LIKE_AN_ID = /^\d+\.\d+\.\d+\s*[:.)\-]/;

/** One row of the prompts table (docs/functions.md PROMPTS_TABLE; the report's Annex 4). */
export interface PromptRow {
  column: Column;
  text: string;
  yes: number;
  applicable: number;
  /** R12: an invalid answer in this prompt's column, shown in its row. */
  problem?: string;
}

/** Every prompt column: the framework's in its order, then any the users added, in sheet order. */
export function promptRows(table: CaseTable, framework: Framework, rowIndexes: readonly number[]): PromptRow[] {
  const wording = new Map<string, string>();
  for (const standard of standardsOf(framework)) {
    for (const keyQuestion of standard.keyQuestions) for (const prompt of keyQuestion.prompts) wording.set(prompt.id, prompt.text);
  }
  const order = [...wording.keys()];
  const rank = (column: Column) => (wording.has(column.id) ? order.indexOf(column.id) : order.length + column.index);
  const prompts = table.columns.filter((column) => column.kind === 'prompt');
  if (prompts.length === 0 && !table.columns.some((column) => column.kind === 'keyQuestion')) throw noKeyQuestionColumns(table, framework);
  const sorted = prompts.sort((a, b) => rank(a) - rank(b));
  const tallies = tallyColumns(table, sorted, rowIndexes);
  return sorted.map((column, index) => {
    const text = wording.get(column.id) ?? column.text;
    const tally = tallies[index];
    if (tally instanceof Error) return { column, text, yes: 0, applicable: 0, problem: tally.message };
    return { column, text, yes: tally.yes, applicable: applicableCount(tally) };
  });
}

/**
 * R10: a Comparison tab percentage is a fraction from 0 to 1, as Sheets stores 74%. A 74 or a −0.5
 * is refused, never read as 7,400% nor guessed to mean 74%: the message names the cell and says how
 * to type it. Undefined for a good figure.
 */
export function comparisonPercentProblem(value: number, cell: string): string | undefined {
  if (value >= 0 && value <= 1) return undefined;
  const example = value > 1 && value <= 100 ? `${value}%` : 'a percentage such as 74%';
  return `Comparison tab cell ${cell} holds ${value}, which is not a percentage from 0% to 100% as Sheets stores it (74% is 0.74). Type it as ${example}.`;
}

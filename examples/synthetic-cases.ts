import { Framework } from '../src/core/framework';

/**
 * Case tables shaped as Sheets passes a range to a custom function: header row first,
 * empty cells "". Built from published whole percentages, independently of the engine.
 */

export type Cell = string | number | boolean;

/** The fewest Yes answers out of n that a report would publish as `percent` (rounded half up). */
export function yesCountFor(percent: number, n: number): number {
  for (let yes = 0; yes <= n; yes += 1) {
    if (Math.floor((yes * 100) / n + 0.5) === percent) return yes;
  }
  throw new Error(`No count out of ${n} rounds to ${percent}%`);
}

/**
 * A column of n answers with `yes` Yes answers spread through it (not bunched at the top),
 * the rest No, followed by `notApplicable` N/A answers.
 */
export function answerColumn(yes: number, applicable: number, notApplicable = 0): Cell[] {
  const answers: Cell[] = [];
  for (let index = 0; index < applicable; index += 1) {
    // Bresenham-style spread: the running count of Yes answers tracks index * yes / applicable.
    answers.push(Math.floor(((index + 1) * yes) / applicable) > Math.floor((index * yes) / applicable) ? 'Yes' : 'No');
  }
  for (let index = 0; index < notApplicable; index += 1) answers.push('N/A');
  return answers;
}

export interface KeyQuestionFigure {
  id: string;
  percent: number;
  /** Applicable cases; the rest of the sample is N/A. */
  applicable: number;
}

/** A case table: metadata columns, then one column per key question with the given figures. */
export function caseTable(framework: Framework, cases: number, figures: KeyQuestionFigure[], metadata: Record<string, Cell[]> = {}): Cell[][] {
  const wording = new Map(framework.domains.flatMap((domain) => domain.standards.flatMap((standard) => standard.keyQuestions.map((keyQuestion) => [keyQuestion.id, keyQuestion.text]))));
  const header: Cell[] = ['Case ID', ...Object.keys(metadata), ...figures.map((figure) => `${figure.id} ${wording.get(figure.id) ?? ''}`.trim())];
  const columns = figures.map((figure) =>
    answerColumn(yesCountFor(figure.percent, figure.applicable), figure.applicable, cases - figure.applicable),
  );
  const rows: Cell[][] = [];
  for (let row = 0; row < cases; row += 1) {
    rows.push([`C${String(row + 1).padStart(3, '0')}`, ...Object.values(metadata).map((values) => values[row]), ...columns.map((column) => column[row])]);
  }
  return [header, ...rows];
}

/** Pads a table with empty rows and columns, as an open-ended range like A1:CZ arrives. */
export function openEnded(table: Cell[][], extraRows: number, extraColumns: number): Cell[][] {
  const width = table[0].length + extraColumns;
  const padded = table.map((row) => [...row, ...Array<Cell>(extraColumns).fill('')]);
  for (let index = 0; index < extraRows; index += 1) padded.push(Array<Cell>(width).fill(''));
  return padded;
}

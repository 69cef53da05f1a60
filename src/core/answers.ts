/** R1: the answers a case can give to a prompt or key question. */
export type Answer = 'yes' | 'no' | 'na' | 'blank';

const SPELLINGS = new Map<string, Answer>([
  ['yes', 'yes'],
  ['y', 'yes'],
  ['no', 'no'],
  ['n', 'no'],
  ['n/a', 'na'],
  ['na', 'na'],
  ['not applicable', 'na'],
  ['', 'blank'],
]);

/**
 * R1: reads one cell as an answer; `undefined` means the cell holds something that is
 * not an answer, which the caller must report (R11), never count.
 */
export function readAnswer(cell: unknown): Answer | undefined {
  if (typeof cell === 'string') {
    // The dropdown's own spellings first: this runs once per counted cell.
    if (cell === 'Yes') return 'yes';
    if (cell === 'No') return 'no';
    if (cell === 'N/A') return 'na';
    if (cell === '') return 'blank';
    return SPELLINGS.get(cell.trim().toLowerCase());
  }
  if (cell === true) return 'yes';
  if (cell === false) return 'no';
  if (cell === null || cell === undefined) return 'blank';
  return undefined;
}

/** Whether a cell holds nothing at all (Sheets passes empty cells as ""). */
export function isEmptyCell(cell: unknown): boolean {
  return cell === '' || cell === null || cell === undefined;
}

/** The cell as the user typed it, for messages. */
export function describeCell(cell: unknown): string {
  if (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]') {
    return `the date ${(cell as Date).toISOString().slice(0, 10)}`;
  }
  if (typeof cell === 'string') return `"${cell}"`;
  return String(cell);
}

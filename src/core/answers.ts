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

/** R11: messages quote at most this many characters of a value. */
const QUOTE_LIMIT = 200;

// Characters a reader cannot see or tell from a space: controls, zero-width and bidi marks, odd spaces.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]/g;

/** R1: what a cell holding something other than an answer is told, wherever it is found. */
export function notAnAnswer(cell: unknown): string {
  return `${describeCell(cell)} is not an answer. Use Yes, No or N/A, or leave it blank.`;
}

/** The cell as the user typed it, for messages (R11): quoted, capped, invisible characters by code point, dates as shown. */
export function describeCell(cell: unknown): string {
  if (isDate(cell)) return Number.isNaN(cell.getTime()) ? 'an invalid date' : `the date ${sheetDate(cell)}`;
  if (typeof cell === 'string') return `"${quoteText(cell)}"`;
  return String(cell);
}

/**
 * Text for a message: the first 200 characters, invisible characters shown as [U+XXXX], and so are
 * look-alikes (a Cyrillic "а" in a Latin name), which a reader could not otherwise tell apart.
 */
export function quoteText(text: string): string {
  const characters = Array.from(text);
  const shown = showHidden(characters.slice(0, QUOTE_LIMIT).join(''));
  return characters.length > QUOTE_LIMIT ? `${shown}… (${characters.length} characters)` : shown;
}

// Letters that look like Latin ones: Greek, Cyrillic, Armenian, Cherokee, full-width and mathematical forms.
const LOOK_ALIKE = /[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u13a0-\u13ff\uff01-\uff5e]|\ud835[\udc00-\udfff]/g;

/** Invisible characters by code point; look-alikes too, where the text also has Latin letters (a mixed name). */
export function showHidden(text: string): string {
  const codePoint = (character: string) => `[U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
  const visible = text.replace(INVISIBLE, codePoint);
  return /[A-Za-z]/.test(visible) ? visible.replace(LOOK_ALIKE, codePoint) : visible;
}

/** Whether text has something a reader can see: not only spaces and invisible characters (a lone zero-width space has nothing). */
export function hasVisibleCharacter(text: string): boolean {
  return text.replace(INVISIBLE, '').trim() !== '';
}

export function isDate(cell: unknown): cell is Date {
  return cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]';
}

/**
 * A date as the sheet shows it. Apps Script runs in the script's time zone, so the local date
 * is the one in the cell; toISOString (UTC) would show a day early in summer.
 */
export function sheetDate(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

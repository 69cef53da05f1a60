/**
 * Text from a cell as a document may hold it. Excel writes characters XML cannot carry as `_xHHHH_`
 * escapes, and a cell can hold control characters, U+FFFE/U+FFFF or half a surrogate pair, none of
 * which Word or LibreOffice will open: each is decoded or removed here, once, for every document.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 May 2025", the way the published reports write dates (UTC, so a date typed in a cell does not drift). */
export function longDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Excel's `_xHHHH_` escapes decoded (`_x005F_` is the underscore itself, so `_x005F_x000D_` stays literal). */
function decodeExcelEscapes(value: string): string {
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 (so Word) cannot hold: controls other than tab and line breaks, U+FFFE, U+FFFF and lone surrogates. */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A string any document can hold: escapes decoded, then what XML cannot carry removed. */
export function documentText(value: string): string {
  return decodeExcelEscapes(value).replace(NOT_IN_XML, '');
}

const HALF_A_DAY = 12 * 3_600_000;

/** A cell's value as text: a date as "1 May 2025", text cleaned for documents, blank as ''. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  // Sheets gives a typed date as midnight in the spreadsheet's time zone (30 April 23:00 UTC for 1 May in
  // British Summer Time); half a day on names the day typed in any zone within 12 hours of UTC.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : longDate(new Date(cell.getTime() + HALF_A_DAY));
  return documentText(String(cell)).trim();
}

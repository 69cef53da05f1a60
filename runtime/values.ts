/**
 * Cell values as Apps Script hands them out (numbers, strings, booleans, Dates, "" for empty, error
 * cells as their code like "#N/A"), and the text Sheets displays for them under a number format.
 * Dates are serial numbers in the engine (days since 1899-12-30), read in UTC.
 */
import { isDate } from './env';

export type SheetsValue = number | string | boolean | Date;

const MS_PER_DAY = 86_400_000;
const SERIAL_OF_UNIX_EPOCH = 25_569;

export function serialFromDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + SERIAL_OF_UNIX_EPOCH;
}

/** Dates are written to the second (see dateInput), so they are read back to the second. */
export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_OF_UNIX_EPOCH) * 86_400) * 1000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date as text the engine parses back into a date (or date-time) serial. */
export function dateInput(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return seconds === 0 ? day : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/**
 * What the engine should store for a value the add-on writes with setValue(s). Sheets parses strings
 * the way it parses typing: "=…" is a formula, "'…" is text, "12" a number, "TRUE" a boolean; the
 * engine's parser does the same. An empty string, null or undefined empties the cell.
 */
export function engineInput(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (isDate(value)) return dateInput(value);
  return String(value);
}

const DATE_TOKENS = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm/gi;

function formatDate(date: Date, format: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  let previous = '';
  return format.replace(DATE_TOKENS, (token) => {
    const lower = token.toLowerCase();
    // "m" after an hour is minutes, as in Sheets' own formats ("h:mm").
    const minutes = (lower === 'mm' || lower === 'm') && /^h/.test(previous);
    previous = lower;
    switch (lower) {
      case 'yyyy': return String(date.getUTCFullYear());
      case 'yy': return pad(date.getUTCFullYear() % 100);
      case 'mmmm': return months[date.getUTCMonth()];
      case 'mmm': return months[date.getUTCMonth()].slice(0, 3);
      case 'mm': return minutes ? pad(date.getUTCMinutes()) : pad(date.getUTCMonth() + 1);
      case 'm': return minutes ? String(date.getUTCMinutes()) : String(date.getUTCMonth() + 1);
      case 'dddd': return days[date.getUTCDay()];
      case 'ddd': return days[date.getUTCDay()].slice(0, 3);
      case 'dd': return pad(date.getUTCDate());
      case 'd': return String(date.getUTCDate());
      case 'hh': return pad(date.getUTCHours());
      case 'h': return String(date.getUTCHours());
      case 'ss': return pad(date.getUTCSeconds());
      case 's': return String(date.getUTCSeconds());
      default: return date.getUTCHours() < 12 ? 'AM' : 'PM';
    }
  });
}

/** Number patterns: "0" digits always shown, "#" digits only when needed, "," grouping, "%" percent. */
function formatNumber(value: number, format: string): string {
  const percent = format.includes('%');
  const shown = percent ? value * 100 : value;
  const decimals = /\.([0#]+)/.exec(format)?.[1] ?? '';
  const minimum = decimals.replace(/#/g, '').length;
  const fixed = shown.toFixed(decimals.length);
  const [whole, fraction = ''] = fixed.split('.');
  const kept = fraction.slice(0, minimum) + fraction.slice(minimum).replace(/0+$/, '');
  const grouped = format.includes(',') ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const text = kept === '' ? grouped : `${grouped}.${kept}`;
  return percent ? `${text}%` : text;
}

/** Sheets' automatic format: integers as they are, fractions to at most ten decimals. */
function formatAutomatic(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(10)));
}

export function isDateFormat(format: string): boolean {
  return /[yd]|h:|m\/|\/m/i.test(format.replace(/"[^"]*"/g, ''));
}

/** The text Sheets shows for a value under a number format (a useful subset of Sheets' formats). */
export function displayText(value: SheetsValue, numberFormat: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDate(value)) {
    const midnight = value.getTime() % 86_400_000 === 0;
    return formatDate(value, numberFormat !== '' && isDateFormat(numberFormat) ? numberFormat : midnight ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm:ss');
  }
  if (numberFormat === '' || numberFormat === '@' || /^general$/i.test(numberFormat)) return formatAutomatic(value);
  if (isDateFormat(numberFormat)) return formatDate(dateFromSerial(value), numberFormat);
  return formatNumber(value, numberFormat);
}

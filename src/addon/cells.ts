/**
 * Writing cells safely. Sheets reads a string written with setValues as if typed: "=…", "+…",
 * "-…" and "@…" can become formulas, "2.1" a number, "1/2" a date. A leading apostrophe keeps
 * it as the text it is (and is not shown), so sheet text copied into a tab stays text.
 */
export function asText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

export type CellInput = string | number | boolean;

/** A formula the add-on wrote itself; never built from a user's text except as a quoted literal. */
export function formula(text: string): string {
  return `=${text}`;
}

/** A user's text as a string literal inside a formula: quotes doubled. */
export function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Sheets refuses a cell of more than 50,000 characters. */
export const MAX_CELL_CHARACTERS = 50000;

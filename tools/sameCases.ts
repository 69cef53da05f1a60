/**
 * Two inputs of a programme that hold the same cases (docs/programme.md): a byte-identical copy, or
 * another file whose case tabs hold the same content, would pool every case twice. Each input's
 * case tabs (header and rows, tab by tab, in the workbook's order; not the tabs' names) are hashed (SHA-256); equal hashes
 * name both files. Inputs without a single case are left out: two inspections not yet started are
 * not the same inspection.
 */
import { createHash } from 'node:crypto';

/** One input: its file and the values of its case tabs, header row first. */
export interface CaseContent {
  file: string;
  caseTabs: ReadonlyArray<{ tab: string; rows: readonly (readonly unknown[])[] }>;
}

/** A cell as hashed: its type and text, so the number 1 and the text "1" differ, and a date is its instant. */
function cellKey(value: unknown): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value === null || value === undefined || value === '') return '';
  return `${typeof value === 'number' ? 'n' : typeof value === 'boolean' ? 'b' : 's'}${String(value)}`;
}

/** The SHA-256 of an input's case tabs; undefined when they hold no case (header rows only). */
export function caseContentHash(input: CaseContent): string | undefined {
  const hash = createHash('sha256');
  let cases = 0;
  for (const { rows } of input.caseTabs) {
    // The tab's name is left out: a copy with a renamed case tab holds the same cases.
    hash.update(`tab ${rows.length}\n`);
    rows.forEach((row, index) => {
      // Trailing blanks are no part of a row's content (one writer pads, another does not).
      const cells = row.map(cellKey);
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (index > 0 && cells.length > 0) cases += 1;
      hash.update(`${JSON.stringify(cells)}\n`);
    });
  }
  return cases === 0 ? undefined : hash.digest('hex');
}

/** The one line refusing two files that hold the same cases, naming both. */
export function sameCasesLine(first: string, second: string): string {
  return `${first} and ${second} hold the same cases (their case tabs are identical): give each inspection once, or its cases would be pooled twice.`;
}

/** The one line refusing two inputs with the same cases, naming both; undefined when every input's cases are its own. */
export function sameCasesRefusal(inputs: readonly CaseContent[]): string | undefined {
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const hash = caseContentHash(input);
    if (hash === undefined) continue;
    const first = seen.get(hash);
    if (first !== undefined) return sameCasesLine(first, input.file);
    seen.set(hash, input.file);
  }
  return undefined;
}

import { describeCell, isEmptyCell, quoteText } from './answers';
import { CaseTable, Column, columnHeaded, sheetRow } from './caseTable';

/** docs/sampling-and-qa.md: drawing a stratified random case sample from an eligible-population list. */

export const CASE_ID_HEADER = 'Case ID';

/** A seed for a fresh draw: a whole number a person can note and type back in to repeat it. */
export function newSeed(): number {
  return 1 + Math.floor(Math.random() * 999999);
}

/**
 * A seeded pseudo-random generator: the same seed always gives the same sequence, in Node and in
 * Apps Script alike. Returns numbers in [0, 1). The 128-bit state comes from the seed's whole
 * decimal text (FNV-1a, four offsets), so 1 and 4294967297 are different seeds, as a reader expects.
 */
export function seededRandom(seed: number | string): () => number {
  const text = String(seed);
  const state = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((offset, word) => {
    let hash = (offset ^ word) >>> 0;
    for (let position = 0; position < text.length; position += 1) hash = Math.imul(hash ^ text.charCodeAt(position), 0x01000193) >>> 0;
    return hash || 1;
  });
  // xorshift128: a full-period generator over the four words; a few turns mix the hashed seed in.
  const next = () => {
    let first = state[0];
    const last = state[3];
    state[0] = state[1];
    state[1] = state[2];
    state[2] = last;
    first ^= first << 11;
    first ^= first >>> 8;
    state[3] = (first ^ last ^ (last >>> 19)) >>> 0;
    return state[3] / 4294967296;
  };
  for (let turn = 0; turn < 16; turn += 1) next();
  return next;
}

/** The Case ID column of a table, or an error saying the range needs one. */
export function caseIdColumn(table: CaseTable, what: string): Column {
  const column = columnHeaded(table, CASE_ID_HEADER);
  if (!column) throw new Error(`The ${what} range has no column headed "${CASE_ID_HEADER}"; its first row must be the header row.`);
  return column;
}

/** A Case ID as compared: surrounding spaces do not matter. */
export function caseIdText(cell: unknown): string {
  return isEmptyCell(cell) ? '' : String(cell).trim();
}

/**
 * R11: the rows of each Case ID (trimmed); a repeated ID is an error naming its sheet rows, since
 * a sample or a check must say which case it means. A blank ID is an error too, unless
 * `skipBlank` (rows not yet given a case are work in progress, R12).
 */
export function caseIdRows(table: CaseTable, idColumn: Column, what: string, skipBlank = false): Map<string, number> {
  const rows = new Map<string, number>();
  table.rows.forEach((row, rowIndex) => {
    const cell = row[idColumn.index];
    const id = caseIdText(cell);
    if (id === '' && skipBlank) return;
    if (id === '') throw new Error(`Row ${sheetRow(rowIndex)} of the ${what} range has no Case ID. Give every case its ID.`);
    const earlier = rows.get(id);
    if (earlier !== undefined) {
      throw new Error(`Case ID ${describeCell(cell)} appears twice in the ${what} range, at rows ${sheetRow(earlier)} and ${sheetRow(rowIndex)}. Each case must be listed once.`);
    }
    rows.set(id, rowIndex);
  });
  return rows;
}

/** How a stratum value compares: case and surrounding spaces do not matter. */
export function stratumValue(cell: unknown): string {
  return isEmptyCell(cell) ? '' : String(cell).trim().toLowerCase();
}

/** A stratum: one combination of the strata columns' values, with its rows in population order. */
export interface Stratum {
  /** The values as first seen in the population, one per strata column. */
  values: unknown[];
  rowIndexes: number[];
}

/** The strata of the given columns, in order of first appearance; no columns gives one stratum of every row. */
export function strataOf(table: CaseTable, columns: readonly Column[]): Stratum[] {
  const byKey = new Map<string, Stratum>();
  const strata: Stratum[] = [];
  table.rows.forEach((row, rowIndex) => {
    const key = columns.map((column) => stratumValue(row[column.index])).join('\u0000');
    let stratum = byKey.get(key);
    if (!stratum) {
      stratum = { values: columns.map((column) => row[column.index]), rowIndexes: [] };
      byKey.set(key, stratum);
      strata.push(stratum);
    }
    stratum.rowIndexes.push(rowIndex);
  });
  return strata;
}

/**
 * docs/sampling-and-qa.md: splits `size` over groups of the given counts by largest remainder: each group gets
 * the floor or the ceiling of size × its share, and the total is `size`. Remainders are
 * compared as integers (size·count mod total), so no rounding decides a tie; a tie goes to the
 * group with the lower `tieRank` (drawn from the seed, so list order favours no one), or, without
 * ranks, to the earlier group.
 */
export function allocate(counts: readonly number[], size: number, tieRanks?: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const shares = counts.map((count) => Math.floor((size * count) / total));
  const remainders = counts.map((count, index) => size * count - shares[index] * total);
  let left = size - shares.reduce((sum, share) => sum + share, 0);
  const rank = (index: number) => (tieRanks ? tieRanks[index] : index);
  const order = counts.map((_, index) => index).sort((a, b) => remainders[b] - remainders[a] || rank(a) - rank(b) || a - b);
  for (let position = 0; left > 0; position += 1, left -= 1) shares[order[position]] += 1;
  return shares;
}

/** Picks `count` of `rowIndexes` at random (a partial Fisher–Yates shuffle of a copy). */
function pick(rowIndexes: readonly number[], count: number, random: () => number): number[] {
  const pool = rowIndexes.slice();
  for (let position = 0; position < count; position += 1) {
    const swap = position + Math.floor(random() * (pool.length - position));
    const chosen = pool[swap];
    pool[swap] = pool[position];
    pool[position] = chosen;
  }
  return pool.slice(0, count);
}

/**
 * docs/sampling-and-qa.md: the row indexes of a stratified random sample of `size` rows, in population order.
 * Strata are drawn in order of first appearance from one generator seeded by `seed`, and ties
 * between strata for an extra case are broken by the seed, so the same inputs always give the
 * same sample and every stratum has its chance of the extra case.
 */
export function drawSample(table: CaseTable, size: number, strata: readonly Column[], seed: number | string): number[] {
  if (size > table.rows.length) {
    throw new Error(`The sample size ${size} is more than the ${table.rows.length} cases in the population.`);
  }
  const groups = strataOf(table, strata);
  // Ties between equal remainders are broken by the seed too, not by which stratum is listed first.
  const tieRandom = seededRandom(`${seed} ties`);
  const tieRanks = groups.map(() => tieRandom());
  return drawFromStrata(groups, allocate(groups.map((group) => group.rowIndexes.length), size, tieRanks), seed);
}

/**
 * Draws `quotas[i]` rows of stratum i (at most all of them), strata in order, from one
 * generator seeded by `seed`; the row indexes come back in table order.
 */
export function drawFromStrata(strata: readonly Stratum[], quotas: readonly number[], seed: number | string): number[] {
  const random = seededRandom(seed);
  const chosen = strata.flatMap((stratum, index) => pick(stratum.rowIndexes, Math.min(quotas[index], stratum.rowIndexes.length), random));
  return chosen.sort((a, b) => a - b);
}

/** The columns named by the strata headers, or an error naming the unknown header and the ones there are. */
export function strataColumns(table: CaseTable, headers: readonly string[], what: string): Column[] {
  return headers.map((header) => {
    const column = columnHeaded(table, header);
    if (!column) {
      const names = table.columns.map((candidate) => `"${quoteText(candidate.header)}"`).join(', ');
      throw new Error(`There is no column headed "${quoteText(header)}" in the ${what} range to stratify by. Its columns: ${names}.`);
    }
    return column;
  });
}

/** One row of a balance table: a stratum value and how often it occurs in each list. */
export interface BalanceRow {
  value: unknown;
  population: number;
  populationShare: number;
  sample: number;
  sampleShare: number;
  /** Sample share minus population share, in percentage points. */
  differencePoints: number;
}

/** docs/sampling-and-qa.md: per value of one stratum column, its count and share in the population and in the sample. */
export function sampleBalance(population: CaseTable, populationColumn: Column, sample: CaseTable, sampleColumn: Column): BalanceRow[] {
  const rows: BalanceRow[] = [];
  const byValue = new Map<string, BalanceRow>();
  const count = (table: CaseTable, column: Column, field: 'population' | 'sample') => {
    for (const row of table.rows) {
      const cell = row[column.index];
      const key = stratumValue(cell);
      let entry = byValue.get(key);
      if (!entry) {
        entry = { value: cell, population: 0, populationShare: 0, sample: 0, sampleShare: 0, differencePoints: 0 };
        byValue.set(key, entry);
        rows.push(entry);
      }
      entry[field] += 1;
    }
  };
  count(population, populationColumn, 'population');
  count(sample, sampleColumn, 'sample');
  for (const entry of rows) {
    entry.populationShare = population.rows.length ? entry.population / population.rows.length : 0;
    entry.sampleShare = sample.rows.length ? entry.sample / sample.rows.length : 0;
    entry.differencePoints = (entry.sampleShare - entry.populationShare) * 100;
  }
  return rows;
}

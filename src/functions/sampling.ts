import { isEmptyCell } from '../core/answers';
import { CaseTable, readCaseTable } from '../core/caseTable';
import { caseIdColumn, caseIdRows, drawSample, sampleBalance, strataColumns } from '../core/sampling';
import { plannedSampleSize } from '../core/statistics';
import { customFunction } from '../publicFunction';
import { Cell, CellArg, CellResult, isBlank } from './cells';
import { checkedFunction } from './params';

const POPULATION_PARAM = {
  name: 'population',
  type: 'A1:Z',
  description: "The eligible cases with their header row (a Case ID column and any others), e.g. 'Eligible population'!A1:Z.",
};

/** docs/sampling-and-qa.md: strata as a cell, a range of cells, or comma-separated headers. */
export function strataHeaders(strata: CellArg): string[] {
  const cells = Array.isArray(strata) ? strata.flat() : [strata];
  return cells
    .filter((cell) => !isBlank(cell))
    .flatMap((cell) => String(cell).split(','))
    .map((header) => header.trim())
    .filter((header) => header !== '');
}

export const SAMPLE_CASES = checkedFunction(
  {
    summary:
      'A stratified random sample of an eligible-population list: each stratum (combination of the strata columns\' values) gets its share of the sample, by largest remainder, and cases are drawn within it by a seeded generator, so the same inputs always give the same sample. Spills the header row, then the chosen rows in population order.',
    example: `SAMPLE_CASES('Eligible population'!A1:F, 100, "Gender, Sentence type, Risk of serious harm level", 7)`,
    params: [
      POPULATION_PARAM,
      {
        name: 'size',
        type: 'number',
        description: 'Optional: how many cases to draw; SAMPLE_SIZE of the population count (80% confidence, 5 points) if blank.',
        optional: true,
        check: { kind: 'count', label: 'The sample size', min: 1 },
      },
      { name: 'strata', type: 'string', description: 'Optional: the headers of the columns whose ratios the sample keeps: a cell, a range of cells, or comma-separated, e.g. "Gender, Sentence type".', optional: true },
      {
        name: 'seed',
        type: 'number',
        description: 'Optional: a number that fixes the draw; another seed gives another sample.',
        optional: true,
        check: { kind: 'whole', label: 'The seed', default: 1 },
      },
    ],
    returns: 'The header row, then the chosen rows in population order.',
  },
  (population: CellArg, size?: CellArg, strata?: CellArg, seed?: CellArg): CellResult[][] => {
    // The wrapper has checked size and seed against their declarations: a number, or undefined for a blank size.
    const table = readCaseTable(population);
    caseIdRows(table, caseIdColumn(table, 'population'), 'population');
    if (table.rows.length === 0) throw new Error('The population range has no cases below its header row.');
    const count = (size as number | undefined) ?? plannedSampleSize(table.rows.length);
    const chosen = drawSample(table, count, strataColumns(table, strataHeaders(strata), 'population'), seed as number);
    const width = table.columns[table.columns.length - 1].index + 1;
    const header = (population as Cell[][])[0];
    return [header, ...chosen.map((rowIndex) => table.rows[rowIndex])].map((row) => row.slice(0, width).map(asResult));
  },
);

function asResult(cell: unknown): CellResult {
  return isEmptyCell(cell) ? '' : (cell as CellResult);
}

/**
 * docs/sampling-and-qa.md: the rows that are cases: a row with no Case ID yet (a case tab's unfilled row) is left out;
 * a Case ID listed twice is an error naming both rows, since counting it twice would skew the shares.
 */
function casesWithIds(table: CaseTable, what: string): CaseTable {
  const rows = caseIdRows(table, caseIdColumn(table, what), what, true);
  return { ...table, rows: [...rows.values()].sort((a, b) => a - b).map((rowIndex) => table.rows[rowIndex]) };
}

export const SAMPLE_BALANCE_HEADER = ['Population count', 'Population share', 'Sample count', 'Sample share', 'Difference (points)'];

export const SAMPLE_BALANCE = customFunction(
  {
    summary:
      'How well a sample keeps the population\'s ratios on one stratum column: per value, the population count and share, the sample count and share, and the difference in percentage points (sample minus population).',
    example: `SAMPLE_BALANCE('Eligible population'!A1:F, 'Case supervision'!A1:F, "Gender")`,
    params: [
      POPULATION_PARAM,
      { name: 'sample', type: 'A1:Z', description: "The sample with its header row, e.g. the case tab 'Case supervision'!A:CM or a SAMPLE_CASES spill." },
      { name: 'stratum', type: 'string', description: 'The header of the stratum column, in both ranges, e.g. "Gender".' },
    ],
    returns: 'A table with a header row; one row per value, shares as fractions, the difference in points (1.5 is 1.5 points). Rows with no Case ID are left out; a Case ID listed twice is an error naming its rows.',
  },
  (population: CellArg, sample: CellArg, stratum: Cell): CellResult[][] => {
    if (isBlank(stratum)) throw new Error('Name the stratum column to compare, e.g. "Gender".');
    const header = String(stratum).trim();
    const populationTable = casesWithIds(readCaseTable(population), 'population');
    const sampleTable = casesWithIds(readCaseTable(sample), 'sample');
    const [populationColumn] = strataColumns(populationTable, [header], 'population');
    const [sampleColumn] = strataColumns(sampleTable, [header], 'sample');
    const rows = sampleBalance(populationTable, populationColumn, sampleTable, sampleColumn).map((row): CellResult[] => [
      asResult(row.value),
      row.population,
      row.populationShare,
      row.sample,
      row.sampleShare,
      row.differencePoints,
    ]);
    return [[populationColumn.header, ...SAMPLE_BALANCE_HEADER], ...rows];
  },
);

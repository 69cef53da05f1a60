import { readCaseTable, Tally, tallyColumns } from '../../src/core/caseTable';

// R1, R2, R11: counting answers over a few columns (a block of rows at a time) and over many (row by
// row). Every expectation is counted by hand from the pattern below: row r answers
// ['Yes', 'No', 'N/A', ''][r % 4], so 300 rows hold 75 of each.
const PATTERN = ['Yes', 'No', 'N/A', ''];

/** A case table of `columns` key-question columns (2.1.1, 2.1.2, …) and 300 cases; `change` replaces single cells. */
function table(columns: number, change: Record<string, unknown> = {}) {
  const header = ['Case ID', ...Array.from({ length: columns }, (_, column) => `2.1.${column + 1} Question ${column + 1}`)];
  const rows = Array.from({ length: 300 }, (_, row) => [
    `C${row}`,
    ...Array.from({ length: columns }, (_, column) => (`${row},${column}` in change ? change[`${row},${column}`] : PATTERN[row % 4])),
  ]);
  return readCaseTable([header, ...rows]);
}

const allRows = Array.from({ length: 300 }, (_, row) => row);

function counts(tallies: Array<Tally | Error>): Array<Tally | string> {
  return tallies.map((tally) => (tally instanceof Error ? tally.message : tally));
}

describe('tallyColumns', () => {
  it.each([5, 30])('counts Yes and No over %i columns, across blocks of 128 rows, other spellings read by R1', (columns) => {
    // Row 202 (N/A in the pattern) answers " no " in column 2; row 3 (blank) answers TRUE in the last column.
    const cases = table(columns, { '202,2': ' no ', [`3,${columns - 1}`]: true });
    const result = counts(tallyColumns(cases, cases.columns.slice(1), allRows));
    expect(result[0]).toEqual({ yes: 75, no: 75 });
    expect(result[2]).toEqual({ yes: 75, no: 76 });
    expect(result[columns - 1]).toEqual({ yes: 76, no: 75 });
  });

  it.each([5, 30])('names the first cell of a column that is no answer and still counts the others (%i columns)', (columns) => {
    // "Maybe" in column 1 at rows 250 and 140: the first is row 140, sheet row 142 (row 1 is the header).
    const cases = table(columns, { '250,1': 'Maybe', '140,1': 'Maybe' });
    const result = counts(tallyColumns(cases, cases.columns.slice(1), allRows));
    expect(result[1]).toBe('Row 142, column "2.1.2 Question 2": "Maybe" is not an answer. Use Yes, No or N/A, or leave it blank.');
    expect(result[0]).toEqual({ yes: 75, no: 75 });
    expect(result[columns - 1]).toEqual({ yes: 75, no: 75 });
  });

  it.each([5, 30])('counts only the rows in scope (%i columns)', (columns) => {
    // The even rows answer Yes (r % 4 = 0) or N/A (r % 4 = 2): 75 Yes, no No; "Maybe" on odd row 7 is out of scope.
    // "Maybe" on even row 10 of the last column is in scope: its sheet row is 12.
    const cases = table(columns, { '7,0': 'Maybe', [`10,${columns - 1}`]: 'Maybe' });
    const evenRows = allRows.filter((row) => row % 2 === 0);
    const result = counts(tallyColumns(cases, cases.columns.slice(1), evenRows));
    expect(result[0]).toEqual({ yes: 75, no: 0 });
    expect(result[1]).toEqual({ yes: 75, no: 0 });
    expect(result[columns - 1]).toMatch(/^Row 12, column "2\.1\.\d+ Question \d+": "Maybe" is not an answer/);
  });
});

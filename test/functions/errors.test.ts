import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { loadBundle } from '../support/bundle';
import { caseTable, Cell } from '../../examples/synthetic-cases';

const bundle = loadBundle();

/** 2.1's three key questions at 65%, 81%, 70% over ten cases. */
function assessment(): Cell[][] {
  return caseTable(CRC_2018, 10, [
    { id: '2.1.1', percent: 60, applicable: 10 },
    { id: '2.1.2', percent: 80, applicable: 10 },
    { id: '2.1.3', percent: 70, applicable: 10 },
  ]);
}

describe('functions › bad input gets a clear error (R11)', () => {
  it('names the row, column header and value of an invalid answer', () => {
    const cases = assessment();
    cases[4][1] = 'Maybe';
    expect(() => bundle.RATE_STANDARD(cases, '2.1')).toThrow('Row 5, column "2.1.1 Does assessment focus sufficiently on engaging the service user?": "Maybe" is not an answer. Use Yes, No or N/A, or leave it blank.');
    expect(() => bundle.KQ_SCORE(cases, '2.1.1')).toThrow(/Row 5, column "2\.1\.1 .*"Maybe"/);
    // R12: the table keeps every row and shows the problem in the affected one.
    const table = bundle.RATINGS_TABLE(cases) as unknown[][];
    expect(table.find((row) => row[1] === '2.1.1')?.[5]).toMatch(/^Error: Row 5, column "2\.1\.1 .*": "Maybe" is not an answer/);
    expect(table.find((row) => row[1] === '2.1.2')?.[5]).toBe(0.8);
  });

  it('reports a number typed into an answer cell', () => {
    const cases = assessment();
    cases[10][2] = 1;
    expect(() => bundle.RATE_STANDARD(cases, '2.1')).toThrow(/Row 11, column "2\.1\.2 .*": 1 is not an answer/);
  });

  it('names a missing key-question column', () => {
    const cases = assessment().map((row) => row.slice(0, 2));
    expect(() => bundle.RATE_STANDARD(cases, '2.1')).toThrow(/no column for 2\.1\.2 \("Does assessment focus sufficiently on the factors linked to/);
  });

  it('says when a key question has no applicable case: Not rated, not an error (R12)', () => {
    const cases = assessment().map((row, index) => (index === 0 ? row : [row[0], row[1], row[2], 'N/A']));
    expect(bundle.RATE_STANDARD(cases, '2.1')).toBe('Not rated');
    expect(bundle.RATING_EXPLAIN(cases, '2.1')).toMatch(/^2\.1 Assessment is Not rated yet: key question 2\.1\.3 has no Yes or No answer in scope yet/);
  });

  it('names an out-of-range percentage', () => {
    expect(() => bundle.RATING_BAND(65)).toThrow('The percent must be a fraction from 0 to 1 (65% is 0.65); got 65.');
    expect(() => bundle.RATING_BAND('sixty')).toThrow(/The percent must be a number; got "sixty"/);
    expect(() => bundle.CHANGE_SIGNIFICANT(1.2, 10, 0.5, 10)).toThrow(/p1 must be a fraction/);
  });

  it('names an unknown rating label and where it is', () => {
    expect(() => bundle.STANDARD_SCORE('Excellent')).toThrow('The rating: "Excellent" is not a rating. Use one of "Inadequate", "Requires improvement", "Good", "Outstanding".');
    expect(() => bundle.OVERALL_SCORE([['Good'], ['Grand']])).toThrow(/Row 2, column 1 of the ratings range: "Grand" is not a rating/);
    expect(() => bundle.RATE_STANDARD(assessment(), '2.1', 'Brilliant')).toThrow(/The panel rating for 2\.1: "Brilliant" is not a rating/);
  });

  it('names an unknown standard and a missing filter column', () => {
    expect(() => bundle.RATE_STANDARD(assessment(), '2.9')).toThrow(/no standard "2\.9".*Standards: 1\.1, 1\.2/);
    expect(() => bundle.KQ_SCORE(assessment(), '2.1.1', 'Gender', 'Female')).toThrow(/no column headed "Gender".*"Case ID"/);
    expect(() => bundle.RATE_STANDARD(assessment(), '1.1')).toThrow(/lead inspector's judgement/);
  });

  it('refuses two columns with the same key-question id', () => {
    const cases = assessment().map((row) => [...row, row[1]]);
    expect(() => bundle.KQ_SCORE(cases, '2.1.1')).toThrow(/Two columns are headed 2\.1\.1/);
  });

  it('refuses a range that does not start at a header row', () => {
    expect(() => bundle.RATE_STANDARD('Yes', '2.1')).toThrow(/must be a range that starts at the header row/);
    expect(() => bundle.RATE_STANDARD([['', ''], ['Yes', 'No']], '2.1')).toThrow(/first row of the cases range is empty/);
  });
});

describe('functions › accepted spellings count (R1)', () => {
  it('counts every accepted spelling of Yes, No and N/A', () => {
    const cases: Cell[][] = [
      ['Case ID', '2.1.1 Engaging'],
      ['a', 'yes'], ['b', ' Y '], ['c', true], ['d', 'NO'], ['e', 'n'], ['f', false],
      ['g', 'n/a'], ['h', 'NA'], ['i', 'Not applicable'], ['j', ''],
    ];
    expect(bundle.KQ_SCORE(cases, '2.1.1')).toBe(3 / 6);
  });
});

describe('functions › ranges in, same shape out (docs/functions.md)', () => {
  it('RATING_BAND, STANDARD_SCORE and CHANGE_SIGNIFICANT map over equal-shaped ranges', () => {
    expect(bundle.RATING_BAND([[0.49, 0.5], [0.645, '']])).toEqual([['Inadequate', 'Requires improvement'], ['Good', '']]);
    expect(bundle.STANDARD_SCORE([['Good', 'outstanding']])).toEqual([[2, 3]]);
    expect(bundle.CHANGE_SIGNIFICANT([[0.81], [0.61], ['']], [[100], [79], [100]], [[0.63], [0.57], [0.5]], [[1000], [72], [100]])).toEqual([[true], [false], ['']]);
    expect(() => bundle.CHANGE_SIGNIFICANT([[0.5], [0.5]], [[10]], 0.5, 10)).toThrow(/same size/);
  });

  it('KQ_SCORE takes a range of filter values, one result per value', () => {
    const cases: Cell[][] = [
      ['Case ID', 'Sentence type', '2.1.1 Engaging'],
      ['a', 'Community', 'Yes'], ['b', 'community ', 'No'], ['c', 'Licence', 'Yes'], ['d', 'Licence', 'Yes'], ['e', 'Licence', 'No'],
    ];
    expect(bundle.KQ_SCORE(cases, '2.1.1', 'Sentence type', [['Community'], ['Licence']])).toEqual([[1 / 2], [2 / 3]]);
    expect(bundle.KQ_SCORE(cases, [['2.1.1', '2.1.1']], 'Sentence type', [['Community', 'Licence']])).toEqual([[1 / 2, 2 / 3]]);
  });

  it('SAMPLE_SIZE plans 80% confidence and a 5-point margin by default', () => {
    expect(bundle.SAMPLE_SIZE([[1000], [1e9]])).toEqual([[142], [165]]);
  });
});

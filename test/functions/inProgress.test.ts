/**
 * R12 and R11 through the built bundle: work in progress is not an error, one bad element
 * never hides the others, and hostile or careless input gets a message a person can act on.
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { loadBundle } from '../support/bundle';
import { caseTable, Cell } from '../../examples/synthetic-cases';

const bundle = loadBundle();

/** 2.1's three key questions at 60%, 80%, 70% over ten cases, with a sentence type column. */
function assessment(): Cell[][] {
  return caseTable(
    CRC_2018,
    10,
    [
      { id: '2.1.1', percent: 60, applicable: 10 },
      { id: '2.1.2', percent: 80, applicable: 10 },
      { id: '2.1.3', percent: 70, applicable: 10 },
    ],
    { 'Sentence type': Array.from({ length: 10 }, (_, index) => (index < 4 ? 'Licence' : 'Community')) },
  );
}

const column = (cases: Cell[][], id: string) => cases[0].findIndex((header) => String(header).startsWith(`${id} `));

describe('functions › work in progress (R12)', () => {
  it('a standard with a key question not answered yet is Not rated; its score is blank; the panel may not rate it', () => {
    const cases = assessment().map((row, index) => (index === 0 ? row : row.map((cell, at) => (at === column(assessment(), '2.1.3') ? '' : cell))));
    expect(bundle.RATE_STANDARD(cases, '2.1')).toBe('Not rated');
    expect(bundle.RATE_STANDARD(cases, [['2.1'], ['2.2']])).toEqual([['Not rated'], [expect.stringMatching(/^Error: The cases range has no column for 2\.2\.1/)]]);
    expect(() => bundle.RATE_STANDARD(cases, '2.1', 'Good')).toThrow(/2\.1 Assessment is Not rated yet, so the panel cannot rate it: key question 2\.1\.3 has no Yes or No answer/);
    expect(bundle.STANDARD_SCORE('Not rated')).toBe('');
    expect(bundle.STANDARD_SCORE([['Good'], ['Not rated'], [''], ['Maybe']])).toEqual([[2], [''], [''], [expect.stringMatching(/^Error: The rating: "Maybe" is not a rating/)]]);
  });

  it('an empty case tab (header row only): every standard Not rated, tables spill every key question with blanks', () => {
    const header = [assessment()[0]];
    expect(bundle.RATE_STANDARD(header, '2.1')).toBe('Not rated');
    expect(bundle.KQ_SCORE(header, '2.1.1')).toBe('');
    const table = bundle.RATINGS_TABLE(header) as unknown[][];
    expect(table.filter((row) => /^2\.1\.\d$/.test(String(row[1]))).map((row) => row.slice(3, 8))).toEqual([
      [0, 0, '', '', ''], [0, 0, '', '', ''], [0, 0, '', '', ''],
    ]);
  });

  it('OVERALL_SCORE and OVERALL_RATING skip Not rated and blank entries; none rated: blank and Not rated', () => {
    expect(bundle.OVERALL_SCORE([['Good'], ['Not rated'], [''], ['Outstanding']])).toBe(5);
    // k = 2 rated: 5 > 5·2/2 = 5? no, 5 ≤ 5 → Good.
    expect(bundle.OVERALL_RATING([['Good'], ['Not rated'], [''], ['Outstanding']])).toBe('Good');
    expect(bundle.OVERALL_SCORE([[''], ['']])).toBe('');
    expect(bundle.OVERALL_RATING([['Not rated'], ['']])).toBe('Not rated');
    expect(() => bundle.OVERALL_SCORE([['Good'], ['Error: something broke']])).toThrow(/Row 2, column 1 of the ratings range holds an error, "Error: something broke"/);
    expect(() => bundle.OVERALL_RATING([['Good'], ['#N/A']])).toThrow(/Row 2, column 1 .* holds an error/);
  });

  it('ranged ids answer element by element: a blank gives a blank, a bad one its message', () => {
    const cases = assessment();
    expect(bundle.RATE_STANDARD(cases, [['2.1'], ['']])).toEqual([['Requires improvement'], ['']]);
    expect(bundle.RATING_EXPLAIN(cases, [['2.1'], ['']])).toEqual([[expect.stringMatching(/^2\.1 Assessment is Requires improvement/)], ['']]);
    expect(bundle.KQ_SCORE(cases, [['2.1.1'], [''], ['9.9.9']])).toEqual([[0.6], [''], [expect.stringMatching(/^Error: The cases range has no column for "9\.9\.9"/)]]);
    expect(bundle.RATING_BAND([[0.7], [65], ['']])).toEqual([['Good'], [expect.stringMatching(/^Error: The percent must be a fraction/)], ['']]);
    // Called on single cells, a bad value still fails the call (R11).
    expect(() => bundle.RATE_STANDARD(cases, '')).toThrow(/no standard ""/);
  });

  it('a null row in a range is a blank row everywhere, never a TypeError', () => {
    expect(bundle.RATING_BAND([[0.5], null, [0.8]])).toEqual([['Requires improvement'], [''], ['Outstanding']]);
    expect(bundle.OVERALL_SCORE([['Good'], null, ['Outstanding']])).toBe(5);
    expect(bundle.OVERALL_RATING([['Good'], null, ['Outstanding']], '2/4/6')).toBe('Outstanding');
    const cases: Array<Cell[] | null> = assessment();
    const blanked = cases.slice();
    blanked.splice(3, 0, null);
    // 2.1.1 is 6 Yes of 10 with or without a null row among the cases.
    expect(bundle.KQ_SCORE(blanked, '2.1.1')).toBe(0.6);
    expect(bundle.RATINGS_TABLE(blanked)[1].slice(1, 6)).toEqual(['2.1.1', expect.any(String), 6, 10, 0.6]);
    expect(bundle.PERCENT_INTERVAL([[6], null], [[10], null])).toEqual([[expect.any(Number), expect.any(Number)], ['', '']]);
  });

  it('an invalid date in a range gets a message, not a RangeError', () => {
    const cases = assessment();
    cases[3][column(cases, '2.1.1')] = new Date(Number.NaN) as unknown as Cell;
    expect(() => bundle.KQ_SCORE(cases, '2.1.1')).toThrow(/Row 4, column "2\.1\.1 .*": an invalid date is not an answer/);
  });
});

describe('functions › careless and hostile input (R11)', () => {
  it('a filter value no case has is named with the values present, not an all-blank table', () => {
    const cases = assessment();
    const message = 'No case has Sentence type = "Comunity"; values present: Licence, Community.';
    expect(() => bundle.RATINGS_TABLE(cases, 'Sentence type', 'Comunity')).toThrow(message);
    expect(() => bundle.KQ_SCORE(cases, '2.1.1', 'Sentence type', 'Comunity')).toThrow(message);
    expect(bundle.KQ_SCORE(cases, '2.1.1', 'Sentence type', [['Community'], ['Comunity']])).toEqual([[expect.any(Number)], [`Error: ${message}`]]);
    // A column nobody has filled in yet is work in progress (R12): blank, not an error.
    const unfilled = cases.map((row, index) => (index === 0 ? row : row.map((cell, at) => (cases[0][at] === 'Sentence type' ? '' : cell))));
    expect(bundle.KQ_SCORE(unfilled, '2.1.1', 'Sentence type', 'Licence')).toBe('');
  });

  it('two columns with the same filter header are refused, as for key questions', () => {
    const cases = assessment().map((row, index) => [...row, index === 0 ? 'Sentence type' : 'Licence']);
    expect(() => bundle.KQ_SCORE(cases, '2.1.1', 'Sentence type', 'Licence')).toThrow(/Two columns are headed "Sentence type"/);
    expect(() => bundle.RATINGS_TABLE(cases, 'sentence type', 'Licence')).toThrow(/Two columns are headed "Sentence type"/);
  });

  it('a filter value with a blank filter header is refused, not ignored', () => {
    expect(() => bundle.KQ_SCORE(assessment(), '2.1.1', '', 'Licence')).toThrow(/filter value "Licence" needs a filter header/);
    expect(() => bundle.RATINGS_TABLE(assessment(), '', 'Licence')).toThrow(/needs a filter header/);
  });

  it.each([
    ['the header row left out', (cases: Cell[][]) => cases.slice(1)],
    ['"2.1.1: …" headers', (cases: Cell[][]) => relabel(cases, ': ')],
    ['"2.1.1. …" headers', (cases: Cell[][]) => relabel(cases, '. ')],
    ['"2.1.1) …" headers', (cases: Cell[][]) => relabel(cases, ') ')],
  ])('a range with no recognisable key-question column (%s): tables say what was expected and found', (_, damage) => {
    const cases = damage(assessment());
    expect(() => bundle.RATINGS_TABLE(cases)).toThrow(/no key-question column: a key question's header starts with its id and a space, e\.g\. "2\.1\.1 .*Its first row holds/);
    expect(() => bundle.PROMPTS_TABLE(cases)).toThrow(/no key-question column/);
  });

  it('rating labels with trailing, inner or non-breaking spaces read the same everywhere', () => {
    const ratings = [['Good '], ['Requires\u00a0improvement'], ['\u00a0outstanding'], ['requires  improvement']];
    expect(bundle.STANDARD_SCORE(ratings)).toEqual([[2], [1], [3], [1]]);
    expect(bundle.OVERALL_SCORE(ratings)).toBe(7);
  });

  it('SAMPLE_SIZE names the accepted range of a confidence it cannot use', () => {
    expect(() => bundle.SAMPLE_SIZE(1000, 1e-6)).toThrow('The confidence must be from 0.5 to 0.999 (80% is 0.8); got 0.000001.');
    expect(() => bundle.SAMPLE_SIZE(1000, 0.8, 2)).toThrow(/The margin must be from 0\.001 to 0\.5/);
  });

  it('a value of 50,000 characters is quoted to 200 in messages', () => {
    const cases = assessment();
    cases[2][column(cases, '2.1.1')] = 'x'.repeat(50000);
    const message = (() => {
      try {
        bundle.KQ_SCORE(cases, '2.1.1');
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain(`"${'x'.repeat(200)}… (50000 characters)"`);
    expect(message.length).toBeLessThan(500);
  });

  it('an invisible character is shown by its code point', () => {
    const cases = assessment();
    cases[2][column(cases, '2.1.1')] = 'Yes\u200b';
    expect(() => bundle.KQ_SCORE(cases, '2.1.1')).toThrow('"Yes[U+200B]" is not an answer');
  });

  it('a date is shown as the sheet shows it in the script time zone, not a day early in summer', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      const cases = assessment();
      // Midnight on 1 July in London is 23:00 on 30 June in UTC.
      cases[2][column(cases, '2.1.1')] = new Date(2026, 6, 1) as unknown as Cell;
      expect(() => bundle.KQ_SCORE(cases, '2.1.1')).toThrow('the date 2026-07-01 is not an answer');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('ids are read as headers are: "2.1.1(A)" is the prompt 2.1.1(a)', () => {
    const cases: Cell[][] = [['Case ID', '2.1.1(a) Motivation', '2.1.1 Engaging'], ['a', 'Yes', 'Yes'], ['b', 'No', 'Yes']];
    expect(bundle.KQ_SCORE(cases, '2.1.1(A)')).toBe(0.5);
    expect(bundle.KQ_SCORE(cases, ' 2.1.1 ')).toBe(1);
  });

  it('a standard id the locale turned into a date says so, and how to avoid it', () => {
    expect(() => bundle.RATE_STANDARD(assessment(), new Date(2026, 0, 2))).toThrow(
      /The standard id is the date 2026-01-02: Sheets read the id as a date as it was typed\. Type it as text/,
    );
  });
});

function relabel(cases: Cell[][], separator: string): Cell[][] {
  return [cases[0].map((header) => String(header).replace(/^(\d+\.\d+\.\d+) /, `$1${separator}`)), ...cases.slice(1)];
}

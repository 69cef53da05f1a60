import fc from 'fast-check';
import { BANDS, wholePercent } from '../src/core/bands';
import { loadBundle } from './support/bundle';
import { Cell } from '../examples/synthetic-cases';

const bundle = loadBundle();

/** docs/method.md R4, read off the page: below 50% Inadequate, 50–64% Requires improvement, 65–79% Good, 80% and above Outstanding. */
const methodBand = (percent: number) => (percent >= 80 ? 'Outstanding' : percent >= 65 ? 'Good' : percent >= 50 ? 'Requires improvement' : 'Inadequate');
const HEADER = ['Case ID', 'Sentence type', '2.2.1 Engaging', '2.2.2 Desistance', '2.2.3 Keeping other people safe', '2.2.1(a) Involved'];
const answer = fc.constantFrom<Cell>('Yes', 'No', 'N/A', '', 'yes', 'n', true, false, 'Not applicable');
const caseRow = fc.tuple(fc.constantFrom<Cell>('Community', 'Licence'), answer, answer, answer, answer);
/** A case table with at least one Yes and one No in each key question, so every standard rates. */
const cases = fc.array(caseRow, { minLength: 0, maxLength: 60 }).map((rows) => [
  HEADER,
  ['C0', 'Community', 'Yes', 'Yes', 'Yes', 'Yes'],
  ['C1', 'Licence', 'No', 'No', 'No', 'No'],
  ...rows.map((row, index) => [`C${index + 2}`, ...row]),
]);

function rating(table: Cell[][]): unknown[] {
  return [bundle.RATE_STANDARD(table, '2.2'), bundle.RATINGS_TABLE(table), bundle.PROMPTS_TABLE(table), bundle.RATING_EXPLAIN(table, '2.2')];
}

describe('properties of the method', () => {
  it('reordering rows changes nothing', () => {
    fc.assert(
      fc.property(cases, fc.nat(), (table, seed) => {
        const rows = table.slice(1);
        const shuffled = rows.map((row, index) => ({ row, key: (index * 7919 + seed) % 10007 })).sort((a, b) => a.key - b.key).map((entry) => entry.row);
        expect(rating([table[0], ...shuffled])).toEqual(rating(table));
      }),
    );
  });

  it('reordering columns changes nothing', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.nat(HEADER.length - 1), { minLength: HEADER.length, maxLength: HEADER.length }), (table, keys) => {
        const order = HEADER.map((_, index) => index).sort((a, b) => keys[a] - keys[b] || a - b);
        expect(rating(table.map((row) => order.map((index) => row[index])))).toEqual(rating(table));
      }),
    );
  });

  it('adding N/A or blank rows changes nothing, wherever they go', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.tuple(fc.nat(), fc.constantFrom<Cell>('N/A', '', 'na')), { maxLength: 20 }), (table, extra) => {
        const padded = table.map((row) => [...row]);
        for (const [position, filler] of extra) {
          padded.splice(1 + (position % padded.length), 0, ['X', 'Community', filler, filler, filler, filler]);
        }
        expect(bundle.RATE_STANDARD(padded, '2.2')).toEqual(bundle.RATE_STANDARD(table, '2.2'));
        expect(bundle.RATINGS_TABLE(padded)).toEqual(bundle.RATINGS_TABLE(table));
      }),
    );
  });

  it('the band never falls as Yes answers rise', () => {
    fc.assert(
      fc.property(cases, fc.nat(), (table, pick) => {
        const noCells: Array<[number, number]> = [];
        table.forEach((row, rowIndex) => row.forEach((cell, column) => {
          if (rowIndex > 0 && column >= 2 && column <= 4 && (cell === 'No' || cell === 'n' || cell === false)) noCells.push([rowIndex, column]);
        }));
        fc.pre(noCells.length > 1); // keep one No so the standard still has an applicable answer
        const [rowIndex, column] = noCells[pick % noCells.length];
        const raised = table.map((row) => [...row]);
        raised[rowIndex][column] = 'Yes';
        const before = BANDS.indexOf(bundle.RATE_STANDARD(table, '2.2'));
        expect(BANDS.indexOf(bundle.RATE_STANDARD(raised, '2.2'))).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('R3: rounds to the nearest whole percent, halves up, for every count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.nat(), (applicable, seed) => {
        const yes = seed % (applicable + 1);
        const percent = wholePercent(yes, applicable);
        // 100·yes/n − p lies in [−½, ½): the nearest whole number, with halves rounded up.
        const twiceError = 2 * (100 * yes - percent * applicable);
        expect(twiceError).toBeGreaterThanOrEqual(-applicable);
        expect(twiceError).toBeLessThan(applicable);
      }),
    );
  });

  it('R3: every exact .5 rounds up, through RATING_BAND on the stored fraction too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 50 }), (percent, k) => {
        const applicable = 200 * k;
        const yes = (2 * percent + 1) * k; // exactly percent + ½
        expect(wholePercent(yes, applicable)).toBe(percent + 1);
        expect(bundle.RATING_BAND(yes / applicable)).toBe(methodBand(percent + 1));
      }),
    );
  });
});

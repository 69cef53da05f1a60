/**
 * R5's tie rule (docs/method.md): the lowest key question is the one with the lowest exact
 * proportion Yes ÷ applicable; two with the same exact proportion go by the framework's order of
 * key questions (2.1.1 before 2.1.2), so the columns' order on the case tab never changes a result.
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { readCaseTable } from '../../src/core/caseTable';
import { rateStandard } from '../../src/core/standards';
import { loadBundle } from '../support/bundle';

const assessment = CRC_2018.domains[1].standards[0];

/** A case tab with a column per key question id, each answered by `answers[id]` (case by case), in `order`. */
function cases(answers: Record<string, string[]>, order: string[]): unknown[][] {
  const length = Math.max(...Object.values(answers).map((column) => column.length));
  return [
    ['Case ID', ...order.map((id) => `${id} ${id}`)],
    ...Array.from({ length }, (_, row) => [`C${row + 1}`, ...order.map((id) => answers[id][row] ?? '')]),
  ];
}

const answered = (yes: number, no: number, na = 0) => [...Array<string>(yes).fill('Yes'), ...Array<string>(no).fill('No'), ...Array<string>(na).fill('N/A')];

function lowestOf(range: unknown[][]): string {
  const table = readCaseTable(range);
  const rating = rateStandard(table, assessment, table.rows.map((_, index) => index));
  if ('notRated' in rating) throw new Error('Not rated');
  return rating.lowest.keyQuestion.id;
}

describe('R5: which key question is lowest, and the tie rule', () => {
  // 2.1.1 and 2.1.2 both 13 of 20 (65 %), exactly equal; 2.1.2 also has 3 N/A, which do not count (R2); 2.1.3 18 of 20.
  const tie = { '2.1.1': answered(13, 7), '2.1.2': answered(13, 7, 3), '2.1.3': answered(18, 2) };

  it('an exact tie goes to the first key question in the framework, whatever the order of the columns', () => {
    expect(lowestOf(cases(tie, ['2.1.1', '2.1.2', '2.1.3']))).toBe('2.1.1');
    expect(lowestOf(cases(tie, ['2.1.3', '2.1.2', '2.1.1']))).toBe('2.1.1');
  });

  it('the same whole percentage but a lower exact proportion is the lowest: 84 of 130 (64.6 %) under 13 of 20 (65.0 %)', () => {
    // Both are 65 % as published (R3); 84/130 = 0.6462 < 0.65 = 13/20, so 2.1.2 is the lowest in either order.
    const nearTie = { '2.1.1': answered(13, 7), '2.1.2': answered(84, 46), '2.1.3': answered(18, 2) };
    expect(lowestOf(cases(nearTie, ['2.1.1', '2.1.2', '2.1.3']))).toBe('2.1.2');
    expect(lowestOf(cases(nearTie, ['2.1.2', '2.1.1', '2.1.3']))).toBe('2.1.2');
  });

  it('RATING_EXPLAIN names the same key question in either column order', () => {
    const bundle = loadBundle();
    const sentences = [['2.1.1', '2.1.2', '2.1.3'], ['2.1.2', '2.1.3', '2.1.1']].map((order) => bundle.RATING_EXPLAIN(cases(tie, order), '2.1') as string);
    expect(sentences[0]).toMatch(/2\.1\.1, is 65% \(13 of 20 applicable cases\)/);
    expect(sentences[1]).toBe(sentences[0]);
  });
});

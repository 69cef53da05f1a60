import type { BoundaryMove } from '../../src/addon/boundaryCases';
import { columnLetter } from '../../src/core/a1';
import { newWorkbook, typePublishedCases } from './support';

describe('addon › the cases a panel move rests on, with their evidence (docs/user-guide.md)', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  const moves = new Map(['2.1', '2.2', '2.3', '2.4', '4.1', '4.2'].map((id) => [id, rt.call<BoundaryMove[]>('getBoundaryCases', id)]));

  it('lists, for each move R6 allows, the Nos (raise) or Yeses (lower) on the lowest key question, each at its answer cell', () => {
    // docs/method.md R6 on the published figures: 2.1's lowest, 2.1.1, is 65/100 = 65 %, 0 points above
    // Good's 65: it may be lowered (65 Yes answers, the first 50 listed); 2.2.3 is 48/79 = 61 %, 4 below 65:
    // it may be raised (31 No); 2.3 (44 %) and 2.4 (42 %) are 6 and 8 below 50, and one more Yes gives
    // 45 % and 43 %: no move; 4.1 moves on its qualitative 4.1.3, not on cases (R7); 4.2.2 is 11/14 = 79 %,
    // 1 below 80: it may be raised (3 No).
    const summary = Object.fromEntries([...moves].map(([id, list]) => [id, list.map((move) => [move.direction, move.to, move.keyQuestionId, move.cases.length])]));
    expect(summary).toEqual({
      '2.1': [['lower', 'Requires improvement', '2.1.1', 50]],
      '2.2': [['raise', 'Good', '2.2.3', 31]],
      '2.3': [],
      '2.4': [],
      '4.1': [],
      '4.2': [['raise', 'Outstanding', '4.2.2', 3]],
    });
    for (const list of moves.values()) {
      for (const move of list) {
        for (const boundaryCase of move.cases) {
          const answer = rt.values(boundaryCase.tab, `${columnLetter(boundaryCase.column)}${boundaryCase.row}`)[0][0];
          expect(answer).toBe(move.direction === 'raise' ? 'No' : 'Yes');
          expect(rt.sheetValues(boundaryCase.tab)[0][boundaryCase.column - 1]).toMatch(new RegExp(`^${move.keyQuestionId.replace(/\./g, '\\.')} `));
        }
      }
    }
  });

  it("shows each case's evidence from the Evidence column beside the key question", () => {
    const [id, [move]] = [...moves].find(([, list]) => list.length > 0)!;
    const first = move.cases[0];
    const header = rt.sheetValues(first.tab)[0].map(String);
    const evidenceColumn = header.indexOf(`Evidence ${move.keyQuestionId}`) + 1;
    expect(evidenceColumn).toBe(first.column + 1);
    rt.setCellValues(first.tab, `${columnLetter(evidenceColumn)}${first.row}`, [['No risk assessment on file at the start of the order.']]);
    const again = rt.call<BoundaryMove[]>('getBoundaryCases', id);
    expect(again[0].cases[0]).toMatchObject({ caseId: first.caseId, evidence: 'No risk assessment on file at the start of the order.' });
  });
});

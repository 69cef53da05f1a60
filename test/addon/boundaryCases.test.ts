import type { BoundaryMove } from '../../src/addon/boundaryCases';
import { columnLetter } from '../../src/core/a1';
import { newWorkbook, typePublishedCases, wholeTab } from './support';

describe('addon › the cases a panel move rests on, with their evidence (docs/user-guide.md)', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  const moves = new Map(['2.1', '2.2', '2.3', '2.4', '4.1', '4.2'].map((id) => [id, rt.call<BoundaryMove[]>('getBoundaryCases', id)]));

  it('lists, for each move R6 allows, the Nos (raise) or Yeses (lower) on the lowest key question, each at its answer cell', () => {
    const listed = [...moves].filter(([, list]) => list.length > 0);
    expect(listed.length).toBeGreaterThan(0);
    for (const [id, list] of listed) {
      for (const move of list) {
        const explained = String(rt.evaluate(`=RATING_EXPLAIN(${wholeTab(rt, 'Case supervision')}, "${id}")`));
        if (id.startsWith('2.')) expect(explained).toContain(`${move.direction} it to ${move.to}`);
        // Every such case is listed (up to 50), not just some.
        const tab = move.cases[0]?.tab ?? 'Case supervision';
        const column = move.cases[0]?.column ?? 1;
        const wanted = rt.sheetValues(tab).slice(1).filter((row) => row[column - 1] === (move.direction === 'raise' ? 'No' : 'Yes')).length;
        expect(move.cases.length).toBe(Math.min(50, wanted));
        expect(move.cases.length).toBeGreaterThan(0);
        for (const boundaryCase of move.cases) {
          const answer = rt.values(boundaryCase.tab, `${columnLetter(boundaryCase.column)}${boundaryCase.row}`)[0][0];
          expect(answer).toBe(move.direction === 'raise' ? 'No' : 'Yes');
          expect(rt.sheetValues(boundaryCase.tab)[0][boundaryCase.column - 1]).toMatch(new RegExp(`^${move.keyQuestionId.replace(/\./g, '\\.')} `));
        }
      }
    }
    // R7: unpaid work moves on its qualitative key question, not on cases.
    expect(moves.get('4.1')).toEqual([]);
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

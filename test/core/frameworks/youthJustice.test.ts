import { BANDS, Band } from '../../../src/core/bands';
import { readCaseTable, rowsWhere } from '../../../src/core/caseTable';
import { checkCaseTab } from '../../../src/core/dataQuality';
import { Framework, keyQuestionsOf, standardsOf, validateFramework } from '../../../src/core/framework';
import { FRAMEWORKS, frameworkById } from '../../../src/core/frameworks';
import { YJ_2018, YJ_2021, YOUTH_HARM_FACTORS } from '../../../src/core/frameworks/youthJustice';
import { overallRating, overallScore } from '../../../src/core/overall';
import { rateStandard, requireRated } from '../../../src/core/standards';
import { caseTabLayouts, leadJudgementStandards } from '../../../src/core/workbook';

const counted = (framework: Framework) => standardsOf(framework).filter((standard) => standard.counts);
const rows = (framework: Framework) => standardsOf(framework).map((standard) => [standard.id, standard.name, standard.kind === 'caseBased' ? standard.caseTab : 'judgement', standard.counts]);

describe('youth justice frameworks (docs/frameworks.md)', () => {
  it.each([[YJ_2018.id, YJ_2018], [YJ_2021.id, YJ_2021]] as const)('%s passes validation and is built in', (_, framework) => {
    expect(validateFramework(framework)).toEqual([]);
    expect(frameworkById(framework.id)).toBe(framework);
  });

  it('keeps the CRC framework first and every id unique', () => {
    expect(FRAMEWORKS.map((framework) => framework.id)).toEqual(['crc-2018', 'yj-2018', 'yj-2021']);
  });

  it('rates twelve standards in 2018: 1.1–1.4 by judgement, 2.1–2.4 and 3.1–3.3 from cases, 3.4 by judgement', () => {
    expect(rows(YJ_2018)).toEqual([
      ['1.1', 'Governance and leadership', 'judgement', true],
      ['1.2', 'Staff', 'judgement', true],
      ['1.3', 'Partnerships and services', 'judgement', true],
      ['1.4', 'Information and facilities', 'judgement', true],
      ['2.1', 'Assessment', 'Court disposals', true],
      ['2.2', 'Planning', 'Court disposals', true],
      ['2.3', 'Implementation and delivery', 'Court disposals', true],
      ['2.4', 'Reviewing', 'Court disposals', true],
      ['3.1', 'Assessment', 'Out-of-court disposals', true],
      ['3.2', 'Planning', 'Out-of-court disposals', true],
      ['3.3', 'Implementation and delivery', 'Out-of-court disposals', true],
      ['3.4', 'Joint working', 'judgement', true],
    ]);
    expect(3 * counted(YJ_2018).length).toBe(36);
  });

  it('adds resettlement in 2021, rated from its own tab but not counted', () => {
    const standards = standardsOf(YJ_2021);
    expect(standards).toHaveLength(13);
    expect(standards.find((standard) => standard.id === '4.1')).toMatchObject({ name: 'Resettlement', kind: 'caseBased', caseTab: 'Resettlement', counts: false });
    expect(counted(YJ_2021).map((standard) => standard.id)).toEqual(counted(YJ_2018).map((standard) => standard.id));
    expect(caseTabLayouts(YJ_2021).map((layout) => layout.name)).toEqual(['Court disposals', 'Out-of-court disposals', 'Resettlement']);
  });

  it.each([
    [6, 'Inadequate'], [7, 'Requires improvement'], [18, 'Requires improvement'], [19, 'Good'], [30, 'Good'], [31, 'Outstanding'],
  ] as const)('gives an overall %i of 36 as %s (R9 for twelve)', (score, band) => {
    const ratings: Band[] = counted(YJ_2018).map((_, index) => BANDS[Math.min(3, Math.max(0, score - 3 * index))]);
    expect(overallScore(ratings)).toBe(score);
    expect(overallRating(ratings, YJ_2018.overall, counted(YJ_2018).length)).toBe(band);
  });

  it('asks three key questions per case-based standard, the third only of cases with harm factors', () => {
    for (const standard of standardsOf(YJ_2021).filter((candidate) => candidate.kind === 'caseBased')) {
      expect(standard.keyQuestions.map((keyQuestion) => keyQuestion.id)).toEqual([1, 2, 3].map((n) => `${standard.id}.${n}`));
      expect(standard.keyQuestions.map((keyQuestion) => keyQuestion.subSample)).toEqual([undefined, undefined, YOUTH_HARM_FACTORS]);
      expect(standard.keyQuestions[0].text).toMatch(/desistance\?$/);
    }
  });

  it('marks every key question and prompt as provisional wording, and says so in its source', () => {
    for (const framework of [YJ_2018, YJ_2021]) {
      expect(framework.source).toMatchObject({ wording: 'provisional', note: expect.stringContaining('Framework tab') });
      const keyQuestions = keyQuestionsOf(framework);
      expect(keyQuestions.length).toBeGreaterThan(0);
      for (const keyQuestion of keyQuestions) {
        expect(keyQuestion.wording).toBe('provisional');
        for (const prompt of keyQuestion.prompts) expect(prompt.wording).toBe('provisional');
      }
    }
  });

  it('turns 3.4 into a case-based standard by changing its kind alone', () => {
    const [organisational, court, outOfCourt] = YJ_2018.domains;
    const switched: Framework = {
      ...YJ_2018,
      domains: [organisational, court, { ...outOfCourt, standards: outOfCourt.standards.map((standard) => (standard.id === '3.4' ? { ...standard, kind: 'caseBased' as const } : standard)) }],
    };
    expect(validateFramework(switched)).toEqual([]);
    expect(leadJudgementStandards(switched).map((standard) => standard.id)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    const outOfCourtTab = caseTabLayouts(switched).find((layout) => layout.name === 'Out-of-court disposals')!;
    expect(outOfCourtTab.standards.map((standard) => standard.id)).toEqual(['3.1', '3.2', '3.3', '3.4']);
  });

  it('rates a court-disposals tab by the rules, and checks its sub-sample from the Harm factors column', () => {
    const layout = caseTabLayouts(YJ_2018)[0];
    const header = layout.headers;
    const harm = header.indexOf('Harm factors present');
    const column = (id: string) => header.findIndex((cell) => cell.startsWith(`${id} `));
    // Ten cases: 2.1.1 Yes in 7, 2.1.2 Yes in 6, 2.1.3 (four with harm factors) Yes in 3, N/A for the rest.
    const cases = Array.from({ length: 10 }, (_, index) => {
      const row: unknown[] = header.map(() => '');
      row[0] = `C${index + 1}`;
      row[harm] = index < 4 ? 'Yes' : 'No';
      row[column('2.1.1')] = index < 7 ? 'Yes' : 'No';
      row[column('2.1.2')] = index < 6 ? 'Yes' : 'No';
      row[column('2.1.3')] = index < 3 ? 'Yes' : index < 4 ? 'No' : 'N/A';
      return row;
    });
    const table = readCaseTable([header, ...cases]);
    const assessment = requireRated(rateStandard(table, standardsOf(YJ_2018).find((standard) => standard.id === '2.1')!, rowsWhere(table)));
    expect(assessment.keyQuestions.map((result) => [result.keyQuestion.id, result.yes, result.applicable, result.percent])).toEqual([
      ['2.1.1', 7, 10, 70], ['2.1.2', 6, 10, 60], ['2.1.3', 3, 4, 75],
    ]);
    expect([assessment.lowest.keyQuestion.id, assessment.rating]).toEqual(['2.1.2', 'Requires improvement']);

    cases[5][column('2.1.3')] = 'Yes';
    const { problems } = checkCaseTab(layout.name, readCaseTable([header, ...cases]), YJ_2018);
    expect(problems.filter((problem) => problem.kind === 'notApplicableExpected').map((problem) => [problem.cell, problem.message])).toEqual([
      [expect.any(String), expect.stringContaining('outside the sub-sample where "Harm factors present" is Yes, so N/A is expected')],
    ]);
  });
});

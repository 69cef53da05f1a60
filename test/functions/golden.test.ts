import { loadBundle } from '../support/bundle';
import { openEnded } from '../../examples/synthetic-cases';
import { PUBLISHED, publishedCases } from '../../examples/thames-valley-2019/published';
import { caseRows, generateInspection } from '../../examples/thames-valley-2019/cases';

const bundle = loadBundle();
const caseSupervision = openEnded(publishedCases('Case supervision', 'current'), 2000, 20);
const unpaidWork = publishedCases('Unpaid work', 'current');
const throughTheGate = publishedCases('Through the Gate', 'current');

describe('golden: Thames Valley CRC 2019 through the built bundle', () => {
  describe('current inspection', () => {
    it.each(Object.entries(PUBLISHED.keyQuestions).filter(([id]) => id.startsWith('2.')))('KQ_SCORE %s rounds to the published percentage', (id, values) => {
      const fraction = bundle.KQ_SCORE(caseSupervision, id);
      expect(Math.floor(fraction * 100 + 0.5)).toBe(values.current);
    });

    it('rates 2.1–2.4 as the report does before the panel', () => {
      const indicative = ['2.1', '2.2', '2.3', '2.4'].map((id) => bundle.RATE_STANDARD(caseSupervision, id));
      expect(indicative).toEqual(['Good', 'Requires improvement', 'Inadequate', 'Inadequate']);
    });

    it('allows the panel to raise 2.2 to Good (61% is within 5 of 65%)', () => {
      // The report's panel raised 2.2 Planning to Good and 4.2 Through the Gate to Outstanding.
      expect(bundle.RATE_STANDARD(caseSupervision, '2.2', 'Good')).toBe('Good');
      expect(bundle.RATING_EXPLAIN(caseSupervision, '2.2')).toMatch(/2\.2\.3, is 61% \(48 of 79 applicable cases\).*may raise it to Good/);
    });

    it('allows the panel to raise 4.2 to Outstanding (79% is within 5 of 80%)', () => {
      expect(bundle.RATE_STANDARD(throughTheGate, '4.2')).toBe('Good');
      expect(bundle.RATE_STANDARD(throughTheGate, '4.2', 'Outstanding')).toBe('Outstanding');
    });

    it('refuses to raise 2.3 (44%) or 2.4 (42%), saying why', () => {
      expect(() => bundle.RATE_STANDARD(caseSupervision, '2.3', 'Requires improvement')).toThrow(
        /may not raise 2\.3 Implementation and delivery.*2\.3\.2, is 44%.*6 points below the 50% boundary/,
      );
      expect(() => bundle.RATE_STANDARD(caseSupervision, '2.4', 'Requires improvement')).toThrow(/may not raise 2\.4 Reviewing.*2\.4\.3, is 42% \(33 of 79/);
    });

    it("gives Annex 4's prompt percentages for 2.1 (PROMPTS_TABLE), the 2.1.3 prompts over the 79 cases with harm factors, N/A elsewhere", () => {
      // Annex 4, 2.1 Assessment, current inspection: 73, 54, 68 / 70, 88, 81 / 56, 63, 51 (%).
      const sample = generateInspection().samples.find((candidate) => candidate.tab === 'Case supervision')!;
      const rows = bundle.PROMPTS_TABLE(caseRows(sample)) as unknown[][];
      const percentOf = (id: string) => {
        const row = rows.find((cells) => cells[0] === id)!;
        return Math.floor((200 * Number(row[2]) + Number(row[3])) / (2 * Number(row[3])));
      };
      const ids = ['2.1.1(a)', '2.1.1(b)', '2.1.1(c)', '2.1.2(a)', '2.1.2(b)', '2.1.2(c)', '2.1.3(a)', '2.1.3(b)', '2.1.3(c)'];
      expect(ids.map(percentOf)).toEqual([73, 54, 68, 70, 88, 81, 56, 63, 51]);
      // 2.1.3's prompts apply to the 79 cases with harm factors; the other 21 are N/A, not counted (R2).
      expect(rows.find((cells) => cells[0] === '2.1.3(a)')![3]).toBe(79);
      expect(rows.find((cells) => cells[0] === '2.1.1(a)')![3]).toBe(100);
    });

    it('rates unpaid work Good from 4.1.1, 4.1.2 and 4.1.4', () => {
      expect(bundle.RATE_STANDARD(unpaidWork, '4.1')).toBe('Good');
    });

    it('takes the ranged form: every case-supervision standard, with its panel rating, in one call', () => {
      const ratings = bundle.RATE_STANDARD(caseSupervision, [['2.1'], ['2.2'], ['2.3'], ['2.4']], [[''], ['Good'], [''], ['']]);
      expect(ratings).toEqual([['Good'], ['Good'], ['Inadequate'], ['Inadequate']]);
    });

    it('gives 17/30, Good overall with domain one all Good', () => {
      // Domain one is the lead inspector's judgement (R8): typed in as published, so only the computed six are checked.
      const computed = [
        ...bundle.RATE_STANDARD(caseSupervision, [['2.1'], ['2.2'], ['2.3'], ['2.4']], [[''], ['Good'], [''], ['']]),
        [bundle.RATE_STANDARD(unpaidWork, '4.1')],
        [bundle.RATE_STANDARD(throughTheGate, '4.2', 'Outstanding')],
      ];
      // The report's ratings page: 2.1 Good, 2.2 Good (raised by the panel), 2.3 and 2.4 Inadequate, 4.1 Good, 4.2 Outstanding.
      expect(computed.map((row: string[]) => row[0])).toEqual(['Good', 'Good', 'Inadequate', 'Inadequate', 'Good', 'Outstanding']);
      const ratings = [...['Good', 'Good', 'Good', 'Good'].map((rating) => [rating]), ...computed];
      expect(bundle.OVERALL_SCORE(ratings)).toBe(PUBLISHED.overall.score);
      expect(bundle.OVERALL_RATING(ratings)).toBe(PUBLISHED.overall.rating);
    });

    it('spills the ratings table with every key question, band and standard rating', () => {
      const table = bundle.RATINGS_TABLE(caseSupervision);
      expect(table).toHaveLength(13);
      const byId = new Map<unknown, unknown[]>(table.slice(1).map((row: unknown[]) => [row[1], row]));
      expect(byId.get('2.2.3')).toEqual(['2.2 Planning', '2.2.3', expect.stringMatching(/^Does planning address/), 48, 79, 48 / 79, 'Requires improvement', 'Requires improvement']);
      expect(byId.get('2.3.2')?.slice(3)).toEqual([44, 100, 0.44, 'Inadequate', 'Inadequate']);
    });
  });

  describe('previous inspection', () => {
    it('rates 2.1–2.4 Good, Requires improvement, Inadequate, Inadequate', () => {
      const previous = publishedCases('Case supervision', 'previous');
      const ratings = ['2.1', '2.2', '2.3', '2.4'].map((id) => bundle.RATE_STANDARD(previous, id));
      expect(ratings).toEqual(['2.1', '2.2', '2.3', '2.4'].map((id) => PUBLISHED.previousRatings[id as '2.1']));
    });
  });

  describe('all-CRCs aggregate', () => {
    it('rates from the aggregate percentages by the lowest key question', () => {
      const aggregate = publishedCases('Case supervision', 'aggregate');
      expect(['2.1', '2.2', '2.3', '2.4'].map((id) => bundle.RATE_STANDARD(aggregate, id))).toEqual([
        'Requires improvement', // 55%
        'Inadequate', // 46%
        'Inadequate', // 41%
        'Inadequate', // 44%
      ]);
      expect(bundle.RATE_STANDARD(publishedCases('Through the Gate', 'aggregate'), '4.2')).toBe('Requires improvement'); // 59%
    });
  });
});

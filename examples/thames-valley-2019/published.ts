import figures from './figures.json';
import { CRC_2018, HARM_FACTORS } from '../../src/core/frameworks/crc2018';
import { caseTable, Cell, KeyQuestionFigure } from '../synthetic-cases';

/** The example report's published figures (docs/method.md), as case tables Sheets would pass. */
export const PUBLISHED = figures;

export type Series = 'current' | 'previous' | 'aggregate';

const CASE_TABS = {
  'Case supervision': ['2.1', '2.2', '2.3', '2.4'],
  'Unpaid work': ['4.1'],
  'Through the Gate': ['4.2'],
} as const;

export type CaseTab = keyof typeof CASE_TABS;

/** R2: the keeping-other-people-safe questions are answered for the cases with harm factors only. */
function applicableCases(keyQuestionId: string, sample: Sample): number {
  const riskOfHarm = CRC_2018.domains
    .flatMap((domain) => domain.standards)
    .flatMap((standard) => standard.keyQuestions)
    .find((keyQuestion) => keyQuestion.id === keyQuestionId)?.subSample === HARM_FACTORS;
  return riskOfHarm && sample.harmFactors ? sample.harmFactors : sample.cases;
}

interface Sample {
  cases: number;
  harmFactors?: number;
}

/**
 * The case tab whose key questions give a series of published percentages. The aggregate
 * covers every CRC inspected, so it is built ten times the size (55% has no count out of 79).
 */
export function publishedCases(tab: CaseTab, series: Series): Cell[][] {
  const scale = series === 'aggregate' ? 10 : 1;
  const published = figures.samples[tab] as Sample;
  const sample: Sample = { cases: published.cases * scale, harmFactors: published.harmFactors && published.harmFactors * scale };
  const standards: readonly string[] = CASE_TABS[tab];
  const keyQuestionFigures: KeyQuestionFigure[] = Object.entries(figures.keyQuestions)
    .filter(([id, values]) => standards.some((standard) => id.startsWith(`${standard}.`)) && series in values)
    .map(([id, values]) => ({ id, percent: (values as Record<Series, number>)[series], applicable: applicableCases(id, sample) }));
  const metadata: Record<string, Cell[]> = sample.harmFactors
    ? { 'Harm factors present': Array.from({ length: sample.cases }, (_, row) => (row < (sample.harmFactors as number) ? 'Yes' : 'No')) }
    : {};
  return caseTable(CRC_2018, sample.cases, keyQuestionFigures, metadata);
}

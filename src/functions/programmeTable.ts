import { commonFramework, poolKeyQuestions } from '../core/programme';
import { customFunction } from '../publicFunction';
import { CASES_PARAM, readCases } from './caseRange';
import { CellArg, CellResult } from './cells';

export const PROGRAMME_TABLE_HEADER = ['Standard', 'Key question', 'Yes', 'Applicable', 'Percent', 'Band'];

/** How a message names the range in argument `position` (1-based). */
function rangeName(position: number): string {
  return `Range ${position} (argument cases${position})`;
}

export const PROGRAMME_TABLE = customFunction(
  {
    summary:
      'Key questions pooled over several inspections: one row per key question with its pooled Yes, applicable cases, percent and band, then for each range its own percent and whether it differs significantly from all the other ranges pooled (two-sided z-test, 0.1). Spills from the cell; the first row is its header.',
    example: `PROGRAMME_TABLE('Case supervision'!A:CM, IMPORTRANGE("https://docs.google.com/spreadsheets/d/…", "'Case supervision'!A:CM"))`,
    params: [
      { ...CASES_PARAM, name: 'cases1', description: `The first inspection's case range, starting at its header row, e.g. 'Case supervision'!A:CM.` },
      {
        ...CASES_PARAM,
        name: 'cases2',
        optional: true,
        repeating: true,
        description: "Another inspection's case range of the same framework and case tab, e.g. brought in with IMPORTRANGE.",
      },
    ],
    returns:
      'A table with a header row; per range, its percent (blank where nothing is applicable) and TRUE or FALSE for a significant difference (blank where it cannot be tested).',
  },
  (...ranges: CellArg[]): CellResult[][] => {
    const providers = ranges.map((range, index) => {
      const name = rangeName(index + 1);
      try {
        return { name, ...readCases(range) };
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    });
    if (providers.length === 0) throw new Error('PROGRAMME_TABLE needs at least one case range, starting at its header row.');
    const framework = commonFramework(providers);
    const rows = poolKeyQuestions(
      providers.map((provider) => ({ name: provider.name, tables: [{ table: provider.table }] })),
      framework,
    );
    const header = [...PROGRAMME_TABLE_HEADER, ...providers.flatMap((_, index) => [`Range ${index + 1} %`, `Range ${index + 1} differs`])];
    return [
      header,
      ...rows.map((row): CellResult[] => [
        row.standard.id,
        row.keyQuestion.id,
        row.yes,
        row.applicable,
        row.applicable > 0 ? row.yes / row.applicable : '',
        row.band ?? '',
        ...row.providers.flatMap((provider): CellResult[] => [
          provider.applicable > 0 ? provider.yes / provider.applicable : '',
          provider.significant ?? '',
        ]),
      ]),
    ];
  },
);

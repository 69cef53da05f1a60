/** `aggregate --out`'s programme workbook (docs/programme.md), in its own module so `aggregate --json` never loads the offline runtime or ExcelJS. */
import { basename } from 'node:path';
import { asText } from '../src/addon/cells';
import { COMPARISON_HEADER, comparisonQuestions } from '../src/core/workbook';
import { buildSpreadsheet, Workbook } from '../runtime';
import type { Programme } from './aggregate';
import { writeXlsx } from './xlsx';

/**
 * The programme workbook: a Comparison tab laid out like an inspection's, pooled figures in its
 * All providers columns, so a lead inspector can paste (or IMPORTRANGE) columns E:F into a new
 * inspection's Comparison tab row for row; and a Providers tab with each inspection's figures.
 */
export function programmeWorkbook(programme: Programme): Workbook {
  const pooled = new Map(programme.rows.map((row) => [row.keyQuestion.id, row]));
  const comparison = [
    COMPARISON_HEADER.map(asText),
    ...comparisonQuestions(programme.framework).map(({ id, text }) => {
      const row = pooled.get(id);
      const figures = row && row.applicable > 0 ? [row.yes / row.applicable, row.applicable] : ['', ''];
      return [asText(id), asText(text), '', '', ...figures];
    }),
  ];
  const providerColumns = programme.providers.flatMap((provider) => [`${basename(provider.file)} %`, `${basename(provider.file)} n`, `${basename(provider.file)} differs`]);
  const providers = [
    ['Standard', 'Key question', 'Yes', 'Applicable', 'Percent', 'Band', ...providerColumns].map(asText),
    ...programme.rows.map((row) => [
      asText(row.standard.id),
      asText(row.keyQuestion.id),
      row.yes,
      row.applicable,
      row.applicable > 0 ? row.yes / row.applicable : '',
      row.band ?? '',
      ...row.providers.flatMap((provider) => [provider.applicable > 0 ? provider.yes / provider.applicable : '', provider.applicable, provider.significant ?? '']),
    ]),
  ];
  const workbook = buildSpreadsheet({ name: `${programme.framework.name}: programme figures`, sheets: { Comparison: comparison, Providers: providers } });
  const layout: Array<[string, unknown[][], number[]]> = [
    ['Comparison', comparison, [3, 5]],
    ['Providers', providers, [5, ...programme.providers.map((_, index) => 7 + 3 * index)]],
  ];
  for (const [name, rows, percentColumns] of layout) {
    const sheet = workbook.sheet(name);
    sheet.frozenRows = 1;
    rows[0].forEach((_, index) => sheet.setFormat(1, index + 1, { fontWeight: 'bold' }));
    for (let row = 2; row <= rows.length; row += 1) for (const column of percentColumns) sheet.setFormat(row, column, { numberFormat: '0%' });
  }
  return workbook;
}

export async function writeProgrammeWorkbook(programme: Programme, file: string): Promise<void> {
  await writeXlsx(programmeWorkbook(programme), file, { mark: 'aggregate' });
}

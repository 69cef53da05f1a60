/**
 * `npm run example`: regenerates examples/thames-valley-2019/thames-valley-2019.xlsx, the example
 * inspection a user imports. Generates the synthetic cases (cases.ts), stops with the list of any
 * published figure they do not meet, then runs the built add-on (dist/Code.js) offline — New
 * inspection, the cases and judgements typed in — and writes the case-level tabs with exceljs.
 */
import { join, relative } from 'node:path';
import { writeXlsx } from '../../tools/xlsx';
import { ColumnPlan, generateInspection } from './cases';
import { buildExampleWorkbook, CASE_LEVEL_TABS } from './workbook';

const ROOT = join(__dirname, '..', '..');
export const EXAMPLE_FILE = join(__dirname, 'thames-valley-2019.xlsx');

function describe(plan: ColumnPlan): string {
  const split = plan.split
    ? `; ${plan.split.by}: ${Object.entries(plan.split.groups).map(([value, group]) => `${value} ${group.yes}/${group.applicable}`).join(', ')}`
    : '';
  const counts = plan.published === undefined ? 'blank' : `${plan.yes}/${plan.applicable} = ${plan.published}%`;
  return `  ${plan.tab.padEnd(17)} ${plan.id.padEnd(10)} ${counts}${plan.why ? ` (${plan.why})` : ''}${split}`;
}

async function main(): Promise<void> {
  const inspection = generateInspection();
  if (inspection.unmet.length > 0) {
    console.error(`These published figures are not met:\n${inspection.unmet.map((line) => `  ${line}`).join('\n')}`);
    process.exit(1);
  }
  const columns = inspection.plans.length;
  console.log(`Every published figure is met: ${columns} key-question and prompt columns over ${inspection.samples.map((sample) => `${sample.cases.length} ${sample.tab}`).join(', ')} cases.`);
  console.log('Columns answered over fewer cases than their sub-sample, or split as the report splits them:');
  for (const plan of inspection.plans.filter((candidate) => candidate.applicable < candidate.subSample || candidate.split)) console.log(describe(plan));
  const rt = buildExampleWorkbook(inspection, join(ROOT, 'dist'));
  await writeXlsx(rt.workbook, EXAMPLE_FILE, { sheets: CASE_LEVEL_TABS, arrayFunctions: rt.customFunctionNames });
  console.log(`Wrote ${relative(process.cwd(), EXAMPLE_FILE)} (${CASE_LEVEL_TABS.join(', ')}).`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});

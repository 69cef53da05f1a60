/**
 * `npm run demo`: the built add-on, offline, on the example inspection (Thames Valley CRC,
 * 2019). Loads dist/Code.js as Apps Script would and prints the report's ratings page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { PUBLISHED, publishedCases } from '../examples/thames-valley-2019/published';

const context = vm.createContext({});
vm.runInContext(readFileSync(join(__dirname, '..', 'dist', 'Code.js'), 'utf8'), context);
const addon = context as Record<string, (...args: unknown[]) => any>;

const tabs = {
  'Case supervision': publishedCases('Case supervision', 'current'),
  'Unpaid work': publishedCases('Unpaid work', 'current'),
  'Through the Gate': publishedCases('Through the Gate', 'current'),
};
const tabOf = (standardId: string) => (standardId.startsWith('2.') ? tabs['Case supervision'] : standardId === '4.1' ? tabs['Unpaid work'] : tabs['Through the Gate']);
const panel = PUBLISHED.panelJudgements as Record<string, { panel: string; rationale: string }>;

console.log('Thames Valley CRC inspection (2019), rebuilt from case tables by the built add-on\n');
const ratings: string[][] = [];
for (const [standardId, published] of Object.entries(PUBLISHED.ratings)) {
  if (standardId.startsWith('1.')) {
    ratings.push([published]);
    console.log(`${standardId}  ${published.padEnd(21)} (lead inspector's judgement)`);
    continue;
  }
  const cases = tabOf(standardId);
  const table: Array<Array<string | number>> = addon.RATINGS_TABLE(cases);
  const percents = table
    .slice(1)
    .filter((row) => String(row[0]).startsWith(`${standardId} `) && row[5] !== '')
    .map((row) => `${row[1]} ${Math.round(Number(row[5]) * 100)}%`)
    .join(', ');
  const rating: string = addon.RATE_STANDARD(cases, standardId, panel[standardId]?.panel ?? '');
  ratings.push([rating]);
  const moved = panel[standardId] ? ` (panel raised from ${addon.RATE_STANDARD(cases, standardId)})` : '';
  console.log(`${standardId}  ${rating.padEnd(21)} ${percents}${moved}`);
}
console.log(`\nOverall: ${addon.OVERALL_SCORE(ratings)}/${ratings.length * 3}, ${addon.OVERALL_RATING(ratings)}`);

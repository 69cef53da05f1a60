import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readXlsxWorkbook } from './xlsx';
async function main() {
  const file = process.argv[2];
  let t = performance.now();
  const lap = (label: string) => { const now = performance.now(); console.log(label, Math.round(now - t), 'ms'); t = now; };
  await readXlsxWorkbook(readFileSync(file), { valuesOnly: true }); lap('values only');
  await readXlsxWorkbook(readFileSync(file)); lap('with layout');
}
void main();

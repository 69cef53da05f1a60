import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileReader, generateSummaries, openSession, ratableModelOf, readValuesFile, readWorkbookFile, sessionReport, writeWorkbook } from './workbookSession';
async function main() {
  const file = process.argv[2];
  let t = performance.now();
  const lap = (label: string) => { const now = performance.now(); console.log(label, Math.round(now - t), 'ms', Math.round(process.memoryUsage().rss / 1048576), 'MB'); t = now; };
  const values = await readValuesFile(file); lap('values');
  const model = ratableModelOf(fileReader(values), file); lap('model');
  const wb = await readWorkbookFile(file, 'x'); lap('full read');
  const session = openSession(join(__dirname, '..'), wb, model); lap('new inspection');
  generateSummaries(session); lap('summaries');
  sessionReport(session); lap('report');
  await writeWorkbook(session, '/tmp/i24r/out.xlsx', { mark: 'rate' }); lap('write');
}
void main();

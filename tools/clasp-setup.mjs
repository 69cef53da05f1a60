// Writes .clasp.json (untracked) for `clasp push` from .clasp.json.example, with the Apps Script
// project's id from `npm run clasp:setup -- SCRIPT_ID` or the SCRIPT_ID environment variable.
// `npm run push` runs it first; with neither, an existing .clasp.json is kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const target = join(root, '.clasp.json');
const scriptId = (process.argv[2] ?? process.env.SCRIPT_ID ?? '').trim();
const WHERE = 'the Apps Script editor shows it under Project Settings › IDs › Script ID';

if (scriptId === '') {
  if (existsSync(target)) process.exit(0);
  console.error(`No script id: run npm run clasp:setup -- YOUR_SCRIPT_ID, or set SCRIPT_ID (${WHERE}).`);
  process.exit(1);
}
if (!/^[A-Za-z0-9_-]{20,}$/.test(scriptId)) {
  console.error(`"${scriptId}" is not an Apps Script script id (${WHERE}).`);
  process.exit(1);
}
const config = { ...JSON.parse(readFileSync(join(root, '.clasp.json.example'), 'utf8')), scriptId };
writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`);
console.log(`Wrote .clasp.json for script ${scriptId} (not tracked by git).`);

/**
 * `npm run frameworks -- [--json]` (docs/commands.md): lists the built-in frameworks: id, name, standards,
 * counted standards and maximum score (3 × counted). With --json, one line: a JSON array.
 */
import { join } from 'node:path';
import { standardsOf } from '../src/core/framework';
import { maximumScore } from '../src/core/frameworkTab';
import { FRAMEWORKS } from '../src/core/frameworks';
import { npmArguments, typedCommand } from './npmArguments';

export interface FrameworkListing {
  id: string;
  name: string;
  standards: number;
  countedStandards: number;
  maximumScore: number;
}

export function listFrameworks(): FrameworkListing[] {
  return FRAMEWORKS.map((framework) => {
    const standards = standardsOf(framework);
    return { id: framework.id, name: framework.name, standards: standards.length, countedStandards: standards.filter((standard) => standard.counts).length, maximumScore: maximumScore(framework) };
  });
}

/** The listing as a table for people; provisional wording is flagged. */
export function frameworksTable(): string[] {
  const rows = [['Id', 'Name', 'Standards', 'Counted', 'Maximum score'], ...listFrameworks().map((row) => [row.id, row.name, String(row.standards), String(row.countedStandards), String(row.maximumScore)])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => row.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd());
  const provisional = FRAMEWORKS.filter((framework) => framework.source.wording === 'provisional').map((framework) => framework.id);
  if (provisional.length > 0) lines.push('', `Provisional wording (not from a published source; correct it in a Framework tab): ${provisional.join(', ')}.`);
  return lines;
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports it.
if (process.argv[1] === join(__dirname, 'frameworks.ts')) {
  const { args } = npmArguments(process.argv.slice(2), { usage: 'frameworks -- --json', switches: ['json'], valued: [] });
  const unknown = args.filter((arg) => arg !== '--json');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown[0]}. Usage: ${typedCommand('frameworks')} [--json]`);
    process.exit(2);
  }
  console.log(args.includes('--json') ? JSON.stringify(listFrameworks()) : frameworksTable().join('\n'));
}

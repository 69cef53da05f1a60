#!/usr/bin/env node
// The installable command (docs/commands.md): `npx inspection-ratings COMMAND [ARGUMENTS]` runs the tool
// behind `npm run COMMAND --`, in this process, building the add-on first where the tool loads it and
// dist/ is stale. Each tool's bundle is kept and remade only when its sources change (tools/run.mjs),
// so a command starts without building anything. Paths are relative to where the command was typed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const COMMANDS = {
  rate: { tool: 'tools/rate.ts', build: true, usage: 'rate FILE [--json] [--out FILE] [--html PAGE] [--docx REPORT]', does: 'rate an inspection workbook offline: ratings page, data problems, JSON, printable page, Word report, rated workbook' },
  template: { tool: 'tools/template.ts', build: true, usage: 'template [--framework ID] [--out FILE] [--force]', does: 'write a blank inspection workbook to fill in any spreadsheet program' },
  aggregate: { tool: 'tools/aggregate.ts', build: false, usage: 'aggregate FILE… [--json] [--out FILE]', does: 'pool several inspections of one framework (programme figures)' },
  export: { tool: 'tools/export.ts', build: false, usage: 'export FILE… --out DIR [--format parquet|csv] [--by-framework] [--force]', does: 'write the answers and framework tables for SQL (DuckDB, BigQuery)' },
  frameworks: { tool: 'tools/frameworks.ts', build: false, usage: 'frameworks [--json]', does: 'list the built-in frameworks' },
  preview: { tool: 'tools/preview.ts', build: true, usage: 'preview [FILE]', does: 'open a workbook beside the sidebar in a browser (PORT, default 8080)' },
  demo: { tool: 'tools/demo.ts', build: true, usage: 'demo', does: 'rate the bundled Thames Valley example' },
};

function help() {
  const width = Math.max(...Object.values(COMMANDS).map((command) => command.usage.length));
  return [
    'Usage: inspection-ratings COMMAND [ARGUMENTS]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((command) => `  ${command.usage.padEnd(width)}  ${command.does}`),
    '',
    'Paths are relative to where you type the command. Outputs never replace an input.',
  ].join('\n');
}

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  console.log(help());
  process.exit(name === undefined ? 2 : 0);
}
const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (!command) {
  console.error(`inspection-ratings: no command "${name}". The commands: ${Object.keys(COMMANDS).join(', ')} (inspection-ratings --help).`);
  process.exit(2);
}

// The user's folder, for the tools' paths; not npm's, so a stale INIT_CWD from an outer npm run does not count.
process.env.INIT_CWD = process.cwd();
// How the user typed the command (npx sets npm_command=exec), for the tools' usage lines and suggestions.
process.env.INSPECTION_RATINGS_COMMAND = process.env.npm_command === 'exec' ? 'npx inspection-ratings' : 'inspection-ratings';
delete process.env.npm_lifecycle_event;
if (command.build) {
  try {
    const { ensureBuilt } = await import('../tools/build.mjs');
    await ensureBuilt({ quiet: true });
  } catch (error) {
    console.error(error.message ?? error);
    console.error('inspection-ratings: building the add-on failed (run `npm ci` in the package first).');
    process.exit(1);
  }
}
const { runTool } = await import('../tools/run.mjs');
await runTool(join(root, command.tool), args);

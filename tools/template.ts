/**
 * `npm run template -- [--framework ID] [--out FILE] [--force]` (docs/commands.md): a blank inspection workbook laid
 * out by the built add-on's New inspection (every tab, dropdown and format), written to .xlsx
 * (default out/inspection-template.xlsx) to be filled in any spreadsheet program and then rated
 * with `npm run rate`. An existing file is never replaced without --force: it may be a filled
 * inspection. The add-on's formulas stay formulas, so the rating sees them live.
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Framework } from '../src/core/framework';
import { DEFAULT_FRAMEWORK, frameworkById } from '../src/core/frameworks';
import { buildSpreadsheet } from '../runtime';
import { npmArguments, typedCommand } from './npmArguments';
import { refusedOutputs } from './outputs';
import { commandLine, openSession, Session, InputError, writeWorkbook } from './workbookSession';

export const TEMPLATE = join('out', 'inspection-template.xlsx');

const USAGE = `Usage: ${typedCommand('template')} [--framework ID] [--out FILE] [--force]`;

/** Lays out a blank workbook with New inspection and writes it (never over an existing file unless `force`); returns the session and what New inspection did. */
export async function writeTemplate(options: { root: string; framework?: Framework; out?: string; force?: boolean }): Promise<{ session: Session; outFile: string }> {
  const framework = options.framework ?? DEFAULT_FRAMEWORK;
  const outFile = options.out ?? join(options.root, TEMPLATE);
  // The template is filled in place: an existing one may be an inspection's work.
  const refused = await refusedOutputs([], [{ file: outFile, option: '--out', replaces: false, format: 'xlsx' }], { force: options.force });
  if (refused) throw new InputError(refused);
  const session = openSession(options.root, buildSpreadsheet({ name: `${framework.name}: inspection workbook`, sheets: {} }), { framework, fromFrameworkTab: false });
  await writeWorkbook(session, outFile, { live: true });
  return { session, outFile };
}

async function main(): Promise<void> {
  const { args, refused } = npmArguments(process.argv.slice(2), { usage: 'template -- --out FILE', switches: ['force'], valued: ['framework', 'out'] });
  if (refused) throw new InputError(refused);
  const { values, positionals } = commandLine(() => parseArgs({ args, options: { framework: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } }, allowPositionals: true }), USAGE);
  if (positionals.length > 0) throw new InputError(`${USAGE} (unexpected "${positionals[0]}").`);
  let framework: Framework;
  try {
    framework = values.framework === undefined ? DEFAULT_FRAMEWORK : frameworkById(values.framework);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  // npm runs scripts from the package root; a path is the user's, relative to where they typed it.
  const here = process.env.INIT_CWD ?? process.cwd();
  const { session, outFile } = await writeTemplate({ root: join(__dirname, '..'), framework, out: values.out === undefined ? undefined : resolve(here, values.out), force: values.force });
  console.log(['New inspection:', ...session.setup.map((line) => `  ${line}`), ''].join('\n'));
  console.log(`Wrote ${relative(here, outFile) || outFile}: a blank ${framework.name} workbook. Fill in the case tabs, then: ${typedCommand('rate')} ${relative(here, outFile) || outFile}`);
}

// Run as a tool (tools/run.mjs puts the tool's path in argv[1]), not when a test imports writeTemplate.
if (process.argv[1] === join(__dirname, 'template.ts')) {
  main().catch((error: Error) => {
    console.error(error instanceof InputError ? error.message : `template failed: ${error.message}`);
    process.exitCode = error instanceof InputError ? 2 : 1;
  });
}

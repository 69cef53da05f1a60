/**
 * Reads the built script's source: its top-level function declarations, and which of them are custom
 * functions (a JSDoc block with an `@customfunction` tag right before the declaration).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as TypeScript from 'typescript';

export interface TopLevelFunction {
  name: string;
  customFunction: boolean;
  /** Parameter names as declared. */
  parameters: string[];
}

/** Where the functions of each script read are kept, by the hash of its source (a fresh checkout has none). */
const CACHE_DIR = join(__dirname, '..', 'node_modules', '.cache', 'inspection-ratings', 'functions');
const known = new Map<string, TopLevelFunction[]>();

/**
 * The script's top-level functions. Parsing the bundle (with TypeScript, which takes longer to load
 * than the rest of the runtime) is done once per version of the script: the answer is kept in this
 * process and on disk (node_modules/.cache), by the hash of the source, so loading the same build
 * again starts at once.
 */
export function topLevelFunctions(source: string): TopLevelFunction[] {
  // The parser's own text is in the key too: a changed parser never reads an answer of the old one.
  const hash = createHash('sha256').update(parsedFunctions.toString()).update(source).digest('hex');
  const cached = known.get(hash) ?? readCached(hash);
  if (cached) {
    known.set(hash, cached);
    return cached.map((fn) => ({ ...fn, parameters: [...fn.parameters] }));
  }
  const functions = parsedFunctions(source);
  known.set(hash, functions);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const file = join(CACHE_DIR, `${hash}.json`);
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(functions));
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A cache that cannot be written (a read-only checkout) only means parsing again next time.
  }
  return functions.map((fn) => ({ ...fn, parameters: [...fn.parameters] }));
}

function readCached(hash: string): TopLevelFunction[] | undefined {
  try {
    return JSON.parse(readFileSync(join(CACHE_DIR, `${hash}.json`), 'utf8')) as TopLevelFunction[];
  } catch {
    return undefined;
  }
}

function parsedFunctions(source: string): TopLevelFunction[] {
  // Loaded only when a script is parsed (see topLevelFunctions).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof TypeScript;
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.ES2019, true, ts.ScriptKind.JS);
  return file.statements.filter(ts.isFunctionDeclaration).flatMap((declaration) => {
    if (declaration.name === undefined) return [];
    const jsDocs = (declaration as { jsDoc?: TypeScript.JSDoc[] }).jsDoc ?? [];
    // Only the block nearest the declaration documents it, as Sheets reads it.
    const nearest = jsDocs[jsDocs.length - 1];
    // A tag starts its line (after the comment's "*"); "@customfunction" inside a sentence is not one.
    const customFunction = nearest !== undefined && /(?:^\/\*\*|\n\s*\*?)\s*@customfunction\b/i.test(nearest.getText(file));
    return [{ name: declaration.name.text, customFunction, parameters: declaration.parameters.map((p) => p.name.getText(file)) }];
  });
}

export function customFunctionNames(source: string): string[] {
  return topLevelFunctions(source)
    .filter((fn) => fn.customFunction)
    .map((fn) => fn.name);
}

/**
 * `npm run check:sql` (docs/programme.md): runs every sql/*.sql through Google's ZetaSQL analyser in
 * BigQuery's mode (external product mode: INT64, FLOAT64 and STRING, BigQuery's functions; the
 * current language features), over docs/programme.md's tables, and through the text rules of
 * tools/sqlRules.ts. Offline: the analyser is a local server binary from the npm package
 * @fivetrandevelopers/zetasql, installed on first use into tools/zetasql (about 340 MB, too large
 * for every install of the project) and started on a loopback port for the check.
 * Exit status 0 when every file passes; 1 with a line per problem.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SCHEMA } from './programmeData';
import { sqlProblems } from './sqlRules';

const root = join(__dirname, '..');
const home = join(root, 'tools', 'zetasql');
const SQL_DIR = join(root, 'sql');

/** The analyser's server binary for this machine, as the package names them. */
function serverBinary(packageDir: string): string {
  const arm = process.arch.startsWith('arm') ? '_arm' : '';
  if (process.platform !== 'linux' && process.platform !== 'darwin') throw new Error(`ZetaSQL's server is built for Linux and macOS only, not ${process.platform}.`);
  return join(packageDir, 'lib', 'zetasql', `remote_server${arm}${process.platform === 'linux' ? '.so' : ''}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const TYPE_KINDS = { INT64: 'TYPE_INT64', STRING: 'TYPE_STRING', BOOL: 'TYPE_BOOL' } as const;

interface ZetaSqlClient {
  testConnection(): Promise<boolean>;
  getLanguageOptions(request: object): Promise<{ enabledLanguageFeatures: string[] }>;
  analyze(request: object): Promise<unknown>;
}

async function main(): Promise<number> {
  const packageDir = join(home, 'node_modules', '@fivetrandevelopers', 'zetasql');
  if (!existsSync(join(packageDir, 'lib', 'index.js'))) {
    console.log('Installing the ZetaSQL analyser into tools/zetasql (once; about 340 MB)…');
    const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: home, stdio: 'inherit' });
    if (installed.status !== 0) throw new Error('npm ci in tools/zetasql failed: the ZetaSQL analyser could not be installed.');
  }
  const files = readdirSync(SQL_DIR).filter((name) => name.endsWith('.sql')).sort();
  const problems: string[] = [];
  for (const name of files) for (const problem of sqlProblems(readFileSync(join(SQL_DIR, name), 'utf8'))) problems.push(`sql/${name}:${problem.line}: ${problem.message}`);

  const port = await freePort();
  // The analyser listens on loopback only, for this check, and is stopped after it.
  const server = spawn(serverBinary(packageDir), ['localhost', String(port)], { stdio: 'ignore' });
  try {
    const zetasql = createRequire(join(home, 'package.json'))('@fivetrandevelopers/zetasql') as { ZetaSQLClient: { init(port: number): void; getInstance(): ZetaSqlClient } };
    zetasql.ZetaSQLClient.init(port);
    const client = zetasql.ZetaSQLClient.getInstance();
    if (!(await client.testConnection())) throw new Error(`the ZetaSQL analyser did not answer on port ${port}.`);
    const current = await client.getLanguageOptions({ languageVersion: 'VERSION_CURRENT' });
    const languageOptions = {
      productMode: 'PRODUCT_EXTERNAL',
      nameResolutionMode: 'NAME_RESOLUTION_DEFAULT',
      enabledLanguageFeatures: current.enabledLanguageFeatures,
      supportedStatementKinds: ['RESOLVED_QUERY_STMT'],
    };
    const simpleCatalog = {
      name: 'dataset',
      table: Object.entries(SCHEMA).map(([table, columns]) => ({ name: table, column: columns.map(([column, type]) => ({ name: column, type: { typeKind: TYPE_KINDS[type] } })) })),
      builtinFunctionOptions: { languageOptions },
    };
    for (const name of files) {
      try {
        await client.analyze({ options: { languageOptions }, simpleCatalog, sqlStatement: readFileSync(join(SQL_DIR, name), 'utf8') });
        console.log(`sql/${name}: analysed cleanly by ZetaSQL (BigQuery mode)`);
      } catch (error) {
        problems.push(`sql/${name}: ZetaSQL (BigQuery mode): ${(error as { details?: string }).details ?? (error as Error).message}`);
      }
    }
  } finally {
    server.kill('SIGKILL');
  }
  for (const problem of problems) console.error(problem);
  console.log(`${files.length - new Set(problems.map((problem) => problem.split(':')[0])).size} passed, ${new Set(problems.map((problem) => problem.split(':')[0])).size} failed`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (status) => process.exit(status),
  (error: Error) => {
    console.error(`check:sql: ${error.message}`);
    process.exit(1);
  },
);

// `npm test` runs this first (pretest): the programs the tests use that npm does not bring, all from
// Debian's packages. Each is checked the way the tests use it; whatever is missing is installed with
// one apt-get update and one apt-get install when this user may (root, apt-get on the PATH), and
// otherwise this says exactly what to run. A test never skips itself for a missing program: it fails.
//
// Test seam (test/tools/ensureTestTools.test.ts): ENSURE_TEST_TOOLS_ROOT is put before every absolute
// path checked (/usr/bin/chromium, /usr/bin/python3), ENSURE_TEST_TOOLS_UID stands for the user id;
// soffice and apt-get are found on the PATH, as the tests find soffice.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

const root = process.env.ENSURE_TEST_TOOLS_ROOT ?? '';
const uid = process.env.ENSURE_TEST_TOOLS_UID === undefined ? process.getuid?.() : Number(process.env.ENSURE_TEST_TOOLS_UID);

/** The program `name` as a shell would find it on the PATH, or undefined. */
function onPath(name) {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    const file = join(folder, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * Whether the LibreOffice that `soffice` starts has the module (writer, calc): the module's
 * configuration (share/registry/MODULE.xcd, where LibreOffice registers its filters) in the
 * installation soffice belongs to, wherever that is (/usr/lib/libreoffice, /opt/libreoffice7.6, …).
 */
function libreOfficeHas(module) {
  const soffice = onPath('soffice');
  if (!soffice) return false;
  const installation = dirname(dirname(realpathSync(soffice)));
  return existsSync(join(installation, 'share', 'registry', `${module}.xcd`));
}

const TOOLS = [
  {
    what: 'Chromium at /usr/bin/chromium (the browser and accessibility tests)',
    package: 'chromium',
    present: () => existsSync(`${root}/usr/bin/chromium`),
  },
  {
    what: "Python 3 at /usr/bin/python3 with openpyxl (the values reader's cross-checks)",
    package: 'python3-openpyxl',
    present: () => spawnSync(`${root}/usr/bin/python3`, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0,
  },
  {
    what: 'LibreOffice Writer, soffice on the PATH (the Word report converted to PDF)',
    package: 'libreoffice-writer-nogui',
    present: () => libreOfficeHas('writer'),
  },
  {
    what: 'LibreOffice Calc, soffice on the PATH (workbooks saved by LibreOffice)',
    package: 'libreoffice-calc-nogui',
    present: () => libreOfficeHas('calc'),
  },
];

const missing = () => TOOLS.filter((tool) => !tool.present());
const list = (tools) => tools.map((tool) => `  - ${tool.what}: Debian package ${tool.package}`).join('\n');
const command = (tools) => `sudo apt-get update && sudo apt-get install -y ${tools.map((tool) => tool.package).join(' ')}`;

const needed = missing();
if (needed.length > 0) {
  const aptGet = onPath('apt-get');
  if (process.platform !== 'linux' || uid !== 0 || !aptGet) {
    console.error(
      `The tests use programs this machine lacks:\n${list(needed)}\n` +
        `On Debian or Ubuntu run\n  ${command(needed)}\nthen run npm test again. ` +
        '(This step installs them itself when run as root on a machine with apt-get.)',
    );
    process.exit(1);
  }
  const packages = needed.map((tool) => tool.package);
  console.log(`Installing what the tests use (apt-get install ${packages.join(' ')})…`);
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  try {
    execFileSync(aptGet, ['update', '-qq'], quiet);
    execFileSync(aptGet, ['install', '-y', '-qq', ...packages], quiet);
  } catch (error) {
    console.error(`apt-get failed (${error.status === null ? error.message : `exit status ${error.status}`}). Run\n  ${command(needed)}\nthen npm test again.`);
    process.exit(1);
  }
  const still = missing();
  if (still.length > 0) {
    console.error(`apt-get installed ${packages.join(' ')}, but the tests still cannot find:\n${list(still)}\nInstall or link them there, then run npm test again.`);
    process.exit(1);
  }
}

/**
 * The programs some tests use that npm does not bring, run so that a missing one is a failure saying
 * what to install, never a skip. `npm test`'s first step (tools/ensure-test-tools.mjs) installs them.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function missing(what: string, pkg: string, detail: string): Error {
  return new Error(
    `${what} is needed by this test and ${detail}. Run npm test (its first step installs it as root with apt-get) or: sudo apt-get install -y ${pkg}`,
  );
}

/** Runs a Python script with Debian's /usr/bin/python3 and openpyxl; its standard output. */
export function openpyxlPython(script: string, ...args: string[]): string {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) throw missing('Python 3 at /usr/bin/python3 with openpyxl', 'python3-openpyxl', 'is not there');
  try {
    execFileSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' });
  } catch {
    throw missing('openpyxl for /usr/bin/python3', 'python3-openpyxl', 'cannot be imported');
  }
  return execFileSync(python, ['-c', script, ...args], { encoding: 'utf8' });
}

const COMPONENT = {
  writer: { what: 'LibreOffice Writer', pkg: 'libreoffice-writer-nogui' },
  calc: { what: 'LibreOffice Calc', pkg: 'libreoffice-calc-nogui' },
};

/**
 * Converts `file` with LibreOffice (soffice on the PATH, headless, its own profile so conversions
 * running at once do not meet) into `outdir`, to `format` ("pdf", "xlsx:Calc MS Excel 2007 XML");
 * the converted file's path. `component` is the LibreOffice module that opens the file, named in the
 * failure when soffice is missing or writes nothing.
 */
export async function libreOfficeConvert(component: keyof typeof COMPONENT, file: string, format: string, outdir: string): Promise<string> {
  const { what, pkg } = COMPONENT[component];
  const profile = mkdtempSync(join(tmpdir(), 'inspection-ratings-lo-profile-'));
  const converted = join(outdir, `${basename(file, extname(file))}.${format.split(':')[0]}`);
  try {
    const { stdout, stderr } = await run(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', format, '--outdir', outdir, file],
      // This process's environment as a test set it (jest gives child_process the one it started with).
      { timeout: 150_000, env: process.env },
    );
    if (!existsSync(converted)) throw missing(what, pkg, `LibreOffice wrote no ${converted} (it said: ${`${stdout}${stderr}`.trim() || 'nothing'})`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing(`${what} (soffice on the PATH)`, pkg, 'soffice is not on the PATH');
    throw error;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return converted;
}

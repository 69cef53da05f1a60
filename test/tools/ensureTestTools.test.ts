/**
 * `npm test`'s first step (tools/ensure-test-tools.mjs) on machines made up in a folder: its checks
 * pointed at a fake root (ENSURE_TEST_TOOLS_ROOT), a PATH of fake programs, and a fake apt-get that
 * records its arguments and "installs" by writing the files the real packages would. Nothing on this
 * machine is installed or removed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { libreOfficeConvert } from '../support/externalTools';

const SCRIPT = join(__dirname, '..', '..', 'tools', 'ensure-test-tools.mjs');
const ALL = ['chromium', 'python3-openpyxl', 'libreoffice-writer-nogui', 'libreoffice-calc-nogui'];
const work = mkdtempSync(join(tmpdir(), 'inspection-ratings-ensure-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(file: string, text: string, executable = false): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (executable) chmodSync(file, 0o755);
}

/** Shell lines that make what a package would give, under the fake root $ROOT with its PATH folder $BIN. */
const PACKAGE_FILES: Record<string, string> = {
  chromium: 'mkdir -p "$ROOT/usr/bin" && : > "$ROOT/usr/bin/chromium"',
  'python3-openpyxl': 'mkdir -p "$ROOT/usr/bin" && printf "#!/bin/sh\\nexit 0\\n" > "$ROOT/usr/bin/python3" && chmod +x "$ROOT/usr/bin/python3"',
  'libreoffice-writer-nogui': 'mkdir -p "$ROOT/usr/lib/libreoffice/share/registry" && : > "$ROOT/usr/lib/libreoffice/share/registry/writer.xcd"',
  'libreoffice-calc-nogui': 'mkdir -p "$ROOT/usr/lib/libreoffice/share/registry" && : > "$ROOT/usr/lib/libreoffice/share/registry/calc.xcd"',
};

interface Machine {
  root: string;
  bin: string;
  log: string;
}

/**
 * A machine with `has` installed. Its apt-get logs each call's arguments as a line and, when
 * `aptInstalls`, makes each package's files (a LibreOffice package also brings soffice).
 */
function machine(name: string, has: string[], aptInstalls = true): Machine {
  const root = join(work, name, 'root');
  const bin = join(work, name, 'bin');
  const log = join(work, name, 'apt-get.log');
  mkdirSync(root, { recursive: true });
  const soffice = 'mkdir -p "$ROOT/usr/lib/libreoffice/program" && printf "#!/bin/sh\\n" > "$ROOT/usr/lib/libreoffice/program/soffice" && chmod +x "$ROOT/usr/lib/libreoffice/program/soffice" && ln -sf "$ROOT/usr/lib/libreoffice/program/soffice" "$BIN/soffice"';
  const install = (pkg: string) => `${PACKAGE_FILES[pkg]}${pkg.startsWith('libreoffice') ? ` && ${soffice}` : ''}`;
  const lines = ['#!/bin/sh', 'PATH=/usr/bin:/bin', `ROOT='${root}'`, `BIN='${bin}'`, `echo "$*" >> '${log}'`];
  if (aptInstalls) lines.push('[ "$1" = install ] || exit 0', 'for pkg in "$@"; do case "$pkg" in', ...ALL.map((pkg) => `  ${pkg}) ${install(pkg)} ;;`), 'esac; done');
  write(join(bin, 'apt-get'), `${lines.join('\n')}\n`, true);
  write(join(root, 'usr', 'bin', 'python3'), '#!/bin/sh\nexit 1\n', true); // Python without openpyxl
  spawnSync('/bin/sh', ['-c', has.map(install).join(' && ') || 'true'], { env: { ROOT: root, BIN: bin, PATH: '/usr/bin:/bin' } });
  return { root, bin, log };
}

function ensure(at: Machine, uid = 0) {
  const run = spawnSync(process.execPath, [SCRIPT], {
    env: { PATH: at.bin, ENSURE_TEST_TOOLS_ROOT: at.root, ENSURE_TEST_TOOLS_UID: String(uid) },
    encoding: 'utf8',
  });
  const aptGet = existsSync(at.log) ? readFileSync(at.log, 'utf8').trimEnd().split('\n') : [];
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim(), aptGet };
}

describe('npm test first brings what the tests use (tools/ensure-test-tools.mjs)', () => {
  it('does nothing on a machine that has everything', () => {
    expect(ensure(machine('complete', ALL))).toEqual({ status: 0, stdout: '', stderr: '', aptGet: [] });
  });

  it('on a fresh machine, as root: one apt-get update, one install of every package, and then every check passes', () => {
    const fresh = machine('fresh', []);
    const run = ensure(fresh);
    expect(run.aptGet).toEqual(['update -qq', `install -y -qq ${ALL.join(' ')}`]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(`Installing what the tests use (apt-get install ${ALL.join(' ')})…`);
    expect(ensure(fresh).aptGet).toHaveLength(2); // a second run finds everything and installs nothing
  });

  it('tells Writer from Calc: LibreOffice with Calc only gets Writer, and Python without openpyxl gets openpyxl', () => {
    const run = ensure(machine('calc-only', ['chromium', 'libreoffice-calc-nogui']));
    expect(run.aptGet).toEqual(['update -qq', 'install -y -qq python3-openpyxl libreoffice-writer-nogui']);
    expect(run.status).toBe(0);
  });

  it('finds LibreOffice wherever soffice leads (an installation under /opt, linked onto the PATH)', () => {
    const elsewhere = machine('opt', ['chromium', 'python3-openpyxl']);
    const program = join(elsewhere.root, 'opt', 'libreoffice7.6', 'program', 'soffice');
    write(program, '#!/bin/sh\n', true);
    write(join(elsewhere.root, 'opt', 'libreoffice7.6', 'share', 'registry', 'writer.xcd'), '');
    write(join(elsewhere.root, 'opt', 'libreoffice7.6', 'share', 'registry', 'calc.xcd'), '');
    symlinkSync(program, join(elsewhere.bin, 'soffice'));
    expect(ensure(elsewhere)).toEqual({ status: 0, stdout: '', stderr: '', aptGet: [] });
  });

  it('not root: installs nothing, fails, and names each missing program and the one command to run', () => {
    const run = ensure(machine('user', ['chromium', 'libreoffice-calc-nogui']), 1000);
    expect(run.aptGet).toEqual([]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Python 3 at /usr/bin/python3 with openpyxl (the values reader's cross-checks): Debian package python3-openpyxl");
    expect(run.stderr).toContain('LibreOffice Writer, soffice on the PATH (the Word report converted to PDF): Debian package libreoffice-writer-nogui');
    expect(run.stderr).not.toContain('Calc');
    expect(run.stderr).toContain('sudo apt-get update && sudo apt-get install -y python3-openpyxl libreoffice-writer-nogui\n');
  });

  it('fails, naming what is still missing, when apt-get ran but did not bring it', () => {
    const run = ensure(machine('broken-apt', ['python3-openpyxl', 'libreoffice-writer-nogui', 'libreoffice-calc-nogui'], false));
    expect(run.aptGet).toEqual(['update -qq', 'install -y -qq chromium']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'apt-get installed chromium, but the tests still cannot find:\n  - Chromium at /usr/bin/chromium (the browser and accessibility tests): Debian package chromium\nInstall or link them there, then run npm test again.',
    );
  });
});

describe('a test that needs a missing program fails, naming the package (test/support/externalTools.ts)', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('soffice not on the PATH', async () => {
    process.env.PATH = join(work, 'nothing');
    await expect(libreOfficeConvert('writer', join(work, 'report.docx'), 'pdf', work)).rejects.toThrow(
      'LibreOffice Writer (soffice on the PATH) is needed by this test and soffice is not on the PATH. Run npm test (its first step installs it as root with apt-get) or: sudo apt-get install -y libreoffice-writer-nogui',
    );
  });

  it('soffice that writes nothing (LibreOffice without the module that opens the file)', async () => {
    const bin = join(work, 'no-calc');
    write(join(bin, 'soffice'), '#!/bin/sh\necho "Error: source file could not be loaded"\n', true);
    process.env.PATH = bin;
    await expect(libreOfficeConvert('calc', join(work, 'book.xlsx'), 'xlsx:Calc MS Excel 2007 XML', join(work, 'lo'))).rejects.toThrow(
      /^LibreOffice Calc is needed by this test and LibreOffice wrote no .*book\.xlsx \(it said: Error: source file could not be loaded\)\. .* sudo apt-get install -y libreoffice-calc-nogui$/,
    );
  });
});

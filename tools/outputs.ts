/**
 * The commands' inputs and outputs as files, not as path strings (docs/commands.md): a command
 * checks every output against every input before it writes the first, so a refusal writes
 * nothing and no inspector's workbook is ever replaced by a command's output.
 *
 * Two paths are the same file when they reach the same device and inode (a symlink, a hard link,
 * `./a/../a.xlsx`); a file not yet written is the same as another when its nearest existing folder
 * is the same folder (through links) and the rest of the path is the same.
 */
import { accessSync, closeSync, constants, lstatSync, openSync, readlinkSync, realpathSync, statSync, Stats, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { quoteText } from '../src/core/answers';
import { openZip } from './zip';

/** What an output is, for its file name's ending: each is refused under another's name (a Word document named .xlsx). */
export type OutputFormat = 'xlsx' | 'html' | 'docx';

const FORMATS: Record<OutputFormat, { endings: string[]; what: string }> = {
  xlsx: { endings: ['.xlsx'], what: 'an .xlsx workbook' },
  html: { endings: ['.html', '.htm'], what: 'a web page' },
  docx: { endings: ['.docx'], what: 'a Word document' },
};

/**
 * The custom document property (docProps/custom.xml) that marks an .xlsx written by one of these
 * commands as its output, so a later run may replace it; any other existing .xlsx needs --force.
 */
export const OUTPUT_MARK = 'Inspection Ratings output';

/** One file a command will write. */
export interface Output {
  file: string;
  /** The option that names it, for the message ("--out", "--html"). */
  option: string;
  /** An existing file there is the command's own earlier output and may be replaced; false: existing work, refused unless forced. */
  replaces: boolean;
  /** What is written there; its file name must end as that format's do (`--docx report.docx`). */
  format?: OutputFormat;
}

/** Symlinks followed before giving up (a loop). */
const MAX_LINKS = 40;

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Where writing to `file` lands: a dangling symlink is followed to the file it would create. */
function landing(file: string): string {
  let path = resolve(file);
  for (let hop = 0; hop < MAX_LINKS; hop += 1) {
    let link: Stats;
    try {
      link = lstatSync(path);
    } catch {
      return path;
    }
    if (!link.isSymbolicLink()) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  return path;
}

/** What identifies a file: device and inode when it exists, else the real path it would be created at. */
function identity(file: string): string {
  let path = landing(file);
  const stats = statOf(path);
  if (stats) return `inode ${stats.dev}:${stats.ino}`;
  const rest: string[] = [];
  while (!statOf(path) && dirname(path) !== path) {
    rest.unshift(basename(path));
    path = dirname(path);
  }
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // A folder that cannot be followed: its own path stands for it.
  }
  return `path ${join(real, ...rest)}`;
}

/** The nearest folder of a not-yet-written file that exists, when it is a file, not a folder. */
function blockingFile(file: string): string | undefined {
  let path = dirname(landing(file));
  while (!statOf(path) && dirname(path) !== path) path = dirname(path);
  return statOf(path)?.isDirectory() === false ? path : undefined;
}

/**
 * Why an input file cannot be read, in one line naming it; undefined when it is a file that exists.
 * (A folder given as a workbook, a missing path.)
 */
export function unreadableInput(file: string): string | undefined {
  const stats = statOf(file);
  if (!stats) return `${quoteText(file)}: no such file.`;
  if (stats.isDirectory()) return `${quoteText(file)}: is a folder, not a workbook; give the .xlsx file inside it.`;
  if (!stats.isFile()) return `${quoteText(file)}: not a file.`;
  return undefined;
}

/**
 * Why the outputs cannot be written, in one line naming the file (R11: capped, hidden characters shown) and what to do; undefined when
 * all can. Refused: an output that is one of the inputs (by any path or link), a folder, below a
 * file, the same file as another output, an existing file that is not the command's to replace, or
 * a name whose ending is another format's (`--docx report.xlsx`).
 * `force` allows replacing existing files, never an input.
 */
export function refusedOutput(inputs: readonly string[], outputs: readonly Output[], options: { force?: boolean } = {}): string | undefined {
  const inputIds = new Map(inputs.map((input) => [identity(input), input]));
  const seen = new Map<string, Output>();
  for (const output of outputs) {
    const { file, option } = output;
    const id = identity(file);
    const input = inputIds.get(id);
    if (input !== undefined) {
      const how = resolve(input) === resolve(file) ? '' : ` (${quoteText(input)}, through a link or another path)`;
      return `${quoteText(file)}: ${option} names the input workbook${how}; a command never writes over its input. Choose another ${option} file.`;
    }
    const stats = statOf(file);
    if (stats?.isDirectory()) return `${quoteText(file)}: ${option} names a folder; give a file name in it, e.g. ${option} ${quoteText(join(file, exampleName(option)))}.`;
    if (stats && !stats.isFile()) return `${quoteText(file)}: ${option} names something that is not a file; choose another ${option} file.`;
    const blocking = stats ? undefined : blockingFile(file);
    if (blocking) return `${quoteText(file)}: ${option} cannot be written, because ${quoteText(blocking)} is a file, not a folder.`;
    if (stats && !output.replaces && !options.force) return `${quoteText(file)}: already exists and may hold an inspector's work; choose another ${option} file, or add --force to replace it.`;
    const earlier = seen.get(id);
    if (earlier) return `${quoteText(file)}: ${option} is the same file as ${earlier.option} ${quoteText(earlier.file)}; give each output its own file.`;
    seen.set(id, output);
  }
  // Then each name's ending: a Word document is never written under a workbook's name, nor the reverse.
  for (const { file, option, format: kind } of outputs) {
    const format = kind && FORMATS[kind];
    if (format && !format.endings.includes(extname(file).toLowerCase())) {
      const ending = extname(file) === '' ? 'has no ending' : `ends in "${quoteText(extname(file))}"`;
      return `${quoteText(file)}: ${option} writes ${format.what}, but the name ${ending}; give a name ending ${format.endings[0]}, e.g. ${option} ${quoteText(basename(file, extname(file)) + format.endings[0])}.`;
    }
  }
  return undefined;
}

function exampleName(option: string): string {
  return option === '--html' ? 'ratings.html' : option === '--docx' ? 'report.docx' : 'rated.xlsx';
}

/** Whether an existing .xlsx carries OUTPUT_MARK: one of these commands wrote it. False for anything unreadable. */
export async function isMarkedOutput(file: string): Promise<boolean> {
  try {
    const directory = await openZip(file);
    try {
      const custom = directory.files.find((entry) => entry.path.replace(/^\//, '') === 'docProps/custom.xml');
      if (!custom || custom.uncompressedSize > 1_000_000) return false;
      return (await custom.buffer()).toString('utf8').includes(`name="${OUTPUT_MARK}"`);
    } finally {
      directory.close();
    }
  } catch {
    return false;
  }
}

/** Why `file` cannot be written (a read-only folder or file system, no permission), tried by creating a scratch file beside it; undefined when it can. */
export function unwritable(file: string): string | undefined {
  const target = landing(file);
  let folder = dirname(target);
  while (!statOf(folder) && dirname(folder) !== folder) folder = dirname(folder);
  const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'an error';
  const why = (error: unknown) => {
    const reason = code(error);
    return reason === 'EROFS' ? 'is on a read-only file system' : reason === 'EACCES' || reason === 'EPERM' ? 'is not writable by you' : `cannot be written (${reason})`;
  };
  if (statOf(target)?.isFile()) {
    try {
      accessSync(target, constants.W_OK);
      closeSync(openSync(target, 'r+'));
    } catch (error) {
      return `${quoteText(file)}: ${why(error)}; choose another place for it.`;
    }
  }
  const probe = join(folder, `.inspection-ratings-${process.pid}-${Date.now()}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    return `${quoteText(file)}: the folder ${quoteText(folder)} ${why(error)}; choose another place for it.`;
  }
  return undefined;
}

/**
 * refusedOutput, then what needs the files themselves: an existing .xlsx that no earlier run wrote
 * (no OUTPUT_MARK), or any existing .docx, is replaced only with `force`; every output's folder must take a new file.
 * Called before anything is read or written, so a refusal writes nothing.
 */
export async function refusedOutputs(inputs: readonly string[], outputs: readonly Output[], options: { force?: boolean } = {}): Promise<string | undefined> {
  const refused = refusedOutput(inputs, outputs, options);
  if (refused) return refused;
  for (const { file, option, replaces, format } of outputs) {
    if (!replaces || options.force || !statOf(file)?.isFile()) continue;
    if (format === 'xlsx' && !(await isMarkedOutput(file))) {
      return `${quoteText(file)}: already exists and was not written by an earlier run (it may hold an inspector's work); choose another ${option} file, or add --force to replace it.`;
    }
    // A report is where the inspectors write the narrative: even one this command wrote may hold their work since.
    if (format === 'docx') return `${quoteText(file)}: already exists (a report the inspectors may have written in since); choose another ${option} file, or add --force to replace it.`;
  }
  for (const { file } of outputs) {
    const why = unwritable(file);
    if (why) return why;
  }
  return undefined;
}

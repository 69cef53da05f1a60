/**
 * The commands' inputs and outputs as files, not as path strings (docs/commands.md): a command
 * checks every output against every input before it writes the first, so a refusal writes
 * nothing and no inspector's workbook is ever replaced by a command's output.
 *
 * Two paths are the same file when they reach the same device and inode (a symlink, a hard link,
 * `./a/../a.xlsx`); a file not yet written is the same as another when its nearest existing folder
 * is the same folder (through links) and the rest of the path is the same.
 */
import { lstatSync, readlinkSync, realpathSync, statSync, Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { quoteText } from '../src/core/answers';

/** One file a command will write. */
export interface Output {
  file: string;
  /** The option that names it, for the message ("--out", "--html"). */
  option: string;
  /** An existing file there is the command's own earlier output and may be replaced; false: existing work, refused unless forced. */
  replaces: boolean;
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
 * file, the same file as another output, or an existing file that is not the command's to replace.
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
  return undefined;
}

function exampleName(option: string): string {
  return option === '--html' ? 'ratings.html' : option === '--docx' ? 'report.docx' : 'rated.xlsx';
}

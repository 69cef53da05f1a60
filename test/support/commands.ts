/** The offline commands run as people run them: a child process, its exit status and both streams. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(__dirname, '..', '..');
const execute = promisify(execFile);

export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a program; a non-zero exit is a result to check, not a failure of the test. */
export async function runProgram(file: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await execute(file, [...args], options);
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs one of tools/ as `npm run` does: from the package root, with INIT_CWD where the user typed (the build is done by jest's global setup). */
export function runTool(tool: string, args: readonly string[], cwd: string = ROOT): Promise<CommandResult> {
  return runProgram(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', tool), ...args], { cwd: ROOT, env: { ...process.env, INIT_CWD: cwd } });
}

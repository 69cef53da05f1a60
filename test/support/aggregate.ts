/** `aggregate` run in this process, as its command line runs it: the exit status and the lines of each stream. */
import { runAggregate } from '../../tools/aggregate';

export async function aggregateRun(args: string[]): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runAggregate(args, (line) => out.push(line), (line) => err.push(line));
  return { status, out, err };
}

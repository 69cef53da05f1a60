/** aggregate refuses one inspection given twice, however its path is written (device and inode, not text). */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSpreadsheet } from '../../runtime';
import { runAggregate } from '../../tools/aggregate';
import { writeXlsx } from '../../tools/xlsx';

jest.setTimeout(120_000);

describe('tools › aggregate › the same file twice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-same-file-'));
  const file = join(dir, 'thames.xlsx');
  const link = join(dir, 'link-to-thames.xlsx');
  beforeAll(async () => {
    await writeXlsx(buildSpreadsheet({ name: 'thames', sheets: { 'Case supervision': [['Case ID', '2.1.1 Engaging?'], ['C1', 'Yes']] } }), file);
    symlinkSync(file, link);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['the same path', () => file],
    ['another spelling of the path', () => `${dir}/./thames.xlsx`],
    ['a symbolic link', () => link],
  ])('%s: exit 2, one line naming both arguments, nothing printed', async (_, second) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await runAggregate([file, second(), '--json'], (line) => out.push(line), (line) => err.push(line));
    expect([status, out, err]).toEqual([2, [], [`${file} and ${second()} are the same file: give each inspection once, or its cases would be pooled twice.`]]);
  });
});

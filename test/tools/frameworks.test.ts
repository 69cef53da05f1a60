import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { frameworksTable, listFrameworks } from '../../tools/frameworks';

const root = join(__dirname, '..', '..');

describe('npm run frameworks (docs/commands.md)', () => {
  const expected = [
    { id: 'crc-2018', name: 'Probation inspection standards 2018 — Community Rehabilitation Companies', standards: 10, countedStandards: 10, maximumScore: 30 },
    { id: 'yj-2018', name: 'Youth justice inspection standards 2018', standards: 12, countedStandards: 12, maximumScore: 36 },
    { id: 'yj-2021', name: 'Youth justice inspection standards 2021', standards: 13, countedStandards: 12, maximumScore: 36 },
  ];

  it('lists every built-in framework with its standards, counted standards and maximum score', () => {
    expect(listFrameworks()).toEqual(expected);
    const table = frameworksTable();
    expect(table[0].split(/\s{2,}/)).toEqual(['Id', 'Name', 'Standards', 'Counted', 'Maximum score']);
    expect(table[3].split(/\s{2,}/)).toEqual(['yj-2021', 'Youth justice inspection standards 2021', '13', '12', '36']);
    expect(table[table.length - 1]).toContain('yj-2018, yj-2021');
  });

  it('prints one JSON line with --json, and refuses an unknown argument', () => {
    const run = (...args: string[]) => spawnSync('node', ['tools/run.mjs', 'tools/frameworks.ts', ...args], { cwd: root, encoding: 'utf8' });
    const json = execFileSync('node', ['tools/run.mjs', 'tools/frameworks.ts', '--json'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0])).toEqual(expected);
    const wrong = run('--jsn');
    expect([wrong.status, wrong.stdout, wrong.stderr.trim()]).toEqual([2, '', 'Unknown argument --jsn. Usage: npm run frameworks -- [--json]']);
  });
});

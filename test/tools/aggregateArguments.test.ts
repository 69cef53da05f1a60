/**
 * `aggregate`'s arguments read by node:util parseArgs, as `rate` and `export` read theirs: files and
 * --out, --json and --force in any order, as before; a bad option is one line with the usage.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { aggregateRun as run } from '../support/aggregate';

jest.setTimeout(120_000);

const EXAMPLE = join(__dirname, '../../examples/thames-valley-2019/thames-valley-2019.xlsx');
const USAGE = 'Usage: npm run aggregate -- FILE.xlsx… [--out FILE.xlsx] [--json] [--force]';


describe('aggregate › arguments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspection-ratings-aggregate-arguments-'));
  const a = join(dir, 'a.xlsx');
  const b = join(dir, 'b.xlsx');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Outside npm run, whatever the test runner was started by.
  const lifecycle = process.env.npm_lifecycle_event;
  beforeAll(async () => {
    delete process.env.npm_lifecycle_event;
    writeFileSync(a, readFileSync(EXAMPLE));
    // Another inspection: the example with its first case ID (Case supervision, A2) changed.
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    zip.file('xl/worksheets/sheet2.xml', sheet.replace(/<c r="A2"[^>]*?(\/>|>.*?<\/c>)/, '<c r="A2" t="inlineStr"><is><t>Another case</t></is></c>'));
    writeFileSync(b, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });
  afterAll(() => {
    if (lifecycle !== undefined) process.env.npm_lifecycle_event = lifecycle;
  });

  it('switches before, between and after the files: the JSON last, the providers in the order given', async () => {
    const result = await run(['--json', b, '--force', a]);
    expect([result.status, result.err]).toEqual([0, []]);
    const json = JSON.parse(result.out[result.out.length - 1]);
    expect(json.providers).toEqual([{ file: b }, { file: a }]);
    // 2.1.1 in the example's Case supervision: 65 Yes of 100 applicable (published: 65%), in each workbook.
    expect(json.keyQuestions[0]).toMatchObject({ id: '2.1.1', yes: 130, applicable: 200, percent: 65 });
  });

  it('no file, --out without its file name, an unknown option: exit 2 and one line', async () => {
    expect(await run(['--json'])).toEqual({ status: 2, out: [], err: [USAGE] });
    expect(await run([a, b, '--out'])).toEqual({ status: 2, out: [], err: ['--out needs a file name, e.g. --out out/programme.xlsx.'] });
    const unknown = await run([a, b, '--jsn']);
    expect(unknown).toEqual({ status: 2, out: [], err: [expect.stringMatching(/^Usage: npm run aggregate -- .*: Unknown option '--jsn'/)] });
  });
});

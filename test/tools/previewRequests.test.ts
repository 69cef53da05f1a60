/**
 * `npm run preview`'s /run and /edit with hand-made hostile bodies, sent with the page's own token:
 * each is answered with one sentence in the JSON the page reads ({ error }), never a JavaScript
 * error or a stack, and nothing in the workbook changes.
 */
import { join } from 'node:path';
import { Preview, startPreview } from '../../tools/preview';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(180_000);

describe('preview › /run and /edit take only their own names and fields', () => {
  let preview: Preview;
  let token: string;
  let before: string;
  const workbook = () => JSON.stringify(preview.runtime.workbook.sheetNames().map((name) => [name, preview.runtime.sheetValues(name)]));

  async function post(path: '/run' | '/edit', body: string): Promise<{ status: number; reply: { error?: string } }> {
    const response = await fetch(new URL(path, preview.url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Preview-Token': token }, body });
    return { status: response.status, reply: (await response.json()) as { error?: string } };
  }

  /** The one-line error the page shows for a body. */
  async function refusal(path: '/run' | '/edit', body: string): Promise<string> {
    const { status, reply } = await post(path, body);
    expect(status).toBe(200);
    expect(typeof reply.error).toBe('string');
    expect(reply.error).not.toMatch(/\n|\bat .*:\d+:\d+|TypeError|SyntaxError|RangeError|Cannot read|undefined/);
    return reply.error!;
  }

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0 });
    const page = await (await fetch(new URL('/sidebar', preview.url))).text();
    token = /<meta name="preview-token" content="([0-9a-f]+)">/.exec(page)![1];
    before = workbook();
  });
  afterAll(async () => {
    await preview?.close();
  });
  afterEach(() => {
    expect(workbook()).toBe(before);
  });

  it.each(['/run', '/edit'] as const)('%s: malformed JSON, null, a list', async (path) => {
    expect(await refusal(path, '{"name": "getOverview", "args": [')).toBe('The request is not valid JSON.');
    const fields = path === '/run' ? 'name, args' : 'tab, row, column, value';
    expect(await refusal(path, 'null')).toBe(`The request must be a JSON object with the fields ${fields}.`);
    expect(await refusal(path, '[]')).toBe(`The request must be a JSON object with the fields ${fields}.`);
  });

  it('/run: a 100,000-deep array', async () => {
    const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    expect(await refusal('/run', `{"name": "getOverview", "args": ${deep}}`)).toBe('The request nests more than 8 levels deep.');
  });

  it('/run: a 60,000-character value', async () => {
    expect(await refusal('/run', JSON.stringify({ name: 'goToCell', args: ['x'.repeat(60000), 1, 1] }))).toBe(`The tab name must be at most 100 characters; got "${'x'.repeat(200)}… (60000 characters)".`);
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])('/run: the name %s', async (name) => {
    expect(await refusal('/run', JSON.stringify({ name, args: [] }))).toBe(`The add-on has no server function "${name}".`);
  });

  it.each(['constructor', 'toString', '__proto__'])('/run and /edit: a field named %s', async (field) => {
    expect(await refusal('/run', `{"name": "getOverview", "args": [], "${field}": "x"}`)).toBe(`The request has no field "${field}"; it must be a JSON object with the fields name, args.`);
    expect(await refusal('/run', `{"name": "runGenerateSummaries", "args": [{"${field}": "Sentence type"}]}`)).toBe(
      field === '__proto__' ? 'The request has a field named "__proto__", which no server function takes.' : `The options has no field "${field}"; its fields: subSampleHeader.`,
    );
    expect(await refusal('/edit', `{"tab": "Case supervision", "row": 2, "column": 9, "value": "Yes", "${field}": {}}`)).toBe(
      `The request has no field "${field}"; it must be a JSON object with the fields tab, row, column, value.`,
    );
  });

  it('/run: 100,000 extra arguments', async () => {
    expect(await refusal('/run', JSON.stringify({ name: 'getOverview', args: new Array(100000).fill(null) }))).toBe('getOverview takes at most 10 arguments; got 100,000.');
  });

  it('/run: a "Recorded by" of only a zero-width space', async () => {
    expect(await refusal('/run', JSON.stringify({ name: 'recordPanelJudgement', args: ['2.1', '', '', '\u200B'] }))).toBe('Recorded by must contain a visible character; got "[U+200B]".');
  });

  it('/edit: a 60,000-character value', async () => {
    expect(await refusal('/edit', JSON.stringify({ tab: 'Case supervision', row: 2, column: 9, value: 'Y'.repeat(60000) }))).toBe(
      'A cell holds at most 50,000 characters in Sheets; this value has 60,000. Nothing was saved.',
    );
  });

  it('a body over 1,000,000 bytes', async () => {
    expect(await refusal('/run', JSON.stringify({ name: 'goToCell', args: ['x'.repeat(1_100_000), 1, 1] }))).toBe('The request is larger than 1,000,000 bytes.');
  });
});

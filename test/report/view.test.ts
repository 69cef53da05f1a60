/**
 * The report's view (src/report/view.ts) is the one place the shared wording and colours are
 * written, and cell text reaches documents cleaned (src/core/cellText.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cellText, documentText } from '../../src/core/cellText';

const ROOT = join(__dirname, '..', '..');

/** Every source file of the add-on and the commands. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|html|mjs)$/.test(name) ? [path] : [];
  });
}

describe('report › view: one definition of the shared words and colours', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'tools'))].map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
  const where = (pattern: RegExp) => files.filter((file) => pattern.test(file.text)).map((file) => file.path);

  it.each([
    ['the provisional wording', /provisional: /],
    ['the panel-move wording', /['"`]Panel: /],
    ["Inadequate's colour", /#f4c7c3/i],
    ["Requires improvement's colour", /#fce8b2/i],
  ])('%s is written in src/report/view.ts only', (_what, pattern) => {
    expect(where(pattern)).toEqual(['src/report/view.ts']);
  });
});

describe('core › cellText: what a cell gives a document', () => {
  it('decodes Excel escapes, keeping an escaped underscore literal', () => {
    expect(documentText('Risk_x0009_need')).toBe('Risk\tneed');
    expect(documentText('_x005F_x000D_')).toBe('_x000D_');
  });

  it('removes what XML cannot hold and keeps what it can', () => {
    expect(documentText('a\uFFFEb\uFFFFc\u0007d\u0000e')).toBe('abcde');
    expect(documentText('lone \uD800high and \uDC00low')).toBe('lone high and low');
    expect(documentText('pair \uD83D\uDE00 kept, tab\tand\nline kept')).toBe('pair \uD83D\uDE00 kept, tab\tand\nline kept');
  });

  it('prints a typed date as the published reports do, on the day typed in British Summer Time or in UTC', () => {
    expect(cellText(new Date(Date.UTC(2025, 3, 30, 23)))).toBe('1 May 2025');
    expect(cellText(new Date(Date.UTC(2025, 4, 1)))).toBe('1 May 2025');
    expect(cellText(new Date(Date.UTC(2024, 11, 31, 0)))).toBe('31 December 2024');
  });

  it('gives blanks as empty text and numbers as typed', () => {
    expect([cellText(null), cellText(undefined), cellText(''), cellText('  x  '), cellText(42)]).toEqual(['', '', '', 'x', '42']);
  });
});

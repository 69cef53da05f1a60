/**
 * `rate --html` on workbooks the example does not cover: no Inspection tab, a key question in
 * error, no comparison figures, and a framework with provisional wording and a standard that
 * does not count. Read as text from the page the command writes.
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { YJ_2021 } from '../../src/core/frameworks/youthJustice';
import { ratingsReport } from '../../src/core/report';
import { caseTabLayouts } from '../../src/core/workbook';
import { ratingsPageHtml } from '../../tools/ratingsPage';

/** A case tab of `cases` rows answering `answers` by header prefix. */
function caseTab(headers: string[], cases: Array<Record<string, string>>): unknown[][] {
  return [headers, ...cases.map((values) => headers.map((header) => Object.entries(values).find(([prefix]) => header.startsWith(`${prefix} `))?.[1] ?? ''))];
}

describe('tools › the ratings page, beyond the example', () => {
  const layout = caseTabLayouts(CRC_2018).find((tab) => tab.name === 'Case supervision')!;
  const cases = Array.from({ length: 10 }, (_, index) => ({ '2.1.1': index === 3 ? 'Maybe' : 'Yes', '2.1.2': 'Yes', '2.1.3': index < 6 ? 'Yes' : 'No' }));

  it('says the service is not named (never a file name), charts the key question in error as an error, and explains the empty comparison columns', async () => {
    const html = await ratingsPageHtml(ratingsReport(CRC_2018, (name) => (name === 'Case supervision' ? caseTab(layout.headers, cases) : undefined)));
    expect(html).toMatch(/<h1>Service not named — fill in the Inspection tab<\/h1>/);
    expect(html).toMatch(/aria-label="2\.1\.1: error, Row 5, column &quot;2\.1\.1/);
    expect(html).toMatch(/<text[^>]*>error<\/text>/);
    expect(html).toMatch(/Error: Row 5, column/);
    expect(html).toContain('Previous inspection: no figures on the Comparison tab, so the column is left out.');
    expect(html).not.toMatch(/<th scope="col">All providers<\/th>/);
  });

  it('says a youth justice framework\'s wording is provisional and that 4.1 does not count', async () => {
    const html = await ratingsPageHtml(ratingsReport(YJ_2021, () => undefined));
    expect(html).toMatch(/<p class="notice">Provisional wording: /);
    expect(html).toMatch(/<p class="notice">Standard 4\.1 Resettlement is rated but does not count towards the overall score\.<\/p>/);
    expect(html).toMatch(/\(does not count\)/);
  });
});

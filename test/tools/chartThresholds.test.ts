/**
 * R4 with a framework's own thresholds (docs/frameworks.md): the ratings page draws its boundary lines
 * where that framework's bands start, not at the default 50/65/80.
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { ratingsReport, RatingsReport } from '../../src/core/report';
import { caseTabLayouts } from '../../src/core/workbook';
import { ratingsPageHtml } from '../../tools/ratingsPage';

/** The report model of a CRC 2018 workbook with the given thresholds and one case, answered Yes throughout on Case supervision. */
function reportWith(thresholds: readonly [number, number, number]): RatingsReport {
  const framework = { ...CRC_2018, thresholds };
  const layout = caseTabLayouts(framework).find((tab) => tab.name === 'Case supervision')!;
  const answers = layout.headers.map((header, index) => (index < layout.metadataCount ? (index === 0 ? 'C1' : '') : /^\d/.test(header) ? 'Yes' : ''));
  return ratingsReport(framework, (tab) => (tab === layout.name ? [layout.headers, answers] : undefined));
}

describe('tools › the ratings page draws the framework’s own thresholds (R4)', () => {
  it('a 60/75/90 framework gets boundary lines at 60, 75 and 90, and none at 50, 65 or 80', async () => {
    const html = await ratingsPageHtml(reportWith([60, 75, 90]));
    expect(html).toContain('against the band boundaries (Requires improvement from 60%, Good from 75%, Outstanding from 90%)');
    for (const boundary of ['Requires improvement from 60%', 'Good from 75%', 'Outstanding from 90%']) expect(html).toContain(boundary);
    for (const boundary of [50, 65, 80]) expect(html).not.toMatch(new RegExp(`from ${boundary}%`));
  });

  it('the default framework keeps 50, 65 and 80', async () => {
    const html = await ratingsPageHtml(reportWith([50, 65, 80]));
    for (const boundary of ['Requires improvement from 50%', 'Good from 65%', 'Outstanding from 80%']) expect(html).toContain(boundary);
  });
});

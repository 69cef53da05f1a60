/**
 * R4 with a framework's own thresholds (docs/frameworks.md): the ratings page draws its boundary lines
 * where that framework's bands start, not at the default 50/65/80.
 */
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { RatingsReport } from '../../src/core/report';
import { ratingsPageHtml } from '../../tools/ratingsPage';

function reportWith(thresholds: readonly [number, number, number]): RatingsReport {
  const framework = { ...CRC_2018, thresholds };
  const [standard] = CRC_2018.domains.flatMap((domain) => domain.standards).filter((candidate) => candidate.kind === 'caseBased');
  const keyQuestion = standard.keyQuestions[0];
  return {
    framework,
    standards: [
      {
        standard,
        indicative: 'Requires improvement',
        rating: 'Requires improvement',
        keyQuestions: [{ id: keyQuestion.id, text: keyQuestion.text, qualitative: false, yes: 7, applicable: 10, percent: 70, band: 'Requires improvement' }],
      },
    ],
    overall: { score: 1, outOf: 3, rated: 1, of: 1, rating: 'Requires improvement' },
    problems: [],
  };
}

describe('tools › the ratings page draws the framework’s own thresholds (R4)', () => {
  it('a 60/75/90 framework gets boundary lines at 60, 75 and 90, and none at 50, 65 or 80', async () => {
    const html = await ratingsPageHtml(reportWith([60, 75, 90]), 'Test');
    expect(html).toContain('against the band boundaries (60, 75, 90%)');
    for (const boundary of [60, 75, 90]) expect(html).toContain(`${boundary}% boundary`);
    for (const boundary of [50, 65, 80]) expect(html).not.toContain(`${boundary}% boundary`);
  });

  it('the default framework keeps 50, 65 and 80', async () => {
    const html = await ratingsPageHtml(reportWith([50, 65, 80]), 'Test');
    for (const boundary of [50, 65, 80]) expect(html).toContain(`${boundary}% boundary`);
  });
});

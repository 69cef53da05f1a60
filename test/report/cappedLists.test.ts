/**
 * The one list cap (50, src/core/lists.ts) in the Word report: data problems, a standard's evidence
 * notes and sub-sample groups past 50 are counted ("… and 70 more"), and the document made from the
 * capped model the sidebar fetches reads exactly as the one made from the whole model (`rate --docx`).
 * Read back by mammoth, not this project's code.
 */
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { boundedReport } from '../../src/core/lists';
import { ratingsReport, RatingsReport } from '../../src/core/report';
import { caseTabLayouts } from '../../src/core/workbook';
import { reportDocument } from '../../src/report/document';

const CASES = 120;
const SENTENCE_TYPES = 60;

/** 120 cases: 2.1.1 answered "Maybe" on every row (a problem each), 2.1.2 Yes with a note beside it, 60 different sentence types. */
function caseSupervision(): unknown[][] {
  const headers = caseTabLayouts(CRC_2018).find((layout) => layout.name === 'Case supervision')!.headers;
  const rows = Array.from({ length: CASES }, (_, row) =>
    headers.map((header) => {
      if (header === 'Case ID') return `C${row + 1}`;
      if (header === 'Sentence type') return `Type ${(row % SENTENCE_TYPES) + 1}`;
      if (header.startsWith('2.1.1 ')) return 'Maybe';
      if (header.startsWith('2.1.2 ')) return 'Yes';
      if (header === 'Evidence 2.1.2') return `Seen in case ${row + 1}.`;
      return '';
    }),
  );
  return [headers, ...rows];
}

async function documentText(report: RatingsReport): Promise<string[]> {
  // The panel pack: the document that lists every kind of capped list (notes with their case IDs, problems).
  const buffer = await Packer.toBuffer(reportDocument(report, { generatedOn: new Date(Date.UTC(2026, 0, 5)), kind: 'panelPack' }).document);
  return (await mammoth.extractRawText({ buffer })).value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

describe('report › every list capped at 50, the rest counted', () => {
  const tab = caseSupervision();
  const whole = ratingsReport(CRC_2018, (name) => (name === 'Case supervision' ? tab : undefined));
  const bounded = boundedReport(whole);

  it('caps the model the sidebar fetches: 50 problems, 50 notes a standard, 50 sub-sample groups, and counts the rest', () => {
    expect(whole.problems.length).toBeGreaterThanOrEqual(CASES);
    expect(bounded.problems).toEqual(whole.problems.slice(0, 50));
    expect(bounded.problemCount - bounded.problems.length).toBe(whole.problems.length - 50);
    const standard = bounded.standards.find((figure) => figure.standard.id === '2.1')!;
    expect(standard.keyQuestions.flatMap((keyQuestion) => keyQuestion.strengths)).toHaveLength(50);
    expect(standard.strengthsNotListed).toBe(70);
    expect(bounded.subSamples[0].groups).toHaveLength(50);
    expect(bounded.subSamples[0].groupsNotListed).toBe(10);
    expect(JSON.stringify(bounded).length).toBeLessThan(JSON.stringify(whole).length);
  });

  it('says "and N more" in the Word report, which reads the same from the capped model as from the whole one', async () => {
    const [fromWhole, fromBounded] = await Promise.all([documentText(whole), documentText(bounded)]);
    expect(fromBounded).toEqual(fromWhole);
    expect(fromBounded).toContain(`… and ${(whole.problems.length - 50).toLocaleString('en-GB')} more: see the Data quality tab.`);
    expect(fromBounded).toContain('… and 70 more: see the evidence columns of the case tab.');
    expect(fromBounded).toContain('… and 10 more values of Sentence type: see the Sub-samples tab.');
    expect(fromBounded.filter((line) => /^Seen in case \d+\. \(case C\d+\)$/.test(line))).toHaveLength(50);
  });
});

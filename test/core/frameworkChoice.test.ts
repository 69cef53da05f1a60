import { readCaseTable, rowsWhere } from '../../src/core/caseTable';
import { findStandard } from '../../src/core/frameworks';
import { rateStandard, requireRated } from '../../src/core/standards';
import { frameworkForTable, markerHeader, parseMarker } from '../../src/core/frameworkChoice';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { YJ_2018, YJ_2021 } from '../../src/core/frameworks/youthJustice';
import { Framework } from '../../src/core/framework';
import { FRAMEWORKS } from '../../src/core/frameworks';

const table = (...headers: string[]) => readCaseTable([headers, headers.map(() => '')]);

describe('frameworkChoice: which framework a case table follows', () => {
  it('follows the Framework: header when there is one', () => {
    expect(frameworkForTable(table('Case ID', '2.1.1 Engaging', 'Framework: yj-2018')).id).toBe('yj-2018');
    expect(frameworkForTable(table('Case ID', 'Framework:   crc-2018 ', '2.1.1 Engaging')).id).toBe('crc-2018');
  });

  it('refuses an unknown id, listing the known ones (R11)', () => {
    expect(() => frameworkForTable(table('Case ID', 'Framework: yj-2019', '2.1.1 Engaging'))).toThrow(
      /Unknown framework "yj-2019".*Known frameworks: crc-2018, yj-2018, yj-2021\./,
    );
  });

  it('refuses two Framework: headers and settings on a built-in', () => {
    expect(() => frameworkForTable(table('Framework: crc-2018', 'Framework: yj-2018', '2.1.1 x'))).toThrow(/2 framework columns/);
    expect(() => frameworkForTable(table('Framework: crc-2018; bands 60/75/90', '2.1.1 x'))).toThrow(/built-in framework whose settings are fixed/);
  });

  it('builds a workbook-defined framework from the columns and the header settings', () => {
    const framework = frameworkForTable(table('Case ID', '5.1.1 Are records kept?', '5.1.2(a) Signed?', '5.1.2 Are visits made?', '5.2.1 Is consent sought?', 'Framework: my-audit; bands 60/75/90; key questions 5.1.1-2, 5.2.1; qualitative 5.2.2'));
    expect(framework.id).toBe('my-audit');
    expect(framework.thresholds).toEqual([60, 75, 90]);
    const standards = framework.domains.flatMap((domain) => domain.standards);
    expect(standards.map((standard) => [standard.id, standard.keyQuestions.map((keyQuestion) => `${keyQuestion.id}${keyQuestion.qualitative ? 'q' : ''}`)])).toEqual([
      ['5.1', ['5.1.1', '5.1.2']],
      ['5.2', ['5.2.1', '5.2.2q']],
    ]);
    expect(standards[0].keyQuestions[1].prompts).toEqual([{ id: '5.1.2(a)', text: 'Signed?' }]);
  });

  it('reads and writes the marker settings', () => {
    expect(parseMarker('Framework: a; bands 60 / 75/90 ; qualitative 4.1.3, 4.2.3')).toEqual({ id: 'a', thresholds: [60, 75, 90], qualitative: ['4.1.3', '4.2.3'] });
    expect(() => parseMarker('Framework: a; bands 75/60/90')).toThrow(/each above the one before/);
    expect(() => parseMarker('Framework: a; colour red')).toThrow(/"colour red" is not a setting/);
    expect(markerHeader(YJ_2021)).toBe('Framework: yj-2021');
    const audit: Framework = { ...CRC_2018, id: 'my-audit', thresholds: [60, 75, 90] };
    expect(markerHeader(audit)).toBe('Framework: my-audit; bands 60/75/90; key questions 2.1.1-3, 2.2.1-3, 2.3.1-3, 2.4.1-3, 4.1.1-2, 4.1.4, 4.2.1-3; qualitative 4.1.3');
    expect(parseMarker(markerHeader(audit))).toEqual({
      id: 'my-audit', thresholds: [60, 75, 90], qualitative: ['4.1.3'],
      keyQuestions: ['2.1.1', '2.1.2', '2.1.3', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '2.4.1', '2.4.2', '2.4.3', '4.1.1', '4.1.2', '4.1.4', '4.2.1', '4.2.2', '4.2.3'],
    });
  });

  describe('without a marker', () => {
    it('a hand-made CRC tab with short headers keeps working: the candidates rate it alike, so the first is used', () => {
      expect(frameworkForTable(table('Case ID', '2.1.1 Engaging', '2.1.2 Desistance', '2.1.3 Safety')).id).toBe('crc-2018');
    });

    it('headers in a framework\'s own wording choose it', () => {
      const youth = YJ_2018.domains[1].standards[0].keyQuestions.map((keyQuestion) => `${keyQuestion.id} ${keyQuestion.text}`);
      expect(frameworkForTable(table('Case ID', ...youth)).id).toBe('yj-2018');
      const crc = CRC_2018.domains[1].standards[0].keyQuestions.map((keyQuestion) => `${keyQuestion.id} ${keyQuestion.text}`);
      expect(frameworkForTable(table('Case ID', ...crc)).id).toBe('crc-2018');
    });

    it('ids only one framework has choose it (3.1 is youth, 4.1.4 is CRC unpaid work, 4.1.3 counted is yj-2021)', () => {
      expect(frameworkForTable(table('3.1.1 a', '3.1.2 b', '3.1.3 c')).id).toBe('yj-2018');
      expect(frameworkForTable(table('4.1.1 a', '4.1.2 b', '4.1.4 c')).id).toBe('crc-2018');
      expect(frameworkForTable(table('4.1.1 a', '4.1.2 b', '4.1.3 c')).id).toBe('yj-2021');
    });

    it('a tab with only some columns of a standard the candidates define differently uses the first: either way that standard is a missing column', () => {
      // CRC 4.1 counts 4.1.1, 4.1.2, 4.1.4 (4.1.3 qualitative); yj-2021 4.1 counts 4.1.1–4.1.3.
      expect(frameworkForTable(table('Case ID', '4.1.1 Personalised', '4.1.2 Safe')).id).toBe('crc-2018');
    });

    it('is an error where the candidates would rate the table differently', () => {
      const strict: Framework = { ...CRC_2018, id: 'crc-strict', thresholds: [60, 75, 90] };
      expect(() => frameworkForTable(table('Case ID', '2.1.1 Engaging', '2.1.2 b', '2.1.3 c'), [...FRAMEWORKS, strict])).toThrow(
        'These columns fit more than one framework (crc-2018, crc-strict), which rate them differently. Add a column headed "Framework: crc-2018" (or the one you use) to the header row, or run New inspection and choose the framework, so the ratings are never guessed.',
      );
      expect(frameworkForTable(table('Framework: crc-strict', '2.1.1 Engaging'), [...FRAMEWORKS, strict]).id).toBe('crc-strict');
    });

    it('is an error where no framework has the ids', () => {
      expect(() => frameworkForTable(table('2.1.1 a', '9.9.9 b'))).toThrow(/fits no framework: no framework has key question 9\.9\.9\. Known frameworks: crc-2018, yj-2018, yj-2021/);
    });
  });
});

describe('frameworkChoice › R13: a workbook-defined framework knows from its header which key questions each standard expects', () => {
  const MARKER = 'Framework: my-audit; bands 60/75/90; key questions 2.1.1-2';
  // 2.1.1 at 92% of 25 cases (23 Yes), 2.1.2 at 72% (18 Yes): 2.1 is Requires improvement at 60/75/90 (lowest 72%).
  const answers = (yes: number) => Array.from({ length: 25 }, (_, index) => (index < yes ? 'Yes' : 'No'));
  const cases = (columns: Record<string, string[]>) => {
    const headers = ['Case ID', MARKER, ...Object.keys(columns)];
    return readCaseTable([headers, ...Array.from({ length: 25 }, (_, row) => [`C${row + 1}`, '', ...Object.values(columns).map((column) => column[row])])]);
  };
  const rate = (table: ReturnType<typeof cases>) => {
    const framework = frameworkForTable(table);
    return rateStandard(table, findStandard(framework, '2.1'), rowsWhere(table), framework.thresholds);
  };

  it('rates the whole standard when every column is there', () => {
    expect(requireRated(rate(cases({ '2.1.1 Timely?': answers(23), '2.1.2 Thorough?': answers(18) }))).rating).toBe('Requires improvement');
  });

  it('a deleted key-question column is an error naming it, never a rating from the columns left (it was Outstanding)', () => {
    expect(() => rate(cases({ '2.1.1 Timely?': answers(23) }))).toThrow(/no column for "?2\.1\.2/);
  });

  it('a column the framework does not have is never counted into its standard', () => {
    const result = requireRated(rate(cases({ '2.1.1 Timely?': answers(23), '2.1.2 Thorough?': answers(18), '2.1.3 Extra?': answers(2) })));
    expect([result.rating, result.lowest.keyQuestion.id]).toEqual(['Requires improvement', '2.1.2']);
  });

  it('a qualitative id must name a key question of a standard the header lists', () => {
    const table = readCaseTable([['Case ID', `${MARKER}; qualitative 9.9.9`, '2.1.1 a', '2.1.2 b'], ['', '', '', '']]);
    expect(() => frameworkForTable(table)).toThrow(/makes 9\.9\.9 qualitative, but it names no standard with counted key questions \(2\.1\)/);
    const twice = readCaseTable([['Case ID', `${MARKER}; qualitative 2.1.2`, '2.1.1 a', '2.1.2 b'], ['', '', '', '']]);
    expect(() => frameworkForTable(twice)).toThrow(/2\.1\.2 is also a counted key question/);
  });

  it('a header without its key questions (an earlier version\'s) asks for New inspection, which writes them', () => {
    expect(() => frameworkForTable(table('Case ID', 'Framework: my-audit; bands 60/75/90', '2.1.1 a'))).toThrow(/does not list the key questions its standards expect.*Run New inspection/);
  });

  it('quotes a long or odd header capped, hidden characters by code point', () => {
    const long = `Framework: my-audit; bands 60/75/90; colour ${'x'.repeat(60000)}`;
    const message = (() => { try { parseMarker(long); return ''; } catch (error) { return (error as Error).message; } })();
    expect(message.length).toBeLessThan(700);
    expect(message).toMatch(/\(60\d{3} characters\)/);
    expect(() => frameworkForTable(table('Case ID', 'Framework: my\u200Baudit', '2.1.1 a'))).toThrow('Unknown framework "my[U+200B]audit"');
    expect(() => frameworkForTable(table('Case ID', 'Framework: crc-2\u043018', '2.1.1 a'))).toThrow('Unknown framework "crc-2[U+0430]18"');
  });
});

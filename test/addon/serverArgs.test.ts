import { ArgRule, checkArgs } from '../../src/addon/serverArgs';
import { newWorkbook } from './support';

/**
 * Every sidebar server function is reachable with any arguments (google.script.run, the preview's
 * /run with any JSON): each answers a bad one with a sentence naming it, before any work.
 */
describe('addon › sidebar server functions check their arguments at the boundary', () => {
  const rt = newWorkbook({ maxRows: 30 });
  const failure = (name: string, ...args: unknown[]) => {
    try {
      rt.call(name, ...args);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${name} accepted ${JSON.stringify(args)}`);
  };

  it.each<[string, unknown[], string]>([
    ['recordPanelJudgement', [null, null, null], 'The standard id is required; got nothing.'],
    ['recordPanelJudgement', [2.1, 'Good', 'why'], 'The standard id must be text; got 2.1.'],
    ['recordPanelJudgement', ['2.1', ['Good'], 'why'], 'The rating must be text; got a list of 1.'],
    ['recordPanelJudgement', ['2.1', 'Good', { text: 'why' }], 'The rationale must be text; got an object.'],
    ['getBoundaryCases', [{}], 'The standard id must be text; got an object.'],
    ['goToCell', [null, 1, 1], 'The tab name is required; got nothing.'],
    ['goToCell', ['Ratings', '2', 1], 'The row must be a number; got "2".'],
    ['goToCell', ['Ratings', 0, 1], 'The row must be a whole number from 1 to 10000000; got 0.'],
    ['goToCell', ['Ratings', 1, 1.5], 'The column must be a whole number from 1 to 18278; got 1.5.'],
    ['runNewInspection', [42], "The framework's id must be text; got 42."],
    ['runGenerateSummaries', ['Sentence type'], 'The options must be an object; got "Sentence type".'],
    ['runGenerateSummaries', [{ subSampleHeader: 7 }], 'The sub-sample column must be text; got 7.'],
    ['runGenerateSummaries', [{ subSample: 'Sentence type' }], 'The options has no field "subSample"; its fields: subSampleHeader.'],
    ['previewSampleDraw', [null], 'The sample request is required; got nothing.'],
    ['previewSampleDraw', [{ populationTab: 'Cases', strata: 'Sentence type', size: 10 }], 'The strata must be a list of text; got "Sentence type".'],
    ['previewSampleDraw', [{ populationTab: 'Cases', strata: [], size: '10' }], 'The sample size must be a number; got "10".'],
    ['previewSampleDraw', [{ populationTab: 'Cases', strata: [], size: 10, seed: -1 }], 'The seed must be a whole number from 0 to 9007199254740991; got -1.'],
    ['runSampleDraw', [{ populationTab: 'Cases', strata: [], size: 10 }, 3], 'The case tab must be text; got 3.'],
    ['runQualityCheck', [{ caseTab: 'Case supervision', perInspector: null }], 'Cases per inspector is required; got nothing.'],
  ])('%s(%j)', (name, args, message) => {
    expect(failure(name, ...args)).toBe(message);
  });

  it('quotes a long or odd value capped, hidden and look-alike characters by code point', () => {
    expect(failure('goToCell', 'x'.repeat(60000), 1, 1)).toBe(`The tab name must be at most 100 characters; got "${'x'.repeat(200)}… (60000 characters)".`);
    expect(failure('goToCell', 'Case\u200Bsupervision', 1, 1)).toBe('There is no tab named "Case[U+200B]supervision" any more.');
    expect(failure('goToCell', 'Cаse supervision', 1, 1)).toBe('There is no tab named "C[U+0430]se supervision" any more.');
    expect(failure('recordPanelJudgement', `9.9${'\u200B'.repeat(3)}`, 'Good', 'why')).toMatch(/^There is no standard "9\.9\[U\+200B\]\[U\+200B\]\[U\+200B\]" in/);
  });

  it('a good call still works', () => {
    rt.call('goToCell', 'Ratings', 2, 1);
    expect(rt.spreadsheet.getActiveSheet().getName()).toBe('Ratings');
  });

  it('more arguments than declared are refused', () => {
    expect(() => checkArgs('getOverview', [], ['x'])).toThrow('getOverview takes no arguments; got 1.');
  });
});

/** Hostile calls (the catalogue): own names and fields only, bounded counts, visible names. */
describe('addon › sidebar server functions take only their own names and fields', () => {
  const rt = newWorkbook({ maxRows: 30 });
  const failure = (name: string, ...args: unknown[]) => {
    try {
      rt.runFromSidebar(name, ...args);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${name} accepted the call`);
  };

  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf'])('refuses the inherited name %s as a server function', (name) => {
    expect(failure(name)).toBe(`The script has no top-level function ${name}.`);
  });

  it.each([
    ['constructor', { constructor: 'Sentence type' }],
    ['toString', { toString: 'Sentence type' }],
  ])('refuses a form field named %s', (field, options) => {
    expect(failure('runGenerateSummaries', options)).toBe(`The options has no field "${field}"; its fields: subSampleHeader.`);
    expect(failure('runQualityCheck', { caseTab: 'Case supervision', perInspector: 2, ...options })).toBe(`The quality check has no field "${field}"; its fields: caseTab, perInspector, seed.`);
  });

  const OPTIONS: ArgRule = { label: 'The options', type: 'object', fields: { subSampleHeader: { label: 'The sub-sample column', type: 'text', maxLength: 200 } } };

  it('refuses a field named __proto__ (JSON.parse makes it an own property) and never reads a field an object only inherits', () => {
    expect(() => checkArgs('runGenerateSummaries', [OPTIONS], [JSON.parse('{"__proto__": "Sentence type"}')])).toThrow('The options has no field "__proto__"; its fields: subSampleHeader.');
    const inherits = Object.create({ subSampleHeader: 'Sentence type' }) as object;
    expect(() => checkArgs('runGenerateSummaries', [OPTIONS], [inherits])).toThrow('The sub-sample column is required; got nothing.');
  });

  it('refuses 100,000 extra arguments with a sentence, not a RangeError', () => {
    expect(() => checkArgs('getOverview', [], new Array(100000).fill(null))).toThrow('getOverview takes no arguments; got 100000.');
    expect(() => checkArgs('goToCell', [OPTIONS, OPTIONS, OPTIONS], [{}, {}, {}, ...new Array(100000).fill(null)])).toThrow('goToCell takes at most 3 arguments; got 100003.');
  });

  it('refuses a "Recorded by" with nothing visible in it (a lone zero-width space), and saves nothing', () => {
    const log = rt.spreadsheet.getSheetByName('Panel log');
    expect(failure('recordPanelJudgement', '2.1', '', '', '\u200B')).toBe('Recorded by must contain a visible character; got "[U+200B]".');
    expect(failure('recordPanelJudgement', '2.1', '', '', ' \u200B\u2060 ')).toBe('Recorded by must contain a visible character; got " [U+200B][U+2060] ".');
    expect(rt.spreadsheet.getSheetByName('Panel log')).toBe(log);
  });

  it('takes a rationale of only invisible characters as no rationale', () => {
    expect(failure('recordPanelJudgement', '2.1', 'Good', '\u200B\u200B')).toMatch(/^A panel judgement needs a rationale: say why 2\.1 /);
  });
});

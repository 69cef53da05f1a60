import { CRC_2018, HARM_FACTORS, LICENCE } from '../../../src/core/frameworks/crc2018';
import { validateFramework } from '../../../src/core/framework';
import type { KeyQuestion, Prompt, Standard } from '../../../src/core/framework';

const standards: Standard[] = CRC_2018.domains.flatMap((d) => d.standards);
const keyQuestions: KeyQuestion[] = standards.flatMap((s) => s.keyQuestions);
const prompts: Prompt[] = keyQuestions.flatMap((k) => k.prompts);
const kq = (id: string): KeyQuestion => {
  const found = keyQuestions.find((k) => k.id === id);
  if (!found) throw new Error(`no key question ${id}`);
  return found;
};
const standardOf = (kqId: string): Standard => {
  const found = standards.find((s) => s.keyQuestions.some((k) => k.id === kqId));
  if (!found) throw new Error(`no standard for ${kqId}`);
  return found;
};

describe('CRC_2018 framework', () => {
  it('passes validation', () => {
    expect(validateFramework(CRC_2018)).toEqual([]);
  });

  it('keeps the seven metadata columns on every case tab, and counts all ten standards with the default bands', () => {
    expect(CRC_2018.caseTabs.map((tab) => tab.name)).toEqual(['Case supervision', 'Unpaid work', 'Through the Gate']);
    for (const tab of CRC_2018.caseTabs) {
      expect(tab.metadata.map((column) => column.header)).toEqual(['Case ID', 'Inspector', 'Sentence type', 'Gender', 'Responsible officer grade', 'Risk of serious harm level', 'Harm factors present']);
    }
    expect(HARM_FACTORS).toEqual({ header: 'Harm factors present', equals: ['Yes'] });
    expect(LICENCE).toEqual({ header: 'Sentence type', equals: ['Licence'] });
    expect(standards.filter((s) => s.counts)).toHaveLength(10);
    expect(CRC_2018.thresholds).toEqual([50, 65, 80]);
    expect(CRC_2018.overall).toEqual({ rule: 'perStandard' });
    expect(CRC_2018.source.wording).toBe('published');
  });

  it('has the identity and three domains of the report', () => {
    expect(CRC_2018.id).toBe('crc-2018');
    expect(CRC_2018.domains.map((d) => d.id)).toEqual(['1', '2', '3']);
    expect(CRC_2018.domains.map((d) => d.name)).toEqual([
      'Organisational delivery',
      'Case supervision',
      'CRC-specific work',
    ]);
  });

  it('has the ten rated standards in the report’s order, with their names', () => {
    expect(standards.map((s) => `${s.id} ${s.name}`)).toEqual([
      '1.1 Leadership',
      '1.2 Staff',
      '1.3 Services',
      '1.4 Information and facilities',
      '2.1 Assessment',
      '2.2 Planning',
      '2.3 Implementation and delivery',
      '2.4 Reviewing',
      '4.1 Unpaid work',
      '4.2 Through the Gate',
    ]);
  });

  it('uses the published standard statements (spot checks)', () => {
    const statement = (id: string) => standards.find((s) => s.id === id)?.statement;
    expect(statement('2.3')).toBe(
      'High-quality, well-focused, personalised and coordinated services are delivered, engaging the service user.',
    );
    // Line-end hyphen in the report ("high-" / "quality") is part of the word.
    expect(statement('1.4')).toContain('a high-quality, personalised and responsive approach');
    for (const s of standards) expect(s.statement.length).toBeGreaterThan(0);
  });

  it('makes domain one lead judgements with no case tab, and the rest case-based on their tabs', () => {
    for (const s of CRC_2018.domains[0].standards) {
      expect(s.kind).toBe('leadJudgement');
      expect(s.caseTab).toBeUndefined();
      for (const k of s.keyQuestions) {
        expect(k.qualitative).toBe(true);
        expect(k.subSample).toBeUndefined();
        expect(k.prompts).toEqual([]);
      }
    }
    const tabs = Object.fromEntries(
      standards.filter((s) => s.kind === 'caseBased').map((s) => [s.id, s.caseTab]),
    );
    expect(tabs).toEqual({
      '2.1': 'Case supervision',
      '2.2': 'Case supervision',
      '2.3': 'Case supervision',
      '2.4': 'Case supervision',
      '4.1': 'Unpaid work',
      '4.2': 'Through the Gate',
    });
  });

  it('has the key questions the report lists for each standard', () => {
    // Domain one: "the following three/five/three/four questions" in report sections 1.1–1.4;
    // 2.x and 4.2: three key questions each; 4.1: "the following four questions".
    const ids = Object.fromEntries(standards.map((s) => [s.id, s.keyQuestions.map((k) => k.id)]));
    expect(ids).toEqual({
      '1.1': ['1.1.1', '1.1.2', '1.1.3'],
      '1.2': ['1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.2.5'],
      '1.3': ['1.3.1', '1.3.2', '1.3.3'],
      '1.4': ['1.4.1', '1.4.2', '1.4.3', '1.4.4'],
      '2.1': ['2.1.1', '2.1.2', '2.1.3'],
      '2.2': ['2.2.1', '2.2.2', '2.2.3'],
      '2.3': ['2.3.1', '2.3.2', '2.3.3'],
      '2.4': ['2.4.1', '2.4.2', '2.4.3'],
      '4.1': ['4.1.1', '4.1.2', '4.1.3', '4.1.4'],
      '4.2': ['4.2.1', '4.2.2', '4.2.3'],
    });
  });

  it('has the number of prompts per key question counted in the report’s Annex 4', () => {
    // Counted by hand from Annex 4 ("Inspection data") of the Thames Valley CRC report
    // (2019). 2.1.3 includes its two supplementary questions. The 4.1 block "Is the sentence
    // of the court implemented appropriately?" is printed twice there; counted once (4.1.4).
    // 4.1.3 is qualitative and has no prompts.
    const counts = Object.fromEntries(
      keyQuestions.filter((k) => !k.id.startsWith('1.')).map((k) => [k.id, k.prompts.length]),
    );
    expect(counts).toEqual({
      '2.1.1': 3,
      '2.1.2': 3,
      '2.1.3': 5,
      '2.2.1': 5,
      '2.2.2': 3,
      '2.2.3': 4,
      '2.3.1': 7,
      '2.3.2': 6,
      '2.3.3': 5,
      '2.4.1': 4,
      '2.4.2': 4,
      '2.4.3': 4,
      '4.1.1': 3,
      '4.1.2': 3,
      '4.1.3': 0,
      '4.1.4': 4,
      '4.2.1': 6,
      '4.2.2': 4,
      '4.2.3': 3,
    });
    expect(prompts).toHaveLength(76);
  });

  it('has unique ids across standards, key questions and prompts', () => {
    const ids = [
      ...standards.map((s) => s.id),
      ...keyQuestions.map((k) => k.id),
      ...prompts.map((p) => p.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('numbers key questions under their standard and prompts under their key question', () => {
    for (const s of standards) {
      s.keyQuestions.forEach((k, i) => {
        expect(k.id).toBe(`${s.id}.${i + 1}`);
        const lettered = k.prompts.filter((p) => !/\(s\d\)$/.test(p.id));
        lettered.forEach((p, j) => {
          expect(p.id).toBe(`${k.id}(${String.fromCharCode(97 + j)})`);
        });
        for (const p of k.prompts) {
          expect(p.id.startsWith(`${k.id}(`)).toBe(true);
          // docs/user-guide.md header convention: key-question id then a letter or sN in brackets.
          expect(p.id).toMatch(/^\d\.\d\.\d\((?:[a-z]|s\d)\)$/);
        }
      });
    }
  });

  it('has the two supplementary questions of 2.1.3 as (s1) and (s2), last', () => {
    expect(kq('2.1.3').prompts.slice(-2)).toEqual([
      { id: '2.1.3(s1)', text: 'Were domestic abuse checks undertaken?' },
      {
        id: '2.1.3(s2)',
        text: 'Did child safeguarding information sharing take place in cases where required?',
      },
    ]);
  });

  it('makes 4.1.3 the only qualitative key question of a case-based standard', () => {
    const qualitative = keyQuestions
      .filter((k) => k.qualitative && standardOf(k.id).kind === 'caseBased')
      .map((k) => k.id);
    expect(qualitative).toEqual(['4.1.3']);
    expect(kq('4.1.3')).toMatchObject({
      text: 'Do arrangements for unpaid work maximise rehabilitative elements and support desistance?',
      prompts: [],
    });
  });

  it('puts the keeping-other-people-safe key questions of domain two on the risk-of-harm sub-sample', () => {
    const riskKqs = keyQuestions.filter((k) => k.subSample === HARM_FACTORS).map((k) => k.id);
    expect(riskKqs).toEqual(['2.1.3', '2.2.3', '2.3.3', '2.4.3']);
    for (const id of riskKqs) {
      for (const p of kq(id).prompts) {
        const expected = /\(s\d\)$/.test(p.id) ? undefined : HARM_FACTORS;
        expect([p.id, p.subSample]).toEqual([p.id, expected]);
      }
    }
    // Outside those key questions no prompt is on the risk-of-harm sub-sample.
    const others = prompts.filter((p) => p.subSample === HARM_FACTORS && !riskKqs.some((id) => p.id.startsWith(`${id}(`)));
    expect(others).toEqual([]);
  });

  it('limits only the post-custody contact prompt to licence cases', () => {
    const licence = prompts.filter((p) => p.subSample === LICENCE);
    expect(licence.map((p) => p.id)).toEqual(['2.3.1(d)']);
    expect(licence[0].text).toBe(
      'Post-custody cases only: Was there a proportionate level of contact with the prisoner before release?',
    );
    expect(keyQuestions.filter((k) => k.subSample === LICENCE)).toEqual([]);
  });

  it('uses the Annex 4 heading wording for domain two key questions (spot checks)', () => {
    expect(kq('2.1.3').text).toBe('Does assessment focus sufficiently on the risk of harm to others?');
    expect(kq('2.2.3').text).toBe(
      'Does planning address appropriately factors associated with the risk of harm to others?',
    );
    expect(kq('2.3.1').text).toBe(
      'Is the sentence/post-custody period implemented appropriately, with a focus on engaging the service user?',
    );
    expect(kq('2.4.1').text).toBe(
      'Does reviewing effectively support the service user’s compliance and engagement?',
    );
  });

  it('includes the duplicated 4.1 block of Annex 4 only once', () => {
    const texts = kq('4.1.4').prompts.map((p) => p.text);
    expect(texts).toEqual([
      'Does unpaid work commence promptly and happen regularly?',
      'Do arrangements for unpaid work encourage the service user’s engagement and compliance with the order?',
      'Are professional judgements made in relation to decisions about missed appointments?',
      'Are enforcement actions taken when appropriate?',
    ]);
    const sentenceKqs = keyQuestions.filter(
      (k) => k.text === 'Is the sentence of the court implemented appropriately?',
    );
    expect(sentenceKqs.map((k) => k.id)).toEqual(['4.1.4']);
  });

  describe('text hygiene', () => {
    const texts: Array<[string, string]> = [
      [CRC_2018.name, CRC_2018.name],
      ...CRC_2018.domains.map((d): [string, string] => [`domain ${d.id}`, d.name]),
      ...standards.flatMap((s): Array<[string, string]> => [
        [`${s.id} name`, s.name],
        [`${s.id} statement`, s.statement],
      ]),
      ...keyQuestions.map((k): [string, string] => [k.id, k.text]),
      ...prompts.map((p): [string, string] => [p.id, p.text]),
    ];

    it.each(texts)('%s is clean', (_where, text) => {
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\s{2}/);
      expect(text).not.toMatch(/[\n\r\t]/);
      // No footnote marker glued to punctuation or a word ("undertaken?49", "engaging27").
      expect(text).not.toMatch(/[?.a-z]\d+$/);
      expect(text).not.toMatch(/\?\d/);
      // No hyphen left over from a line break ("high- quality").
      expect(text).not.toMatch(/\w- \w/);
    });

    it('ends every key question and prompt with a question mark, and every statement with a full stop', () => {
      for (const k of keyQuestions) expect(k.text.endsWith('?')).toBe(true);
      for (const p of prompts) expect(p.text.endsWith('?')).toBe(true);
      for (const s of standards) expect(s.statement.endsWith('.')).toBe(true);
    });

    it('keeps the report’s curly apostrophes (2.1.1(b) is printed with a straight one)', () => {
      const straight = [...keyQuestions, ...prompts].filter((x) => x.text.includes("'")).map((x) => x.id);
      expect(straight).toEqual(['2.1.1(b)']);
      expect(kq('2.1.1').prompts[0].text).toContain('service user’s motivation');
    });
  });
});

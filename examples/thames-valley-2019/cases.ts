/**
 * Synthetic case answers that reproduce the Thames Valley CRC report (2019): every key-question
 * percentage of the report body, every prompt percentage of Annex 4 and the sub-sample splits the
 * body states come out to the published whole percent (R2, R3). Deterministic: the same cases on
 * every run, from seeded hashes, so the example workbook can be committed.
 *
 * The report gives percentages, not denominators. Each answer column is answered over its whole
 * sub-sample (R2) unless the question is conditional by its wording ("where needed"), in which case
 * APPLICABILITY below says how many cases it applies to and why, or the published figure cannot be
 * reached over the whole sub-sample, in which case the fewest cases answer N/A that let it be met.
 */
import figures from './figures.json';
import { wholePercent } from '../../src/core/bands';
import { readHeader } from '../../src/core/caseTable';
import { inSubSample, keyQuestionsOf, SubSampleRule } from '../../src/core/framework';
import { CRC_2018, HARM_FACTORS, LICENCE } from '../../src/core/frameworks/crc2018';
import { caseTabLayouts } from '../../src/core/workbook';

const HARM_FACTORS_HEADER = HARM_FACTORS.header;
const SENTENCE_TYPE_HEADER = LICENCE.header;

export type CaseTab = 'Case supervision' | 'Unpaid work' | 'Through the Gate';
export type Answer = 'Yes' | 'No' | 'N/A' | '';

export const GENDER_HEADER = 'Gender';
export const GRADE_HEADER = 'Responsible officer grade';

/** One inspected case: metadata by header, answers by key-question or prompt id. */
export interface InspectedCase {
  metadata: Record<string, string>;
  answers: Record<string, Answer>;
  /** Reviewing was due in the period inspected (the 2.4 prompts "where needed" apply). */
  reviewDue: boolean;
}

/** How one answer column was answered: what the report publishes and the counts that meet it. */
export interface ColumnPlan {
  tab: CaseTab;
  id: string;
  kind: 'keyQuestion' | 'prompt';
  /** The published current percentage; undefined where the report gives none (the column stays blank). */
  published?: number;
  yes: number;
  applicable: number;
  /** Cases in the question's sub-sample (R2); the rest answer N/A. */
  subSample: number;
  /** Why fewer cases than the sub-sample are applicable, if they are. */
  why?: string;
  /** Yes of applicable per value of the split column, where the report gives a split. */
  split?: { by: string; groups: Record<string, { yes: number; applicable: number; published?: number }> };
}

export interface CaseSample {
  tab: CaseTab;
  /** Metadata headers, then answer ids in the case tab's order. */
  metadataHeaders: string[];
  answerIds: string[];
  cases: InspectedCase[];
}

export interface GeneratedInspection {
  samples: CaseSample[];
  plans: ColumnPlan[];
  /** Figures the generator could not meet, each a sentence; empty when everything is met. */
  unmet: string[];
}

/** Conditional questions: which cases they apply to (within their sub-sample), and why. */
interface Applicability {
  /** Cases that can be applicable; the others answer N/A. */
  within?: (inspected: InspectedCase) => boolean;
  /** How many of those are applicable (default: as many as the published figure allows). */
  count?: number;
  /** Cases made N/A first when fewer than all apply. */
  notApplicableFirst?: (inspected: InspectedCase) => boolean;
  why: string;
}

const reviewDue = (inspected: InspectedCase) => inspected.reviewDue;
const hasHarmFactors = (inspected: InspectedCase) => inspected.metadata[HARM_FACTORS_HEADER] === 'Yes';
const REVIEW_DUE: Applicability = { within: reviewDue, why: 'asked where reviewing was due ("in cases where it is needed"): 81 of the 100 cases' };
const NO_REVIEW_YET: Applicability = {
  count: 78,
  notApplicableFirst: (inspected) => !inspected.reviewDue,
  why: 'the published figure cannot be reached over all 79 cases with harm factors; one of them, with no review due yet, answers N/A',
};
const HARM_ONLY: Applicability = { within: hasHarmFactors, why: 'asked where risk-of-harm factors were present: 8 of the 14 cases' };

const APPLICABILITY: Record<string, Applicability> = {
  '2.1.3(s2)': { count: 57, why: 'expected only where the service user has or is in contact with children, or may pose a risk to them (report footnote 50): 57 cases' },
  '2.3.1(f)': { count: 34, why: 'asked where enforcement was appropriate: 34 cases' },
  '2.3.1(g)': { within: (inspected) => inspected.answers['2.3.1(f)'] === 'Yes', why: 'asked where enforcement action was taken: the cases answering Yes to 2.3.1(f)' },
  '2.3.2(d)': { count: 76, why: 'asked where there were key individuals to involve ("where appropriate"): 76 cases' },
  '2.4.1(a)': REVIEW_DUE,
  '2.4.1(b)': REVIEW_DUE,
  '2.4.1(d)': REVIEW_DUE,
  '2.4.2(a)': REVIEW_DUE,
  '2.4.2(d)': REVIEW_DUE,
  '2.4.3(a)': NO_REVIEW_YET,
  '2.4.3(b)': NO_REVIEW_YET,
  '2.4.3(d)': NO_REVIEW_YET,
  '4.1.2(c)': { count: 23, why: 'asked where the responsible officer was also working with the service user: 23 cases' },
  '4.1.4(c)': { count: 22, why: 'asked where appointments were missed: 22 cases' },
  '4.1.4(d)': { within: (inspected) => inspected.answers['4.1.4(c)'] !== 'N/A', count: 15, why: 'asked where enforcement was appropriate: 15 of the cases with missed appointments' },
  '4.2.1(f)': HARM_ONLY,
  '4.2.2(d)': HARM_ONLY,
};

/** The metadata mix of each sample: strata of identical metadata, then values spread at random. */
interface Stratum {
  count: number;
  metadata: Record<string, string>;
}

interface SampleDesign {
  tab: CaseTab;
  idPrefix: string;
  strata: Stratum[];
  /** Values assigned to a given number of cases at random (e.g. 21 women), the rest get `otherwise`. */
  spread: Array<{ header: string; value: string; count: number; otherwise: string }>;
  inspectors: number;
}

const stratum = (count: number, sentence: string, harm: 'Yes' | 'No', grade: string, risk: string): Stratum => ({
  count,
  metadata: { [SENTENCE_TYPE_HEADER]: sentence, [HARM_FACTORS_HEADER]: harm, [GRADE_HEADER]: grade, 'Risk of serious harm level': risk },
});

/**
 * Case supervision: 62 community and 38 licence cases, 79 with harm factors (48 community, 31
 * licence, so 2.3.3(a)'s 48% of licence cases is 15 of 31). 40 PSO cases, 20 of them with harm
 * factors (2.2.3(d)'s 30% is 6 of 20). 21 women: the fewest that meet both gender splits of 2.2.1
 * (men 70% / women 57% of 2.2.1(a) over all 100; men 76% / women 54% of 2.2.1(b) needs 13 women
 * applicable, so 8 women answer 2.2.1(b) N/A). Risk of serious harm is low exactly where there
 * are no harm factors (Annex 2: low-risk cases are left out of the keeping-safe questions).
 * Unpaid work includes NPS cases, hence a few high-risk ones; Through the Gate's prisons hold men.
 */
const DESIGNS: SampleDesign[] = [
  {
    tab: 'Case supervision',
    idPrefix: 'CS',
    strata: [
      stratum(36, 'Community', 'Yes', 'PO', 'Medium'),
      stratum(12, 'Community', 'Yes', 'PSO', 'Medium'),
      stratum(1, 'Community', 'No', 'PO', 'Low'),
      stratum(13, 'Community', 'No', 'PSO', 'Low'),
      stratum(23, 'Licence', 'Yes', 'PO', 'Medium'),
      stratum(8, 'Licence', 'Yes', 'PSO', 'Medium'),
      stratum(7, 'Licence', 'No', 'PSO', 'Low'),
    ],
    spread: [{ header: GENDER_HEADER, value: 'Female', count: 21, otherwise: 'Male' }],
    inspectors: 6,
  },
  {
    tab: 'Unpaid work',
    idPrefix: 'UW',
    strata: [
      stratum(2, 'Community', 'Yes', 'PO', 'High'),
      stratum(9, 'Community', 'Yes', 'PO', 'Medium'),
      stratum(8, 'Community', 'Yes', 'PSO', 'Medium'),
      stratum(2, 'Community', 'No', 'PO', 'Low'),
      stratum(14, 'Community', 'No', 'PSO', 'Low'),
    ],
    spread: [{ header: GENDER_HEADER, value: 'Female', count: 5, otherwise: 'Male' }],
    inspectors: 3,
  },
  {
    tab: 'Through the Gate',
    idPrefix: 'TG',
    strata: [
      stratum(5, 'Licence', 'Yes', 'PO', 'Medium'),
      stratum(3, 'Licence', 'Yes', 'PSO', 'Medium'),
      stratum(1, 'Licence', 'No', 'PO', 'Low'),
      stratum(5, 'Licence', 'No', 'PSO', 'Low'),
    ],
    spread: [{ header: GENDER_HEADER, value: 'Female', count: 0, otherwise: 'Male' }],
    inspectors: 2,
  },
];

/** Cases reviewing was due for, in the case-supervision sample. */
const REVIEWS_DUE = 81;

/** A number in [0, 1) from a string, the same on every run and platform (FNV-1a, then a 32-bit mix). */
export function unit(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

/** Items in a seeded random order. */
function shuffled<T>(items: readonly T[], seed: string): T[] {
  return items.map((item, index) => ({ item, key: unit(`${seed}#${index}`) })).sort((a, b) => a.key - b.key).map(({ item }) => item);
}

function sampleCases(design: SampleDesign): InspectedCase[] {
  const profiles = shuffled(
    design.strata.flatMap((part) => Array.from({ length: part.count }, () => ({ ...part.metadata }))),
    `${design.tab}/order`,
  );
  for (const spread of design.spread) {
    const chosen = new Set(shuffled(profiles.map((_, index) => index), `${design.tab}/${spread.header}`).slice(0, spread.count));
    profiles.forEach((profile, index) => (profile[spread.header] = chosen.has(index) ? spread.value : spread.otherwise));
  }
  const due = new Set(shuffled(profiles.map((_, index) => index), `${design.tab}/reviews`).slice(0, design.tab === 'Case supervision' ? REVIEWS_DUE : profiles.length));
  return profiles.map((profile, index) => ({
    metadata: {
      'Case ID': `${design.idPrefix}${String(index + 1).padStart(3, '0')}`,
      Inspector: `Inspector ${String.fromCharCode(65 + (index % design.inspectors))}`,
      ...profile,
    },
    answers: {},
    reviewDue: due.has(index),
  }));
}

type Figure = { current?: number; previous?: number; aggregate?: number };

/** A split the report body states: a key question's or prompt's percentage for values of a metadata column. */
export interface Split {
  id: string;
  by: string;
  percent: Record<string, number>;
  source: string;
}
/** A split the report states in words only: one group did better than another. */
export interface Direction {
  id: string;
  by: string;
  higher: string;
  lower: string;
  source: string;
}

/** What the generator reproduces: the report's figures as figures.json holds them. */
export interface ReportFigures {
  samples: Record<string, { cases: number; community?: number; licence?: number; harmFactors?: number }>;
  keyQuestions: Record<string, Figure>;
  prompts: Record<string, Figure>;
  subSampleSplits: Split[];
  subSampleDirections: Direction[];
  caseCounts: Array<{ id: string; no: number; applicable: number; source: string }>;
}

export const REPORT: ReportFigures = figures as unknown as ReportFigures;

/** The published current percentage of a key question or prompt; undefined where there is none. */
export function publishedCurrent(id: string, report: ReportFigures = REPORT): number | undefined {
  return (report.keyQuestions[id] ?? report.prompts[id])?.current;
}

/** Which sub-sample each key question and prompt of the framework answers (R2). */
function subSamples(): Map<string, SubSampleRule | undefined> {
  const map = new Map<string, SubSampleRule | undefined>();
  for (const keyQuestion of keyQuestionsOf(CRC_2018)) {
    map.set(keyQuestion.id, keyQuestion.subSample);
    for (const prompt of keyQuestion.prompts) map.set(prompt.id, prompt.subSample);
  }
  return map;
}

function isInSubSample(subSample: SubSampleRule | undefined, inspected: InspectedCase): boolean {
  return !subSample || inSubSample(subSample, inspected.metadata[subSample.header]) === true;
}

interface Group {
  value?: string;
  members: number[];
  published?: number;
}

interface GroupPlan {
  applicable: number;
  yes: number;
}

/**
 * The applicable and Yes counts of each group that meet every published figure with the fewest
 * N/A answers (and exactly `count` applicable when given). Groups with a published percentage
 * must round to it (R3); the total must round to `total`.
 */
function solveCounts(groups: Group[], total: number, count?: number): GroupPlan[] | undefined {
  const options = groups.map((group) => {
    const list: GroupPlan[] = [];
    for (let applicable = group.members.length; applicable >= 0; applicable -= 1) {
      if (group.published === undefined) list.push({ applicable, yes: -1 });
      else for (let yes = 0; yes <= applicable; yes += 1) if (applicable > 0 && wholePercent(yes, applicable) === group.published) list.push({ applicable, yes });
    }
    return list;
  });
  let best: { missing: number; plan: GroupPlan[] } | undefined;
  const visit = (index: number, chosen: GroupPlan[]) => {
    if (index === groups.length) {
      const applicable = chosen.reduce((sum, plan) => sum + plan.applicable, 0);
      if (applicable === 0 || (count !== undefined && applicable !== count)) return;
      const free = chosen.filter((plan) => plan.yes < 0);
      const fixedYes = chosen.reduce((sum, plan) => sum + Math.max(plan.yes, 0), 0);
      // At most one group has no published figure (the rest of the split); it takes up the difference.
      const freeApplicable = free.reduce((sum, plan) => sum + plan.applicable, 0);
      let freeYes: number | undefined;
      const target = Math.round((applicable * total) / 100) - fixedYes;
      for (const candidate of [target, target - 1, target + 1, target - 2, target + 2]) {
        if (candidate >= 0 && candidate <= freeApplicable && (free.length > 0 || candidate === 0) && wholePercent(fixedYes + candidate, applicable) === total) {
          freeYes = candidate;
          break;
        }
      }
      if (freeYes === undefined) return;
      const missing = groups.reduce((sum, group, at) => sum + group.members.length - chosen[at].applicable, 0);
      if (!best || missing < best.missing) best = { missing, plan: chosen.map((plan) => (plan.yes < 0 ? { applicable: plan.applicable, yes: freeYes as number } : plan)) };
      return;
    }
    for (const option of options[index]) visit(index + 1, [...chosen, option]);
  };
  visit(0, []);
  return best?.plan;
}

/** How far a difference the report states only in words tilts the lower group's cases towards No. */
const BIAS = 0.35;

/** Answers one column of a sample in place and returns its plan, or a sentence saying what cannot be met. */
function answerColumn(sample: CaseSample, id: string, kind: ColumnPlan['kind'], subSample: SubSampleRule | undefined, report: ReportFigures): ColumnPlan | string {
  const { cases, tab } = sample;
  const published = publishedCurrent(id, report);
  const eligible = cases.map((_, index) => index).filter((index) => isInSubSample(subSample, cases[index]));
  cases.forEach((inspected, index) => (inspected.answers[id] = eligible.includes(index) ? '' : 'N/A'));
  if (published === undefined) {
    return { tab, id, kind, yes: 0, applicable: 0, subSample: eligible.length, why: 'the report gives no current figure, so the column is left blank' };
  }
  const rule = APPLICABILITY[id];
  const candidates = rule?.within ? eligible.filter((index) => rule.within!(cases[index])) : eligible;
  const split = report.subSampleSplits.find((candidate) => candidate.id === id);
  const groups: Group[] = split
    ? [
        ...Object.entries(split.percent).map(([value, percent]): Group => ({ value, published: percent, members: candidates.filter((index) => cases[index].metadata[split.by] === value) })),
        { members: candidates.filter((index) => !(cases[index].metadata[split.by] in split.percent)) } as Group,
      ].filter((group) => group.published !== undefined || group.members.length > 0)
    : [{ members: candidates, published }];
  const counts = solveCounts(groups, published, rule?.count);
  if (!counts) {
    const over = rule?.count ?? candidates.length;
    return `${tab} ${id}: ${published}% cannot be met over ${over} applicable case${over === 1 ? '' : 's'}${split ? ` with the ${split.by} split ${JSON.stringify(split.percent)}` : ''}.`;
  }
  const direction = report.subSampleDirections.find((candidate) => candidate.id === id);
  const score = scorer(sample, id, kind);
  groups.forEach((group, at) => {
    const notApplicableFirst = rule?.notApplicableFirst;
    // Columns that share a rule share its N/A cases (the same case has no review due for each).
    const order = shuffled(group.members, `${tab}/${rule?.why ?? id}/na`).sort((a, b) => Number(!!notApplicableFirst?.(cases[b])) - Number(!!notApplicableFirst?.(cases[a])));
    const notApplicable = new Set(order.slice(0, group.members.length - counts[at].applicable));
    const applicable = group.members.filter((index) => !notApplicable.has(index));
    const bias = (index: number) => (direction && cases[index].metadata[direction.by] === direction.lower ? -BIAS : 0);
    const ranked = [...applicable].sort((a, b) => score(b) + bias(b) - (score(a) + bias(a)));
    const yes = new Set(ranked.slice(0, counts[at].yes));
    for (const index of group.members) cases[index].answers[id] = notApplicable.has(index) ? 'N/A' : yes.has(index) ? 'Yes' : 'No';
  });
  for (const index of eligible) if (!candidates.includes(index)) cases[index].answers[id] = 'N/A';
  const applicable = counts.reduce((sum, plan) => sum + plan.applicable, 0);
  const plan: ColumnPlan = { tab, id, kind, published, yes: counts.reduce((sum, group) => sum + group.yes, 0), applicable, subSample: eligible.length };
  if (applicable < eligible.length) plan.why = rule?.why ?? (split ? `fewest N/A that meet the ${split.by} split` : `fewest N/A that reach ${published}% (not reachable over all ${eligible.length})`);
  if (split) {
    plan.split = {
      by: split.by,
      groups: Object.fromEntries(groups.map((group, at) => [group.value ?? 'other', { ...counts[at], ...(group.published === undefined ? {} : { published: group.published }) }])),
    };
  }
  return plan;
}

/**
 * How strongly a case leans to Yes on a column: a prompt follows the case's overall quality and
 * its quality on the standard; a key question follows the share of its prompts answered Yes, as
 * an inspector's summary judgement weighs the prompts.
 */
function scorer(sample: CaseSample, id: string, kind: ColumnPlan['kind']): (index: number) => number {
  const standardId = id.split('.').slice(0, 2).join('.');
  const quality = (index: number) => unit(`${sample.tab}/${index}/quality`);
  const standardQuality = (index: number) => 0.6 * quality(index) + 0.4 * unit(`${sample.tab}/${index}/${standardId}`);
  const noise = (index: number) => unit(`${sample.tab}/${index}/${id}`);
  if (kind === 'prompt') return (index) => 0.6 * standardQuality(index) + 0.4 * noise(index);
  const promptIds = sample.answerIds.filter((answerId) => answerId.startsWith(`${id}(`));
  return (index) => {
    const answered = promptIds.map((promptId) => sample.cases[index].answers[promptId]).filter((answer) => answer === 'Yes' || answer === 'No');
    const share = answered.length > 0 ? answered.filter((answer) => answer === 'Yes').length / answered.length : standardQuality(index);
    return 0.8 * share + 0.2 * noise(index);
  };
}

/** Generates every sample and answers every column; `unmet` lists any figure that cannot be met. */
export function generateInspection(report: ReportFigures = REPORT): GeneratedInspection {
  const kinds = subSamples();
  const plans: ColumnPlan[] = [];
  const unmet: string[] = [];
  const samples = DESIGNS.map((design): CaseSample => {
    const layout = caseTabLayouts(CRC_2018).find((candidate) => candidate.name === design.tab);
    if (!layout) throw new Error(`The framework has no case tab "${design.tab}".`);
    const columns = layout.headers.map((header, index) => readHeader(header, index));
    const sample: CaseSample = {
      tab: design.tab,
      metadataHeaders: layout.metadata.map((column) => column.header),
      answerIds: columns.filter((column) => column.kind !== 'metadata').map((column) => column.id),
      cases: sampleCases(design),
    };
    for (const column of columns) {
      if (column.kind === 'metadata') continue;
      const result = answerColumn(sample, column.id, column.kind, kinds.get(column.id), report);
      if (typeof result === 'string') unmet.push(result);
      else plans.push(result);
    }
    return sample;
  });
  const inspection = { samples, plans, unmet };
  unmet.push(...checkInspection(inspection, report));
  return inspection;
}

/** The case tab as rows: metadata headers and answer ids, then one row per case ("" for blank). */
export function caseRows(sample: CaseSample): string[][] {
  return [
    [...sample.metadataHeaders, ...sample.answerIds],
    ...sample.cases.map((inspected) => [...sample.metadataHeaders.map((header) => inspected.metadata[header] ?? ''), ...sample.answerIds.map((id) => inspected.answers[id] ?? '')]),
  ];
}

function tally(cases: InspectedCase[], id: string): { yes: number; applicable: number } {
  const yes = cases.filter((inspected) => inspected.answers[id] === 'Yes').length;
  return { yes, applicable: yes + cases.filter((inspected) => inspected.answers[id] === 'No').length };
}

/** Recounts the answers against the report: figures, splits, directions, counts and sample sizes. */
export function checkInspection(inspection: Pick<GeneratedInspection, 'samples'>, report: ReportFigures = REPORT): string[] {
  const problems: string[] = [];
  const byTab = new Map(inspection.samples.map((sample) => [sample.tab, sample]));
  for (const sample of inspection.samples) {
    for (const id of sample.answerIds) {
      const published = publishedCurrent(id, report);
      const { yes, applicable } = tally(sample.cases, id);
      if (published === undefined) continue;
      if (applicable === 0 || wholePercent(yes, applicable) !== published) problems.push(`${sample.tab} ${id}: ${yes} of ${applicable} is not the published ${published}%.`);
    }
    const size = report.samples[sample.tab].cases;
    if (sample.cases.length !== size) problems.push(`${sample.tab}: ${sample.cases.length} cases, not the published ${size}.`);
  }
  const supervision = byTab.get('Case supervision');
  if (supervision) {
    const count = (header: string, value: string) => supervision.cases.filter((inspected) => inspected.metadata[header] === value).length;
    const { community, licence, harmFactors } = report.samples['Case supervision'];
    const mix = { community: count(SENTENCE_TYPE_HEADER, 'Community'), licence: count(SENTENCE_TYPE_HEADER, 'Licence'), harmFactors: count(HARM_FACTORS_HEADER, 'Yes') };
    if (mix.community !== community || mix.licence !== licence || mix.harmFactors !== harmFactors) problems.push(`Case supervision: the case mix ${JSON.stringify(mix)} is not the published one.`);
  }
  for (const split of report.subSampleSplits) {
    const sample = inspection.samples.find((candidate) => candidate.answerIds.includes(split.id));
    for (const [value, percent] of Object.entries(split.percent)) {
      const { yes, applicable } = tally(sample?.cases.filter((inspected) => inspected.metadata[split.by] === value) ?? [], split.id);
      if (applicable === 0 || wholePercent(yes, applicable) !== percent) problems.push(`${split.id} for ${split.by} ${value}: ${yes} of ${applicable} is not the published ${percent}% (${split.source}).`);
    }
  }
  for (const direction of report.subSampleDirections) {
    const sample = inspection.samples.find((candidate) => candidate.answerIds.includes(direction.id));
    const share = (value: string) => {
      const { yes, applicable } = tally(sample?.cases.filter((inspected) => inspected.metadata[direction.by] === value) ?? [], direction.id);
      return applicable === 0 ? NaN : yes / applicable;
    };
    if (!(share(direction.higher) > share(direction.lower))) problems.push(`${direction.id}: ${direction.by} ${direction.higher} is not higher than ${direction.lower} (${direction.source}).`);
  }
  for (const expected of report.caseCounts) {
    const sample = inspection.samples.find((candidate) => candidate.answerIds.includes(expected.id));
    const { yes, applicable } = tally(sample?.cases ?? [], expected.id);
    if (applicable !== expected.applicable || applicable - yes !== expected.no) problems.push(`${expected.id}: ${applicable - yes} No of ${applicable}, not ${expected.no} of ${expected.applicable} (${expected.source}).`);
  }
  return problems;
}

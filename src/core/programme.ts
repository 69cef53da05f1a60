import { Band, bandOf, wholePercent } from './bands';
import { applicableCount, CaseTable, findColumn, rowsWhere, shortHeader, tallyColumn } from './caseTable';
import { Framework, KeyQuestion, Standard } from './framework';
import { standardsOf } from './frameworks';
import { countedKeyQuestions } from './standards';
import { changeIsSignificant, DEFAULT_ALPHA, DEFAULT_CONFIDENCE, normalQuantile } from './statistics';

/** docs/programme.md: pooling key questions over several inspections, and how sure each percentage is. */

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * docs/programme.md: Wilson's score interval of yes/applicable: centre (p + z²/2n)/(1 + z²/n), half-width
 * z·√(p(1−p)/n + z²/4n²)/(1 + z²/n), z the two-sided normal quantile for the confidence.
 */
export function wilsonInterval(yes: number, applicable: number, confidence = DEFAULT_CONFIDENCE): Interval {
  requireCount(applicable, 'The number applicable');
  requireCount(yes, 'The number of Yes answers');
  if (applicable === 0) throw new Error('The number applicable is 0: with no applicable case there is no percentage, so no interval.');
  if (yes > applicable) throw new Error(`The number of Yes answers (${yes}) is more than the number applicable (${applicable}).`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`The confidence must be between 0 and 1 (80% is 0.8); got ${confidence}.`);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const n = applicable;
  const p = yes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // The bounds are proportions: clamp away the last bit of floating-point noise at 0 and 1.
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}

function requireCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${what} must be a whole number, 0 or more; got ${value}.`);
}

/** One provider's (one range's, one workbook's) counts of a key question. */
export interface ProviderCount {
  yes: number;
  applicable: number;
  /** R10: whether it differs from all the other providers pooled; undefined when that cannot be tested. */
  significant?: boolean;
}

/** A key question pooled over every provider, with each provider's own counts (docs/programme.md). */
export interface ProgrammeRow {
  standard: Standard;
  keyQuestion: KeyQuestion;
  yes: number;
  applicable: number;
  /** R3, R4: undefined while nothing is applicable. */
  percent?: number;
  band?: Band;
  providers: ProviderCount[];
}

/** A provider's case tables (one range, or every case tab of a workbook) and how messages name it. */
export interface Provider {
  name: string;
  tables: ProviderTable[];
}

/** A case table, and its tab's name where it came from a workbook's tab. */
export interface ProviderTable {
  table: CaseTable;
  tab?: string;
}

/**
 * docs/programme.md: the one framework every provider follows. Providers of different frameworks, or
 * of one framework id with different bands (R4, R9), cannot be pooled, whatever their order. A
 * framework read from a range's own columns (a Framework tab's) is the union over the providers,
 * so a key question one range lacks is that range's error, not dropped from the table.
 */
export function commonFramework(providers: ReadonlyArray<{ name: string; framework: Framework }>): Framework {
  const [first] = providers;
  const other = providers.find((provider) => provider.framework.id !== first.framework.id);
  if (other) {
    throw new Error(
      `${first.name} follows ${first.framework.name} but ${other.name} follows ${other.framework.name}: pool only inspections of one framework.`,
    );
  }
  const bands = (framework: Framework) => `bands ${framework.thresholds.join('/')}${framework.overall.rule === 'scores' ? `, overall ${framework.overall.minimums.join('/')}` : ''}`;
  const differing = providers.find((provider) => bands(provider.framework) !== bands(first.framework));
  if (differing) {
    throw new Error(
      `${first.name} and ${differing.name} both follow ${first.framework.name}, but with ${bands(first.framework)} against ${bands(differing.framework)}: make their "Framework:" headers agree, so the pooled bands do not depend on the order of the ranges.`,
    );
  }
  return providers.slice(1).reduce((union, provider) => (provider.framework === union ? union : unionOf(union, provider.framework)), first.framework);
}

/** Every standard and key question of either framework: the first's in its order, then any the second adds. */
function unionOf(framework: Framework, other: Framework): Framework {
  const domains = framework.domains.map((domain) => ({ ...domain, standards: domain.standards.map((standard) => ({ ...standard, keyQuestions: standard.keyQuestions.slice() })) }));
  for (const otherDomain of other.domains) {
    let domain = domains.find((candidate) => candidate.id === otherDomain.id);
    if (!domain) domains.push((domain = { ...otherDomain, standards: [] }));
    for (const otherStandard of otherDomain.standards) {
      const standard = domain.standards.find((candidate) => candidate.id === otherStandard.id);
      if (!standard) {
        domain.standards.push({ ...otherStandard, keyQuestions: otherStandard.keyQuestions.slice() });
        continue;
      }
      for (const keyQuestion of otherStandard.keyQuestions) {
        if (!standard.keyQuestions.some((candidate) => candidate.id === keyQuestion.id)) standard.keyQuestions.push(keyQuestion);
      }
    }
  }
  return { ...framework, domains };
}

/**
 * R10: a provider against all the others pooled, two-sided z-test at 0.1. Undefined when either
 * side has no applicable case (one provider alone, or a provider with nothing applicable).
 */
export function differsFromRest(provider: { yes: number; applicable: number }, total: { yes: number; applicable: number }, alpha = DEFAULT_ALPHA): boolean | undefined {
  const restYes = total.yes - provider.yes;
  const restApplicable = total.applicable - provider.applicable;
  if (provider.applicable === 0 || restApplicable === 0) return undefined;
  return changeIsSignificant(provider.yes / provider.applicable, provider.applicable, restYes / restApplicable, restApplicable, alpha);
}

/**
 * docs/programme.md: every counted key question (R7) of the case-based standards the providers have
 * columns for, in framework order, with Yes and applicable summed exactly over all providers.
 * A provider without a column another has is an error naming both (R11), and so is an invalid
 * answer, named by provider, row, column and value.
 */
export function poolKeyQuestions(providers: readonly Provider[], framework: Framework): ProgrammeRow[] {
  const present = standardsOf(framework)
    .filter((standard) => standard.kind === 'caseBased')
    .flatMap((standard) => countedKeyQuestions(standard).map((keyQuestion) => ({ standard, keyQuestion })))
    .filter(({ keyQuestion }) => providers.some((provider) => provider.tables.some(({ table }) => findColumn(table, keyQuestion.id))));
  return present.map(({ standard, keyQuestion }) => {
    const counts = providers.map((provider) => countProvider(provider, providers, keyQuestion));
    const yes = counts.reduce((sum, count) => sum + count.yes, 0);
    const applicable = counts.reduce((sum, count) => sum + count.applicable, 0);
    const total = { yes, applicable };
    const percent = applicable > 0 ? wholePercent(yes, applicable) : undefined;
    return {
      standard,
      keyQuestion,
      yes,
      applicable,
      ...(percent === undefined ? {} : { percent, band: bandOf(percent, framework.thresholds) }),
      providers: counts.map((count) => {
        const significant = differsFromRest(count, total);
        return significant === undefined ? count : { ...count, significant };
      }),
    };
  });
}

function countProvider(provider: Provider, providers: readonly Provider[], keyQuestion: KeyQuestion): ProviderCount {
  for (const { table, tab } of provider.tables) {
    const column = findColumn(table, keyQuestion.id);
    if (!column) continue;
    try {
      const tally = tallyColumn(table, column, rowsWhere(table));
      return { yes: tally.yes, applicable: applicableCount(tally) };
    } catch (error) {
      throw new Error(`${provider.name}${tab ? `, tab "${tab}"` : ''}: ${(error as Error).message}`);
    }
  }
  const other = providers.find((candidate) => candidate.tables.some(({ table }) => findColumn(table, keyQuestion.id)))!;
  const header = other.tables.map(({ table }) => findColumn(table, keyQuestion.id)).find(Boolean)!.header;
  throw new Error(
    `${provider.name} has no column for ${keyQuestion.id} ("${shortHeader(header)}"), which ${other.name} has: every range pooled must be the same kind of case tab, with a header starting "${keyQuestion.id} ".`,
  );
}

import { Band, BANDS, bandOf, NOT_RATED, bandScore, bandStep, lowerBoundary, upperBoundary, wholePercent } from './bands';
import { describeWaiting, isNotRated, KeyQuestionResult, StandardRating, StandardResult } from './standards';

/** Whether the ratings panel may move a standard's rating one band one way, and why. */
export interface PanelMove {
  direction: 'raise' | 'lower';
  /** The band the move would give; undefined when the rating is already at that end of the scale. */
  to?: Band;
  allowed: boolean;
  /** Why it is or is not allowed, as a clause: "61% is within 5 points of the 65% boundary". */
  reason: string;
}

/** R6, R7: the two moves a panel could make on a standard's indicative rating. */
export function panelMoves(result: StandardResult): { raise: PanelMove; lower: PanelMove } {
  return { raise: move(result, 'raise'), lower: move(result, 'lower') };
}

function move(result: StandardResult, direction: 'raise' | 'lower'): PanelMove {
  const step = direction === 'raise' ? 1 : -1;
  const to = bandStep(result.rating, step);
  if (!to) {
    return { direction, allowed: false, reason: `${result.rating} is the ${direction === 'raise' ? 'highest' : 'lowest'} band` };
  }
  if (result.qualitative) {
    // R7: the qualitative key question may move the indicative rating one band, no proximity condition.
    return {
      direction,
      to,
      allowed: true,
      reason: `key question ${result.qualitative.id} is judged on qualitative evidence, which may move the indicative rating by one band`,
    };
  }
  return direction === 'raise' ? raise(result, to) : lower(result, to);
}

const NEAR = 5;

/**
 * R6: the key questions at the standard's lowest whole percentage (ties included), each
 * with the standard's band were one of its answers changed by one case.
 */
function oneCaseChanges(result: StandardResult, change: 1 | -1): Array<{ keyQuestion: KeyQuestionResult; percent: number; standardBand: Band }> {
  const lowestPercent = result.lowest.percent;
  return result.keyQuestions
    .filter((keyQuestion) => keyQuestion.percent === lowestPercent)
    .filter((keyQuestion) => (change > 0 ? keyQuestion.yes < keyQuestion.applicable : keyQuestion.yes > 0))
    .map((keyQuestion) => {
      const percent = wholePercent(keyQuestion.yes + change, keyQuestion.applicable);
      // The standard's rating is its lowest band: the changed key question's against every other one's.
      const bands = result.keyQuestions.map((other) => bandScore(other === keyQuestion ? bandOf(percent, result.thresholds) : other.band));
      return { keyQuestion, percent, standardBand: BANDS[Math.min(...bands)] };
    });
}

/** R6: within five points below the upper boundary, or one No turned Yes raises the standard's rating. */
function raise(result: StandardResult, to: Band): PanelMove {
  const lowest = result.lowest;
  const boundary = upperBoundary(result.rating, result.thresholds) as number;
  const gap = boundary - lowest.percent;
  const near = `${lowest.percent}% is ${points(gap)} below the ${boundary}% boundary`;
  if (gap <= NEAR) return { direction: 'raise', to, allowed: true, reason: `${near}, within ${NEAR}` };
  const changes = oneCaseChanges(result, 1);
  const raising = changes.find((change) => bandScore(change.standardBand) > bandScore(result.rating));
  if (raising) {
    return { direction: 'raise', to, allowed: true, reason: `one more Yes on ${raising.keyQuestion.keyQuestion.id} would make it ${raising.percent}% and the standard ${raising.standardBand}` };
  }
  return { direction: 'raise', to, allowed: false, reason: `${near}, more than ${NEAR}, and ${noSingleCase(result, changes, 'more Yes')}` };
}

/** R6: within five points above the lower boundary, or one Yes turned No lowers the standard's rating. */
function lower(result: StandardResult, to: Band): PanelMove {
  const lowest = result.lowest;
  const boundary = lowerBoundary(result.rating, result.thresholds);
  const gap = lowest.percent - boundary;
  const near = `${lowest.percent}% is ${points(gap)} above the ${boundary}% boundary`;
  if (gap <= NEAR) return { direction: 'lower', to, allowed: true, reason: `${near}, within ${NEAR}` };
  const changes = oneCaseChanges(result, -1);
  const lowering = changes.find((change) => bandScore(change.standardBand) < bandScore(result.rating));
  if (lowering) {
    return { direction: 'lower', to, allowed: true, reason: `one Yes fewer on ${lowering.keyQuestion.keyQuestion.id} would make it ${lowering.percent}% and the standard ${lowering.standardBand}` };
  }
  return { direction: 'lower', to, allowed: false, reason: `${near}, more than ${NEAR}, and ${noSingleCase(result, changes, 'Yes fewer')}` };
}

/** Why no one case's answer could move the standard, for a refusal. */
function noSingleCase(result: StandardResult, changes: ReturnType<typeof oneCaseChanges>, what: string): string {
  if (changes.length === 0) return what === 'more Yes' ? 'every applicable case is already Yes' : 'no applicable case is Yes';
  const lowestIds = result.keyQuestions.filter((keyQuestion) => keyQuestion.band === result.rating).map((keyQuestion) => keyQuestion.keyQuestion.id);
  if (what === 'more Yes' && lowestIds.length > 1) {
    return `key questions ${lowestIds.join(', ')} are all ${result.rating}, so one case cannot change the standard's rating`;
  }
  const [first] = changes;
  return `one ${what} on ${first.keyQuestion.keyQuestion.id} would make it only ${first.percent}%`;
}

function points(gap: number): string {
  return gap === 1 ? '1 point' : `${gap} points`;
}

/** The outcome of asking for a panel rating. */
export type PanelDecision = { allowed: true; rating: Band; move?: PanelMove } | { allowed: false; reason: string };

/** R6, R7: a panel rating is the indicative one, or one band away where the move is allowed. */
export function judgePanelRating(result: StandardRating, panelRating: Band): PanelDecision {
  const name = `${result.standard.id} ${result.standard.name}`;
  if (isNotRated(result)) {
    return { allowed: false, reason: `${name} is ${NOT_RATED} yet, so the panel cannot rate it: ${describeWaiting(result.waiting)}.` };
  }
  const steps = bandScore(panelRating) - bandScore(result.rating);
  if (steps === 0) return { allowed: true, rating: panelRating };
  if (Math.abs(steps) > 1) {
    return {
      allowed: false,
      reason: `The panel may move ${name} by one band only: its indicative rating is ${result.rating}, so ${panelRating} is ${Math.abs(steps)} bands away.`,
    };
  }
  const wanted = panelMoves(result)[steps > 0 ? 'raise' : 'lower'];
  if (!wanted.allowed) {
    return {
      allowed: false,
      reason: `The panel may not ${wanted.direction} ${name} from ${result.rating} to ${panelRating}: ${describeLowest(result.lowest)}; ${wanted.reason}.`,
    };
  }
  return { allowed: true, rating: panelRating, move: wanted };
}

/** "its lowest key question, 2.2.3, is 61% (48 of 79 applicable cases)" */
export function describeLowest(lowest: KeyQuestionResult): string {
  return `its lowest key question, ${lowest.keyQuestion.id}, is ${lowest.percent}% (${lowest.yes} of ${lowest.applicable} applicable cases)`;
}

import { Band, bandOf, bandScore, bandStep, lowerBoundary, upperBoundary, wholePercent } from './bands';
import { KeyQuestionResult, StandardResult } from './standards';

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
  return direction === 'raise' ? raise(result.lowest, to) : lower(result.lowest, to);
}

const NEAR = 5;

/** R6: within five points below the upper boundary, or one No turned Yes changes the band. */
function raise(lowest: KeyQuestionResult, to: Band): PanelMove {
  const boundary = upperBoundary(lowest.band) as number;
  const gap = boundary - lowest.percent;
  const withOneMore = lowest.yes < lowest.applicable ? wholePercent(lowest.yes + 1, lowest.applicable) : undefined;
  const near = `${lowest.percent}% is ${points(gap)} below the ${boundary}% boundary`;
  if (gap <= NEAR) return { direction: 'raise', to, allowed: true, reason: `${near}, within ${NEAR}` };
  if (withOneMore !== undefined && bandScore(bandOf(withOneMore)) > bandScore(lowest.band)) {
    return { direction: 'raise', to, allowed: true, reason: `one more Yes would make it ${withOneMore}%, ${bandOf(withOneMore)}` };
  }
  const oneCase = withOneMore === undefined ? 'every applicable case is already Yes' : `one more Yes would make it only ${withOneMore}%`;
  return { direction: 'raise', to, allowed: false, reason: `${near}, more than ${NEAR}, and ${oneCase}` };
}

/** R6: within five points above the lower boundary, or one Yes turned No changes the band. */
function lower(lowest: KeyQuestionResult, to: Band): PanelMove {
  const boundary = lowerBoundary(lowest.band);
  const gap = lowest.percent - boundary;
  const withOneLess = lowest.yes > 0 ? wholePercent(lowest.yes - 1, lowest.applicable) : undefined;
  const near = `${lowest.percent}% is ${points(gap)} above the ${boundary}% boundary`;
  if (gap <= NEAR) return { direction: 'lower', to, allowed: true, reason: `${near}, within ${NEAR}` };
  if (withOneLess !== undefined && bandScore(bandOf(withOneLess)) < bandScore(lowest.band)) {
    return { direction: 'lower', to, allowed: true, reason: `one Yes fewer would make it ${withOneLess}%, ${bandOf(withOneLess)}` };
  }
  const oneCase = withOneLess === undefined ? 'no applicable case is Yes' : `one Yes fewer would make it only ${withOneLess}%`;
  return { direction: 'lower', to, allowed: false, reason: `${near}, more than ${NEAR}, and ${oneCase}` };
}

function points(gap: number): string {
  return gap === 1 ? '1 point' : `${gap} points`;
}

/** The outcome of asking for a panel rating. */
export type PanelDecision = { allowed: true; rating: Band; move?: PanelMove } | { allowed: false; reason: string };

/** R6, R7: a panel rating is the indicative one, or one band away where the move is allowed. */
export function judgePanelRating(result: StandardResult, panelRating: Band): PanelDecision {
  const steps = bandScore(panelRating) - bandScore(result.rating);
  if (steps === 0) return { allowed: true, rating: panelRating };
  const name = `${result.standard.id} ${result.standard.name}`;
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

import { describeLowest, panelMoves, PanelMove } from './panel';
import { NOT_RATED } from './bands';
import { describeWaiting, isNotRated, StandardRating } from './standards';

/** docs/functions.md RATING_EXPLAIN, in one sentence: the lowest key question, its counts, the band, and the panel's options. */
export function explainStandard(result: StandardRating): string {
  if (isNotRated(result)) {
    return `${result.standard.id} ${result.standard.name} is ${NOT_RATED} yet: ${describeWaiting(result.waiting)}, so the panel cannot move it.`;
  }
  const { standard, rating } = result;
  const indicative = result.qualitative ? 'indicatively ' : '';
  const lowest = describeLowest(result.lowest).replace('its lowest key question', result.qualitative ? 'its lowest counted key question' : 'its lowest key question');
  return `${standard.id} ${standard.name} is ${indicative}${rating}: ${lowest}; ${panelOptions(panelMoves(result))}.`;
}

function panelOptions({ raise, lower }: { raise: PanelMove; lower: PanelMove }): string {
  if (raise.allowed && lower.allowed) return `the panel may ${clause(raise)} or ${clause(lower)}`;
  if (raise.allowed) return `the panel may ${clause(raise)} but not ${clause(lower)}`;
  if (lower.allowed) return `the panel may ${clause(lower)} but not ${clause(raise)}`;
  return `the panel may not ${clause(raise)} or ${clause(lower)}`;
}

/** "raise it to Good (61% is 4 points below the 65% boundary, within 5)" */
function clause(move: PanelMove): string {
  return move.allowed ? `${move.direction} it to ${move.to} (${move.reason})` : `${move.direction} it (${move.reason})`;
}

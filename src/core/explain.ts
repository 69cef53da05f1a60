import { describeLowest, panelMoves, PanelMove } from './panel';
import { StandardResult } from './standards';

/** SPEC §4 RATING_EXPLAIN: the lowest key question, its counts, the band, and the panel's options. */
export function explainStandard(result: StandardResult): string {
  const { standard, rating } = result;
  const indicative = result.qualitative ? 'indicatively ' : '';
  const lowest = describeLowest(result.lowest).replace('its lowest key question', result.qualitative ? 'its lowest counted key question' : 'its lowest key question');
  const moves = panelMoves(result);
  return `${standard.id} ${standard.name} is ${indicative}${rating}: ${lowest}. ${sentenceFor(moves.raise)} ${sentenceFor(moves.lower)}`;
}

function sentenceFor(move: PanelMove): string {
  if (move.allowed) return `The panel may ${move.direction} it to ${move.to} (${move.reason}).`;
  if (!move.to) return `It cannot be ${move.direction}d (${move.reason}).`;
  return `The panel may not ${move.direction} it (${move.reason}).`;
}

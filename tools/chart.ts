/**
 * docs/user-guide.md's chart, key-question percentages against the band boundaries, drawn as an SVG string
 * by Vega-Lite (compiled to Vega, rendered headless in Node): inlined in the ratings page and the
 * preview, so neither needs a script or a network.
 */
import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';
import { BANDS, lowerBoundary } from '../src/core/bands';
import { BAND_COLOURS } from '../src/addon/formats';
import { RatingsReport } from '../src/core/report';
import { ChartImage } from '../src/report/document';

/** R4: the whole percentages at which Requires improvement, Good and Outstanding start, by the report's framework (50, 65, 80 unless it sets its own). */
export function boundaries(report: RatingsReport): number[] {
  return BANDS.slice(1).map((band) => lowerBoundary(band, report.framework.thresholds));
}

/** What a key question in error shows as, in place of its band: its bar is drawn, greyed, never dropped. */
export const ERROR_BAR = 'Error (see the data problems)';

/** The bars: every counted key question with a percentage, and every one in error (at 0, greyed), in framework order. */
export function chartBars(report: RatingsReport): Array<{ id: string; percent: number; band: string; label: string }> {
  return report.standards.flatMap((figure) =>
    figure.keyQuestions.flatMap((keyQuestion) => {
      if (keyQuestion.error) return [{ id: keyQuestion.id, percent: 0, band: ERROR_BAR, label: `${keyQuestion.id}: error, ${keyQuestion.error}` }];
      return keyQuestion.percent === null || keyQuestion.band === null ? [] : [{ id: keyQuestion.id, percent: keyQuestion.percent, band: keyQuestion.band, label: `${keyQuestion.id}: ${keyQuestion.percent}%, ${keyQuestion.band}` }];
    }),
  );
}

export function chartSpec(report: RatingsReport): TopLevelSpec {
  const bars = chartBars(report);
  const lines = boundaries(report);
  const errors = bars.some((bar) => bar.band === ERROR_BAR);
  const colours = BANDS.map((band) => BAND_COLOURS[band].background);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `Key-question percentages against the band boundaries at ${lines.join(', ')}%`,
    width: { step: 26 },
    height: 240,
    background: 'white',
    config: { font: 'Arial, sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 } },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', stroke: '#3c4043', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'id', type: 'nominal', sort: null, title: 'Key question', axis: { labelAngle: -90 } },
          y: { field: 'percent', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Yes, % of applicable cases' },
          color: {
            field: 'band',
            type: 'nominal',
            scale: errors ? { domain: [...BANDS, ERROR_BAR], range: [...colours, '#9aa0a6'] } : { domain: [...BANDS], range: colours },
            // labelLimit 0: no band name is ever cut short ("Requires improvement" in full).
            legend: { title: 'Band', orient: 'bottom', direction: 'vertical', columns: 2, labelLimit: 0 },
          },
          description: { field: 'label', type: 'nominal' },
        },
      },
      {
        data: { values: bars.filter((bar) => bar.band === ERROR_BAR) },
        mark: { type: 'text', angle: -90, align: 'left', dx: 4, color: '#a50e0e', fontWeight: 'bold' },
        encoding: { x: { field: 'id', type: 'nominal', sort: null }, y: { datum: 0 }, text: { value: 'error' } },
      },
      {
        data: { values: lines.map((boundary) => ({ boundary, label: `${boundary}% boundary` })) },
        mark: { type: 'rule', strokeDash: [5, 3], color: '#3c4043' },
        encoding: { y: { field: 'boundary', type: 'quantitative' }, description: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/** The chart as an SVG element (a string), or a sentence while no key question has a percentage. */
export async function keyQuestionChart(report: RatingsReport): Promise<string> {
  if (chartBars(report).length === 0) return '<p>No key question has a Yes or No answer yet, so there is nothing to chart.</p>';
  const view = new vega.View(vega.parse(compile(chartSpec(report)).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** The chart as a PNG (for the Word report): the same SVG, rasterised by resvg at twice its size for print. */
export async function keyQuestionChartPng(report: RatingsReport): Promise<ChartImage | undefined> {
  if (chartBars(report).length === 0) return undefined;
  const svg = await keyQuestionChart(report);
  const { Resvg } = await import('@resvg/resvg-js');
  const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: 'white' }).render();
  return { png: new Uint8Array(rendered.asPng()), width: rendered.width / 2, height: rendered.height / 2 };
}

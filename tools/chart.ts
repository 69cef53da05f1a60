/**
 * docs/user-guide.md's chart, key-question percentages against the band boundaries, drawn as an SVG string
 * by Vega-Lite (compiled to Vega, rendered headless in Node): inlined in the ratings page and the
 * preview, so neither needs a script or a network.
 */
import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';
import { BANDS } from '../src/core/bands';
import { RatingsReport } from '../src/core/report';
import { ChartImage } from '../src/report/document';
import { BAND_COLOURS, chartBars, chartBoundaries, ERROR_BAR, ERROR_COLOUR, NOTHING_TO_CHART } from '../src/report/view';

/** R4: the whole percentages at which Requires improvement, Good and Outstanding start, by the report's framework (50, 65, 80 unless it sets its own). */
export function boundaries(report: RatingsReport): number[] {
  return chartBoundaries(report).map((boundary) => boundary.percent);
}

export function chartSpec(report: RatingsReport): TopLevelSpec {
  const bars = chartBars(report);
  const lines = chartBoundaries(report);
  const errors = bars.some((bar) => bar.band === ERROR_BAR);
  const colours = BANDS.map((band) => BAND_COLOURS[band].background);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `Key-question percentages against the band boundaries at ${boundaries(report).join(', ')}%`,
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
            scale: errors ? { domain: [...BANDS, ERROR_BAR], range: [...colours, ERROR_COLOUR] } : { domain: [...BANDS], range: colours },
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
        data: { values: lines },
        mark: { type: 'rule', strokeDash: [5, 3], color: '#3c4043' },
        encoding: { y: { field: 'percent', type: 'quantitative' }, description: { field: 'label', type: 'nominal' } },
      },
      {
        // Each boundary says which band starts there, beside the plot's right edge.
        data: { values: lines },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 10, color: '#3c4043' },
        encoding: { y: { field: 'percent', type: 'quantitative' }, x: { value: { expr: 'width' } }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}

/** The chart as an SVG element (a string), or a sentence while no key question has a percentage. */
export async function keyQuestionChart(report: RatingsReport): Promise<string> {
  if (chartBars(report).length === 0) return `<p>${NOTHING_TO_CHART}</p>`;
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

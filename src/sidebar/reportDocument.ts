/**
 * The Word report builder as the sidebar loads it on demand (dist/ReportDocument.html, a script
 * fetched by getReportDocumentScript): the same document as `rate --docx`, from the same report
 * model. The chart is drawn on a canvas here: vega and vega-lite would make this script several
 * times larger, so the bars, band colours and boundary lines are drawn directly.
 */
import { Packer } from 'docx';
import { BANDS } from '../core/bands';
import { RatingsReport } from '../core/report';
import { ChartImage, reportDocument, reportFileName, ReportKind } from '../report/document';
import { BAND_COLOURS, chartBars, chartBoundaries, ERROR_BAR, ERROR_COLOUR } from '../report/view';

/** The key-question chart as a PNG, at twice its size for print. */
async function chartImage(report: RatingsReport): Promise<ChartImage | undefined> {
  const data = chartBars(report);
  if (data.length === 0) return undefined;
  const step = 26;
  const plot = { left: 56, top: 12, width: step * data.length, height: 240 };
  // Room on the right for the boundaries' labels ("Requires improvement from 50%").
  const width = plot.left + plot.width + 150;
  const legendRows = Math.ceil((BANDS.length + (data.some((bar) => bar.band === ERROR_BAR) ? 1 : 0)) / 2);
  const height = plot.top + plot.height + 64 + 22 * legendRows + 8;
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  const y = (percent: number) => plot.top + plot.height * (1 - percent / 100);
  context.font = '11px Arial, sans-serif';
  context.fillStyle = '#202124';
  context.strokeStyle = '#dadce0';
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (let tick = 0; tick <= 100; tick += 20) {
    context.beginPath();
    context.moveTo(plot.left, y(tick));
    context.lineTo(plot.left + plot.width, y(tick));
    context.stroke();
    context.fillText(String(tick), plot.left - 4, y(tick));
  }
  data.forEach((bar, index) => {
    const x = plot.left + index * step + 2;
    context.fillStyle = bar.colour;
    context.fillRect(x, y(bar.percent), step - 4, plot.height * (bar.percent / 100));
    context.strokeStyle = '#3c4043';
    context.lineWidth = 0.5;
    context.strokeRect(x, y(bar.percent), step - 4, plot.height * (bar.percent / 100));
    context.save();
    context.translate(x + (step - 4) / 2, plot.top + plot.height + 4);
    context.rotate(-Math.PI / 2);
    context.fillStyle = '#202124';
    context.textAlign = 'right';
    context.fillText(bar.id, 0, 0);
    context.restore();
  });
  context.setLineDash([5, 3]);
  context.strokeStyle = '#3c4043';
  context.lineWidth = 1;
  for (const boundary of chartBoundaries(report)) {
    context.beginPath();
    context.moveTo(plot.left, y(boundary.percent));
    context.lineTo(plot.left + plot.width, y(boundary.percent));
    context.stroke();
  }
  context.setLineDash([]);
  // Each boundary says which band starts there, beside the plot's right edge.
  context.fillStyle = '#3c4043';
  context.font = '10px Arial, sans-serif';
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  for (const boundary of chartBoundaries(report)) context.fillText(boundary.label, plot.left + plot.width + 4, y(boundary.percent));
  context.font = '11px Arial, sans-serif';
  context.textBaseline = 'middle';
  const legend: Array<[string, string]> = [...BANDS.map((band): [string, string] => [band, BAND_COLOURS[band].background]), ...(legendRows * 2 > BANDS.length ? [[ERROR_BAR, ERROR_COLOUR] as [string, string]] : [])];
  context.textAlign = 'left';
  legend.forEach(([label, colour], index) => {
    const x = plot.left + (index % 2) * 170;
    const top = plot.top + plot.height + 64 + Math.floor(index / 2) * 22;
    context.fillStyle = colour;
    context.fillRect(x, top, 14, 14);
    context.strokeRect(x, top, 14, 14);
    context.fillStyle = '#202124';
    context.fillText(label, x + 20, top + 7);
  });
  context.save();
  context.translate(14, plot.top + plot.height / 2);
  context.rotate(-Math.PI / 2);
  context.textAlign = 'center';
  context.font = 'bold 12px Arial, sans-serif';
  context.fillText('Yes, % of applicable cases', 0, 0);
  context.restore();
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('The chart could not be drawn.'))), 'image/png'));
  return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
}

/** Builds the chosen document: the .docx as a Blob and the file name to save it under. */
async function build(report: RatingsReport, kind: ReportKind = 'draft'): Promise<{ blob: Blob; fileName: string }> {
  const chart = await chartImage(report);
  const blob = await Packer.toBlob(reportDocument(report, { generatedOn: new Date(), chart, kind }).document);
  return { blob, fileName: reportFileName(report, kind) };
}

(window as unknown as { InspectionReportDocument: { build: typeof build } }).InspectionReportDocument = { build };

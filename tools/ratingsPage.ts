/**
 * `rate --html PAGE` (docs/commands.md): the printable ratings page, one self-contained HTML file (no
 * scripts, no links out): the ratings table, every key question with its band colour and the
 * Comparison tab's previous and all-providers figures, the panel's judgements with their
 * rationales, the chart against the band boundaries (inline SVG), and the data problems.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BANDS, bandScore } from '../src/core/bands';
import { detailText, KeyQuestionFigure, RatingsReport, StandardFigure } from '../src/core/report';
import {
  BAND_COLOURS,
  CHART_TITLE,
  chartBoundaries,
  comparisonColumns,
  ComparisonColumn,
  comparisonNotes,
  comparisonText,
  detailLines,
  isBand,
  moreProblems,
  notices,
  overallView,
  panelSentences,
  problemList,
  QUALITATIVE,
  ratingDomains,
  SIGNIFICANCE_NOTE,
} from '../src/report/view';
import { keyQuestionChart } from './chart';
import { escapeHtml } from './html';


const bandClass = (band: string | null | undefined) => (isBand(band) ? ` class="band band-${bandScore(band)}"` : '');

const BAND_CSS = BANDS.map((band) => `.band-${bandScore(band)} { background: ${BAND_COLOURS[band].background}; color: ${BAND_COLOURS[band].font}; }`).join('\n');

function ratingCell(rating: string, error?: string): string {
  if (error) return `<td class="error">Error: ${escapeHtml(error)}</td>`;
  return `<td${bandClass(rating)}>${escapeHtml(rating)}</td>`;
}

/** Column widths, so a standard's number is narrow and its name wide. */
const colgroup = (widths: string[]) => `<colgroup>${widths.map((width) => `<col style="width: ${width}">`).join('')}</colgroup>`;

function ratingsTable(report: RatingsReport): string {
  const rows = ratingDomains(report).flatMap((domain) => [
    `<tr class="domain"><th scope="rowgroup" colspan="6">${escapeHtml(domain.heading)}</th></tr>`,
    ...domain.rows.map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.id)}</th><td>${escapeHtml(row.name)}</td>${ratingCell(row.indicative, row.error)}${ratingCell(row.rating, row.error)}<td class="number">${escapeHtml(row.score)}</td><td>${escapeHtml(row.panelMove)}</td></tr>`,
    ),
  ]);
  return `<table class="ratings">
<caption>Ratings</caption>
${colgroup(['10%', '31%', '19%', '19%', '7%', '14%'])}
<thead><tr><th scope="col">Standard</th><th scope="col">Name</th><th scope="col">Indicative rating</th><th scope="col">Rating</th><th scope="col">Score</th><th scope="col">Panel move</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>`;
}

/** The overall rating under its own heading, in its band colour. */
function overallSection(report: RatingsReport): string {
  const overall = overallView(report);
  const body = overall.error
    ? `<p class="error">${escapeHtml(overall.error)}</p>`
    : `<p class="overall"><span${bandClass(overall.band)}>${escapeHtml(overall.rating)}</span> <span class="score">Score ${escapeHtml(overall.score)}</span>${overall.provisional ? ` <span class="note">(${escapeHtml(overall.provisional)})</span>` : ''}</p>`;
  return `<section aria-labelledby="overall-heading"><h2 id="overall-heading">Overall rating</h2>${body}</section>`;
}

function keyQuestionRow(figure: StandardFigure, keyQuestion: KeyQuestionFigure, columns: ComparisonColumn[]): string {
  const counts = keyQuestion.qualitative
    ? `<td colspan="3">${QUALITATIVE}</td>`
    : keyQuestion.error
      ? `<td colspan="3" class="error">Error: ${escapeHtml(keyQuestion.error)}</td>`
      : `<td class="number">${keyQuestion.yes}</td><td class="number">${keyQuestion.applicable}</td><td class="number">${keyQuestion.percent === null ? 'no applicable case' : `${keyQuestion.percent}%`}</td>`;
  const comparisons = columns.map((column) => `<td class="comparison">${escapeHtml(comparisonText(keyQuestion[column.key]))}</td>`).join('');
  return `<tr><td>${escapeHtml(figure.standard.id)}</td><th scope="row">${escapeHtml(keyQuestion.id)}</th><td>${escapeHtml(keyQuestion.text)}</td>${counts}<td${bandClass(keyQuestion.band)}>${escapeHtml(keyQuestion.band ?? '')}</td>${comparisons}</tr>`;
}

function keyQuestionsTable(report: RatingsReport): string {
  const columns = comparisonColumns(report, report.standards.flatMap((figure) => figure.keyQuestions));
  const rows = report.standards.flatMap((figure) => figure.keyQuestions.map((keyQuestion) => keyQuestionRow(figure, keyQuestion, columns)));
  const headers = columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('');
  const widths = ['8%', '8%', columns.length === 2 ? '30%' : columns.length === 1 ? '44%' : '58%', '5%', '9%', '7%', '11%', ...columns.map(() => '14%')];
  const notes = [...comparisonNotes(report), ...(columns.length > 0 ? [SIGNIFICANCE_NOTE] : [])];
  return `<table class="key-questions">
<caption>Key questions</caption>
${colgroup(widths)}
<thead><tr><th scope="col">Standard</th><th scope="col">Key question</th><th scope="col">Question</th><th scope="col">Yes</th><th scope="col">Applicable</th><th scope="col">Percent</th><th scope="col">Band</th>${headers}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>${notes.map((line) => `<p class="note">${escapeHtml(line)}</p>`).join('')}`;
}

/** The inspection's details, labelled, and what the reader must know before the figures. */
function detailsSection(report: RatingsReport): string {
  const details = detailLines(report).map((line) => `<dt>${escapeHtml(line.label)}</dt><dd>${escapeHtml(line.value)}</dd>`);
  return `<dl class="details">${details.join('')}</dl>${notices(report).map((note) => `<p class="notice">${escapeHtml(note)}</p>`).join('')}`;
}

function panelSection(report: RatingsReport): string {
  const items = report.standards
    .filter((figure) => figure.panel)
    .map((figure) => `<li><strong>${escapeHtml(`${figure.standard.id} ${figure.standard.name}`)}</strong><br>${panelSentences(figure).map(escapeHtml).join('<br>')}</li>`);
  return `<section aria-labelledby="panel-heading"><h2 id="panel-heading">Ratings panel</h2>${items.length > 0 ? `<ul>${items.join('\n')}</ul>` : '<p>No panel judgements are recorded.</p>'}</section>`;
}

function problemsSection(report: RatingsReport): string {
  const list = problemList(report.problems, report.problemCount);
  const shown = list.listed;
  const more = moreProblems(list.count, shown.length, 'see the Data quality tab');
  const items = shown.map((problem) => `<li>${escapeHtml(problem.where)}: ${escapeHtml(problem.message)}</li>`);
  return `<section aria-labelledby="problems-heading"><h2 id="problems-heading">${escapeHtml(list.heading)}</h2>${items.length > 0 ? `<ul>${items.join('\n')}</ul>${more ? `<p>${escapeHtml(more)}</p>` : ''}` : '<p>None.</p>'}</section>`;
}

const CSS = `
body { font: 11pt Arial, sans-serif; color: #202124; margin: 24px; max-width: 60em; }
h1 { font-size: 18pt; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }
caption { text-align: left; font-weight: bold; font-size: 13pt; padding: 4px 0; }
th, td { border: 1px solid #bdc1c6; padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: #f1f3f4; }
td.number { text-align: right; white-space: nowrap; }
td.error { color: #a50e0e; }
.note { font-style: italic; margin: 0 0 8px; } .notice { font-weight: bold; }
dl.details { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 0 0 8px; } dl.details dt { font-weight: bold; } dl.details dd { margin: 0; }
table { table-layout: fixed; } td, th { overflow-wrap: break-word; }
td.comparison { text-align: right; }
tr.domain th { background: #f8f9fa; }
p.overall { font-size: 13pt; } p.overall .band { font-weight: bold; padding: 2px 8px; } p.overall .score { margin-left: 12px; }
.key-questions td, .key-questions th { font-size: 9pt; }
figure { margin: 8px 0; } figure svg { max-width: 100%; height: auto; }
${BAND_CSS}
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  tr, li, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  section, figure { break-inside: avoid-page; }
}`;

/** The ratings page as one HTML document, titled from the Inspection tab (never the file's name). */
export async function ratingsPageHtml(report: RatingsReport): Promise<string> {
  const title = detailText(report, 'service');
  const chart = await keyQuestionChart(report);
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title}: ratings`)}</title>
<style>${CSS}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${detailsSection(report)}
${ratingsTable(report)}
${overallSection(report)}
<figure><figcaption><strong>${CHART_TITLE} (${chartBoundaries(report).map((boundary) => boundary.label).join(', ')})</strong></figcaption>${chart}</figure>
${keyQuestionsTable(report)}
${panelSection(report)}
${problemsSection(report)}
</main></body></html>
`;
}

export async function writeRatingsPage(report: RatingsReport, file: string): Promise<void> {
  const html = await ratingsPageHtml(report);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}

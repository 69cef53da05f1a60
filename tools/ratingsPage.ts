/**
 * `rate --html PAGE` (docs/commands.md): the printable ratings page, one self-contained HTML file (no
 * scripts, no links out): the ratings table, every key question with its band colour and the
 * Comparison tab's previous and all-providers figures, the panel's judgements with their
 * rationales, the chart against the band boundaries (inline SVG), and the data problems.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Band, BANDS, bandScore } from '../src/core/bands';
import { BAND_COLOURS } from '../src/addon/formats';
import { boundaries, keyQuestionChart } from './chart';
import { escapeHtml } from './html';
import { ComparisonFigure, KeyQuestionFigure, NOT_RATED, RatingsReport, StandardFigure } from '../src/core/report';

const bandClass = (band: string | null) => (band && (BANDS as readonly string[]).includes(band) ? ` class="band band-${bandScore(band as Band)}"` : '');

const BAND_CSS = BANDS.map((band) => `.band-${bandScore(band)} { background: ${BAND_COLOURS[band].background}; color: ${BAND_COLOURS[band].font}; }`).join('\n');

function ratingCell(rating: string | null, error?: string): string {
  if (error) return `<td class="error">Error: ${escapeHtml(error)}</td>`;
  return `<td${bandClass(rating)}>${escapeHtml(rating ?? '')}</td>`;
}

function ratingsTable(report: RatingsReport): string {
  const rows = report.standards.map((figure) => {
    const score = figure.rating && figure.rating !== NOT_RATED ? String(bandScore(figure.rating)) : '';
    const move = figure.panel?.applied ? `Panel: ${figure.indicative} → ${figure.rating}` : '';
    return `<tr><th scope="row">${escapeHtml(figure.standard.id)}</th><td>${escapeHtml(figure.standard.name)}</td>${ratingCell(figure.indicative)}${ratingCell(figure.rating, figure.error)}<td class="number">${score}</td><td>${escapeHtml(move)}</td></tr>`;
  });
  const { overall } = report;
  const provisional = overall.rated < overall.of ? ` (provisional: ${overall.rated} of ${overall.of} standards rated)` : '';
  const summary = overall.error
    ? `<td colspan="4" class="error">${escapeHtml(overall.error)}</td>`
    : `<td${bandClass(overall.rating)}>${escapeHtml(String(overall.rating))}</td><td class="number">${overall.score === null ? '—' : `${overall.score} / ${overall.outOf}`}</td><td colspan="2">${escapeHtml(provisional)}</td>`;
  return `<table class="ratings">
<caption>Ratings</caption>
<thead><tr><th scope="col">Standard</th><th scope="col">Name</th><th scope="col">Indicative rating</th><th scope="col">Rating</th><th scope="col">Score</th><th scope="col">Panel move</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tfoot><tr><th scope="row" colspan="2">Overall</th>${summary}</tr></tfoot>
</table>`;
}

function comparisonText(figure: ComparisonFigure | undefined): string {
  if (!figure) return '';
  return `${figure.percent}%${figure.n === null ? '' : ` (n ${figure.n})`}`;
}

function keyQuestionRow(figure: StandardFigure, keyQuestion: KeyQuestionFigure): string {
  const counts = keyQuestion.qualitative
    ? '<td colspan="3">Qualitative: judged on evidence, not counted</td>'
    : keyQuestion.error
      ? `<td colspan="3" class="error">${escapeHtml(keyQuestion.error)}</td>`
      : `<td class="number">${keyQuestion.yes}</td><td class="number">${keyQuestion.applicable}</td><td class="number">${keyQuestion.percent === null ? 'no Yes/No yet' : `${keyQuestion.percent}%`}</td>`;
  return `<tr><td>${escapeHtml(figure.standard.id)}</td><th scope="row">${escapeHtml(keyQuestion.id)}</th><td>${escapeHtml(keyQuestion.text)}</td>${counts}<td${bandClass(keyQuestion.band)}>${escapeHtml(keyQuestion.band ?? '')}</td><td class="number">${comparisonText(keyQuestion.previous)}</td><td class="number">${comparisonText(keyQuestion.aggregate)}</td></tr>`;
}

function keyQuestionsTable(report: RatingsReport): string {
  const rows = report.standards.flatMap((figure) => figure.keyQuestions.map((keyQuestion) => keyQuestionRow(figure, keyQuestion)));
  return `<table class="key-questions">
<caption>Key questions</caption>
<thead><tr><th scope="col">Standard</th><th scope="col">Key question</th><th scope="col">Question</th><th scope="col">Yes</th><th scope="col">Applicable</th><th scope="col">Percent</th><th scope="col">Band</th><th scope="col">Previous inspection</th><th scope="col">All providers</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>`;
}

function panelSection(report: RatingsReport): string {
  const judged = report.standards.filter((figure) => figure.panel);
  const items = judged.map((figure) => {
    const panel = figure.panel!;
    const outcome = panel.applied
      ? `moved from ${figure.indicative} to ${figure.rating}${panel.reason ? ` (${panel.reason})` : ''}`
      : panel.rating === figure.indicative
        ? `confirmed ${panel.rating}`
        : `${panel.rating} asked, not applied: ${panel.reason}`;
    return `<li><strong>${escapeHtml(`${figure.standard.id} ${figure.standard.name}`)}</strong>: ${escapeHtml(outcome)}.<br>Rationale: ${escapeHtml(panel.rationale || '(none)')}</li>`;
  });
  return `<section aria-labelledby="panel-heading"><h2 id="panel-heading">Ratings panel</h2>${items.length > 0 ? `<ul>${items.join('\n')}</ul>` : '<p>No panel judgements are recorded.</p>'}</section>`;
}

function problemsSection(report: RatingsReport): string {
  const shown = report.problems.slice(0, 200);
  const more = report.problems.length > shown.length ? `<p>… and ${report.problems.length - shown.length} more: see the Data quality tab.</p>` : '';
  const items = shown.map((problem) => `<li>${escapeHtml(`${problem.tab}!${problem.cell}`)}: ${escapeHtml(problem.message)}</li>`);
  return `<section aria-labelledby="problems-heading"><h2 id="problems-heading">Data problems (${report.problems.length})</h2>${items.length > 0 ? `<ul>${items.join('\n')}</ul>${more}` : '<p>None.</p>'}</section>`;
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

/** The ratings page as one HTML document. */
export async function ratingsPageHtml(report: RatingsReport, title: string): Promise<string> {
  const chart = await keyQuestionChart(report);
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title}: ratings`)}</title>
<style>${CSS}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(report.framework.name)}</p>
${ratingsTable(report)}
<figure><figcaption><strong>Key-question percentages against the band boundaries (${boundaries(report).join(', ')}%)</strong></figcaption>${chart}</figure>
${keyQuestionsTable(report)}
${panelSection(report)}
${problemsSection(report)}
</main></body></html>
`;
}

export async function writeRatingsPage(report: RatingsReport, file: string, title: string): Promise<void> {
  const html = await ratingsPageHtml(report, title);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}

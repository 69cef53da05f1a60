/**
 * `rate --html PAGE` (docs/commands.md): the printable ratings page, one self-contained HTML file (no
 * scripts, no links out): the ratings table, every key question with its band colour and the
 * Comparison tab's previous and all-providers figures, the panel's judgements with their
 * rationales, the chart against the band boundaries (inline SVG), and the data problems.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Band, BANDS, bandScore } from '../src/core/bands';
import { andMore, capList } from '../src/core/lists';
import { BAND_COLOURS } from '../src/addon/formats';
import { boundaries, keyQuestionChart } from './chart';
import { escapeHtml } from './html';
import { ComparisonFigure, detailText, KeyQuestionFigure, NOT_RATED, RatingsReport, StandardFigure } from '../src/core/report';

const bandClass = (band: string | null) => (band && (BANDS as readonly string[]).includes(band) ? ` class="band band-${bandScore(band as Band)}"` : '');

const BAND_CSS = BANDS.map((band) => `.band-${bandScore(band)} { background: ${BAND_COLOURS[band].background}; color: ${BAND_COLOURS[band].font}; }`).join('\n');

function ratingCell(rating: string | null, error?: string): string {
  if (error) return `<td class="error">Error: ${escapeHtml(error)}</td>`;
  return `<td${bandClass(rating)}>${escapeHtml(rating ?? '')}</td>`;
}

function ratingsTable(report: RatingsReport): string {
  const rows = report.standards.map((figure) => {
    const rated = figure.rating && figure.rating !== NOT_RATED ? String(bandScore(figure.rating)) : '';
    const score = figure.standard.counts ? rated : `${rated} (does not count)`.trim();
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
  return `${figure.percent}%${figure.n === null ? '' : ` (n ${figure.n})`}${figure.significant ? ', significant change' : ''}`;
}

/** Which comparison columns the Comparison tab fills: an empty one is left out and said so under the table. */
function shownComparisons(report: RatingsReport): { previous: boolean; aggregate: boolean } {
  const keyQuestions = report.standards.flatMap((figure) => figure.keyQuestions);
  return { previous: keyQuestions.some((keyQuestion) => keyQuestion.previous), aggregate: keyQuestions.some((keyQuestion) => keyQuestion.aggregate) };
}

function keyQuestionRow(figure: StandardFigure, keyQuestion: KeyQuestionFigure, shown: { previous: boolean; aggregate: boolean }): string {
  const counts = keyQuestion.qualitative
    ? '<td colspan="3">Qualitative: judged on evidence, not counted</td>'
    : keyQuestion.error
      ? `<td colspan="3" class="error">Error: ${escapeHtml(keyQuestion.error)}</td>`
      : `<td class="number">${keyQuestion.yes}</td><td class="number">${keyQuestion.applicable}</td><td class="number">${keyQuestion.percent === null ? 'no Yes/No yet' : `${keyQuestion.percent}%`}</td>`;
  const comparisons = `${shown.previous ? `<td class="number">${comparisonText(keyQuestion.previous)}</td>` : ''}${shown.aggregate ? `<td class="number">${comparisonText(keyQuestion.aggregate)}</td>` : ''}`;
  return `<tr><td>${escapeHtml(figure.standard.id)}</td><th scope="row">${escapeHtml(keyQuestion.id)}</th><td>${escapeHtml(keyQuestion.text)}</td>${counts}<td${bandClass(keyQuestion.band)}>${escapeHtml(keyQuestion.band ?? '')}</td>${comparisons}</tr>`;
}

function keyQuestionsTable(report: RatingsReport): string {
  const shown = shownComparisons(report);
  const rows = report.standards.flatMap((figure) => figure.keyQuestions.map((keyQuestion) => keyQuestionRow(figure, keyQuestion, shown)));
  const columns = `${shown.previous ? `<th scope="col">${escapeHtml(detailText(report, 'previousLabel'))}</th>` : ''}${shown.aggregate ? `<th scope="col">${escapeHtml(detailText(report, 'comparisonLabel'))}</th>` : ''}`;
  const missing = [
    ...(shown.previous ? [] : [`${detailText(report, 'previousLabel')}: no figures on the Comparison tab, so the column is left out.`]),
    ...(shown.aggregate ? [] : [`${detailText(report, 'comparisonLabel')}: no figures on the Comparison tab, so the column is left out.`]),
  ];
  return `<table class="key-questions">
<caption>Key questions</caption>
<thead><tr><th scope="col">Standard</th><th scope="col">Key question</th><th scope="col">Question</th><th scope="col">Yes</th><th scope="col">Applicable</th><th scope="col">Percent</th><th scope="col">Band</th>${columns}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>${missing.map((line) => `<p class="note">${escapeHtml(line)}</p>`).join('')}`;
}

/** The inspection's details, and what the reader must know before the figures: provisional wording, standards that do not count. */
function detailsSection(report: RatingsReport): string {
  const details = (['inspection', 'fieldwork', 'leadInspector', 'reportDate'] as const).map((key) => `<li>${escapeHtml(detailText(report, key))}</li>`);
  const notes = [
    ...(report.framework.source.wording === 'provisional' ? [`Provisional wording: ${report.framework.source.note}`] : []),
    ...report.framework.domains.flatMap((domain) => domain.standards).filter((standard) => !standard.counts).map((standard) => `Standard ${standard.id} ${standard.name} is rated but does not count towards the overall score.`),
  ];
  return `<ul class="details">${details.join('')}</ul><p>${escapeHtml(report.framework.name)}</p>${notes.map((note) => `<p class="notice">${escapeHtml(note)}</p>`).join('')}`;
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
  const shown = capList(report.problems, report.problemCount - report.problems.length);
  const more = shown.more > 0 ? `<p>… ${andMore(shown.more)}: see the Data quality tab.</p>` : '';
  const items = shown.listed.map((problem) => `<li>${escapeHtml(`${problem.tab}!${problem.cell}`)}: ${escapeHtml(problem.message)}</li>`);
  return `<section aria-labelledby="problems-heading"><h2 id="problems-heading">Data problems (${(shown.listed.length + shown.more).toLocaleString('en-GB')})</h2>${items.length > 0 ? `<ul>${items.join('\n')}</ul>${more}` : '<p>None.</p>'}</section>`;
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
ul.details { list-style: none; padding: 0; margin: 0 0 8px; }
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
<figure><figcaption><strong>Key-question percentages against the band boundaries (${boundaries(report).join(', ')}%)</strong></figcaption>${chart}</figure>
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

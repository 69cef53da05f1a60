/**
 * docs/report.md: the inspection report as an editable Word document, in the order a report reads —
 * title page, ratings table, the key-question chart, a chapter per standard (its key questions,
 * the panel's judgement, Strengths and Areas for improvement pre-filled from the evidence notes),
 * the prompts and sub-samples annex, and the data problems last. Built from the report model
 * alone, so the command line and the sidebar make the same document.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { BAND_COLOURS } from '../addon/formats';
import { Band, BANDS, bandScore } from '../core/bands';
import { andMore, capList } from '../core/lists';
import { ComparisonFigure, detailText, EvidenceNote, KeyQuestionFigure, PromptFigure, RatingsReport, signOffLine, StandardFigure } from '../core/report';

/** The chart as a PNG, drawn by whoever builds the document (resvg offline, a canvas in the sidebar). */
export interface ChartImage {
  png: Uint8Array;
  /** Pixels; the image is placed at this size scaled to the page width. */
  width: number;
  height: number;
}

export interface ReportDocumentOptions {
  /** When the draft was made: said on the title page. */
  generatedOn: Date;
  chart?: ChartImage;
}

/** How many data problems the document lists; the Data quality tab has them all. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "5 December 2026", the way the example report writes dates (UTC, so a test's date does not drift). */
export function longDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

const isBand = (rating: string | null): rating is Band => rating !== null && (BANDS as readonly string[]).includes(rating);

const text = (value: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) => new TextRun({ text: value, ...options });

function paragraph(value: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [text(value, options)] });
}

function heading(value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: level, pageBreakBefore, children: [text(value)] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BDC1C6' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(value: string, options: { band?: Band; bold?: boolean; span?: number; header?: boolean } = {}): TableCell {
  const colours = options.band ? BAND_COLOURS[options.band] : undefined;
  const fill = colours ? colours.background.slice(1) : options.header ? 'F1F3F4' : undefined;
  return new TableCell({
    borders: BORDERS,
    columnSpan: options.span,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: [new Paragraph({ children: [text(value, { bold: options.bold || options.header, color: colours?.font.slice(1) })] })],
  });
}

/** A4's text width in twentieths of a point, shared out among a table's columns. */
const TEXT_WIDTH = 9000;

/** Column widths with the first (the question's wording) given `first` of the width and the rest shared equally. */
function widths(columns: number, first: number): number[] {
  const rest = Math.round((TEXT_WIDTH * (1 - first)) / (columns - 1));
  return [TEXT_WIDTH - rest * (columns - 1), ...Array<number>(columns - 1).fill(rest)];
}

/** A table whose first row is its header row, repeated at the top of each page it runs onto. */
function table(header: string[], rows: TableCell[][], firstColumnShare?: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(firstColumnShare ? { columnWidths: widths(header.length, firstColumnShare) } : {}),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((title) => cell(title, { header: true })) }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
    ],
  });
}

const ratingText = (rating: string | null) => rating ?? 'Error';

function ratingCell(rating: string | null): TableCell {
  return cell(ratingText(rating), isBand(rating) ? { band: rating, bold: true } : {});
}

function titlePage(report: RatingsReport, options: ReportDocumentOptions): Paragraph[] {
  const { framework } = report;
  const notCounted = framework.domains.flatMap((domain) => domain.standards).filter((standard) => !standard.counts);
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(detailText(report, 'service'))] }),
    paragraph(detailText(report, 'inspection'), { bold: true }),
    paragraph(framework.name),
    paragraph(`Fieldwork: ${detailText(report, 'fieldwork')}`),
    paragraph(`Lead inspector: ${detailText(report, 'leadInspector')}`),
    paragraph(`Report date: ${detailText(report, 'reportDate')}`),
    paragraph(`Draft generated on ${longDate(options.generatedOn)} by Inspection Ratings from the inspection workbook. Every figure is the workbook's; the narrative is the inspectors' to write.`, { italics: true }),
    ...(framework.source.wording === 'provisional' ? [paragraph(`Provisional wording: ${framework.source.note}`, { bold: true })] : []),
    ...notCounted.map((standard) => paragraph(`Standard ${standard.id} ${standard.name} is rated but does not count towards the overall score.`, { bold: true })),
  ];
}

function panelNote(figure: StandardFigure): string {
  return figure.panel?.applied ? `Panel: ${figure.indicative} → ${figure.rating}` : '';
}

function ratingsTable(report: RatingsReport): Table {
  const byStandard = new Map(report.standards.map((figure) => [figure.standard.id, figure]));
  const rows = report.framework.domains.flatMap((domain) => [
    [cell(`${domain.id}. ${domain.name}`, { bold: true, span: 5 })],
    ...domain.standards.map((standard) => {
      const figure = byStandard.get(standard.id)!;
      const score = isBand(figure.rating) ? String(bandScore(figure.rating)) : '';
      return [cell(standard.id), cell(standard.name), ratingCell(figure.rating), cell(standard.counts ? score : `${score} (does not count)`.trim()), cell(panelNote(figure))];
    }),
  ]);
  const { overall } = report;
  const score = overall.score === null ? 'no score yet' : `${overall.score}/${overall.outOf}`;
  const provisional = overall.rated < overall.of ? ` (provisional: ${overall.rated} of ${overall.of} standards rated)` : '';
  const overallRow = overall.error ? [cell('Overall', { bold: true, span: 2 }), cell(overall.error, { span: 3 })] : [cell('Overall', { bold: true, span: 2 }), ratingCell(overall.rating), cell(score, { bold: true }), cell(provisional)];
  return table(['Standard', 'Name', 'Rating', 'Score', 'Panel move'], [...rows, overallRow]);
}

/** Which comparison columns any key question or prompt fills: an empty column is left out, and said so. */
function comparisonColumns(report: RatingsReport): { previous: boolean; aggregate: boolean } {
  const questions = report.standards.flatMap((figure) => figure.keyQuestions.flatMap((keyQuestion): Array<KeyQuestionFigure | PromptFigure> => [keyQuestion, ...keyQuestion.prompts]));
  return { previous: questions.some((question) => question.previous), aggregate: questions.some((question) => question.aggregate) };
}

function comparisonText(figure: ComparisonFigure | undefined): string {
  if (!figure) return '—';
  return `${figure.percent}%${figure.significant === true ? ' (significant change)' : ''}`;
}

function figureText(question: { yes: number | null; applicable: number | null; percent: number | null; error?: string }): string {
  if (question.error) return `Error: ${question.error}`;
  if (question.percent === null) return question.applicable === 0 ? 'no Yes/No yet' : '—';
  return `${question.percent}% (${question.yes}/${question.applicable})`;
}

function keyQuestionTable(report: RatingsReport, figure: StandardFigure): Table {
  const shown = comparisonColumns(report);
  const header = ['Key question', 'This inspection', '80% interval', ...(shown.previous ? [detailText(report, 'previousLabel')] : []), ...(shown.aggregate ? [detailText(report, 'comparisonLabel')] : [])];
  const rows = figure.keyQuestions.map((keyQuestion) => {
    const question = cell(`${keyQuestion.id} ${keyQuestion.text}`);
    if (keyQuestion.qualitative) return [question, cell('Qualitative: judged on evidence, not counted', { span: header.length - 1 })];
    const interval = keyQuestion.interval ? `${keyQuestion.interval.lower}–${keyQuestion.interval.upper}%` : '—';
    return [
      question,
      cell(figureText(keyQuestion), isBand(keyQuestion.band) ? { band: keyQuestion.band } : {}),
      cell(interval),
      ...(shown.previous ? [cell(comparisonText(keyQuestion.previous))] : []),
      ...(shown.aggregate ? [cell(comparisonText(keyQuestion.aggregate))] : []),
    ];
  });
  return table(header, rows, 0.4);
}

function comparisonNote(report: RatingsReport): Paragraph[] {
  const shown = comparisonColumns(report);
  const missing = [
    ...(shown.previous ? [] : [`${detailText(report, 'previousLabel')} column: no figures on the Comparison tab, so it is left out.`]),
    ...(shown.aggregate ? [] : [`${detailText(report, 'comparisonLabel')} column: no figures on the Comparison tab, so it is left out.`]),
  ];
  const significance = shown.previous || shown.aggregate ? ['"Significant change": this inspection differs from that figure at the 10% level, two-sided (R10).'] : [];
  return [...missing, ...significance].map((line) => paragraph(line, { italics: true }));
}

function judgementParagraphs(figure: StandardFigure): Paragraph[] {
  const lines: Paragraph[] = [];
  if (figure.error) lines.push(paragraph(`Error: ${figure.error}`, { bold: true }));
  if (figure.standard.kind === 'leadJudgement') {
    lines.push(paragraph(`Rating: ${ratingText(figure.rating)} (the lead inspector's judgement).`, { bold: true }));
    if (figure.evidence) lines.push(paragraph(`Evidence: ${figure.evidence}`));
    return lines;
  }
  lines.push(paragraph(`Rating: ${ratingText(figure.rating)}${figure.indicative && figure.indicative !== figure.rating ? ` (indicative rating ${figure.indicative})` : ''}.`, { bold: true }));
  if (figure.explanation) lines.push(paragraph(figure.explanation));
  const panel = figure.panel;
  if (panel) {
    const outcome = panel.applied
      ? `The ratings panel moved the rating from ${figure.indicative} to ${figure.rating}${panel.reason ? ` (${panel.reason})` : ''}.`
      : panel.rating === figure.indicative
        ? `The ratings panel confirmed ${panel.rating}.`
        : `The ratings panel asked for ${panel.rating}; not applied: ${panel.reason}`;
    lines.push(paragraph(outcome), paragraph(`Rationale: ${panel.rationale || '(none given)'}`));
  }
  if (figure.standard.counts === false) lines.push(paragraph(`This standard does not count towards the overall score.`, { italics: true }));
  return lines;
}

function noteParagraphs(figure: StandardFigure, pick: (keyQuestion: KeyQuestionFigure) => EvidenceNote[], notListed = 0): Paragraph[] {
  const notes = capList(figure.keyQuestions.flatMap((keyQuestion) => pick(keyQuestion).map((note) => ({ keyQuestion, note }))), notListed);
  return [
    ...notes.listed.map(({ keyQuestion, note }) => new Paragraph({ bullet: { level: 0 }, children: [text(`${keyQuestion.id}, case ${note.caseId}: `, { bold: true }), text(note.note)] })),
    ...(notes.more > 0 ? [paragraph(`… ${andMore(notes.more)}: see the evidence columns of the case tab.`)] : []),
  ];
}

/** Strengths and Areas for improvement, pre-filled with the notes beside Yes and No answers, then room for the narrative. */
function findingsSections(figure: StandardFigure): Paragraph[] {
  return [
    heading('Strengths', HeadingLevel.HEADING_3),
    ...noteParagraphs(figure, (keyQuestion) => keyQuestion.strengths, figure.strengthsNotListed),
    new Paragraph({ children: [] }),
    heading('Areas for improvement', HeadingLevel.HEADING_3),
    ...noteParagraphs(figure, (keyQuestion) => keyQuestion.improvements, figure.improvementsNotListed),
    new Paragraph({ children: [] }),
  ];
}

function standardChapters(report: RatingsReport): Array<Paragraph | Table> {
  const byStandard = new Map(report.standards.map((figure) => [figure.standard.id, figure]));
  return report.framework.domains.flatMap((domain, index) => [
    heading(`${domain.id}. ${domain.name}`, HeadingLevel.HEADING_1, index === 0),
    ...domain.standards.flatMap((standard) => {
      const figure = byStandard.get(standard.id)!;
      return [
        heading(`${standard.id} ${standard.name}`, HeadingLevel.HEADING_2),
        ...judgementParagraphs(figure),
        ...(figure.keyQuestions.length > 0 && figure.standard.kind === 'caseBased' ? [keyQuestionTable(report, figure)] : []),
        ...findingsSections(figure),
      ];
    }),
  ]);
}

/** The chart's alt text: every bar it draws, in words. */
export function chartAltText(report: RatingsReport): string {
  const bars = report.standards.flatMap((figure) =>
    figure.keyQuestions.filter((keyQuestion) => !keyQuestion.qualitative).map((keyQuestion) => (keyQuestion.error ? `${keyQuestion.id} error` : keyQuestion.percent === null ? `${keyQuestion.id} no Yes/No yet` : `${keyQuestion.id} ${keyQuestion.percent}% ${keyQuestion.band}`)),
  );
  return `Bar chart of each key question's percentage of Yes answers against the band boundaries: ${bars.join('; ')}.`;
}

function chartSection(report: RatingsReport, chart: ChartImage | undefined): Paragraph[] {
  const title = heading('Key questions against the band boundaries', HeadingLevel.HEADING_1);
  if (!chart) return [title, paragraph('No key question has a Yes or No answer yet, so there is nothing to chart.')];
  // 6.3 inches of A4 text width at 96 pixels an inch.
  const width = Math.min(chart.width, 605);
  const height = Math.round((chart.height * width) / chart.width);
  return [
    title,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height }, altText: { name: 'Key-question chart', title: 'Key questions against the band boundaries', description: chartAltText(report) } })],
    }),
  ];
}

function annex(report: RatingsReport): Array<Paragraph | Table> {
  const shown = comparisonColumns(report);
  const prompts = report.standards.flatMap((figure) => figure.keyQuestions.flatMap((keyQuestion) => keyQuestion.prompts));
  const promptHeader = ['Prompt', 'This inspection', ...(shown.previous ? [detailText(report, 'previousLabel')] : []), ...(shown.aggregate ? [detailText(report, 'comparisonLabel')] : [])];
  const promptRows = prompts.map((prompt) => [
    cell(`${prompt.id} ${prompt.text}`),
    cell(figureText(prompt)),
    ...(shown.previous ? [cell(comparisonText(prompt.previous))] : []),
    ...(shown.aggregate ? [cell(comparisonText(prompt.aggregate))] : []),
  ]);
  const subSamples = report.subSamples.flatMap((split) => {
    const ids = split.groups[0]?.keyQuestions.map((keyQuestion) => keyQuestion.id) ?? [];
    const groups = capList(split.groups, split.groupsNotListed);
    return [
      heading(`${split.tab} by ${split.header}`, HeadingLevel.HEADING_2),
      table(
        ['Key question', ...groups.listed.map((group) => `${group.value} (${group.cases} cases)`)],
        ids.map((id, index) => [cell(id), ...groups.listed.map((group) => cell(figureText(group.keyQuestions[index])))]),
      ),
      ...(groups.more > 0 ? [paragraph(`… ${andMore(groups.more)} values of ${split.header}: see the Sub-samples tab.`)] : []),
    ];
  });
  const agreement = report.agreement.length === 0
    ? [paragraph('No case has been re-marked on a QA tab.')]
    : [
        table(
          ['Case tab', 'Answers re-marked', 'Agreed', "Cohen's kappa"],
          report.agreement.map((figure) =>
            figure.error
              ? [cell(figure.tab), cell(`Error: ${figure.error}`, { span: 3 })]
              : [cell(figure.tab), cell(String(figure.checked)), cell(figure.percent === null ? '—' : `${figure.percent}% (${figure.agreements})`), cell(figure.kappa === null ? '—' : figure.kappa.toFixed(2))],
          ),
        ),
      ];
  return [
    heading('Annex: prompts, sub-samples and marking agreement', HeadingLevel.HEADING_1, true),
    heading('Every prompt', HeadingLevel.HEADING_2),
    ...(promptRows.length > 0 ? [table(promptHeader, promptRows, 0.5)] : [paragraph('No prompt has a column in the case tabs.')]),
    ...subSamples,
    heading('Marking agreement', HeadingLevel.HEADING_2),
    ...agreement,
    paragraph(signOffLine(report.signOff)),
  ];
}

function problemsSection(report: RatingsReport): Paragraph[] {
  const shown = capList(report.problems, report.problemCount - report.problems.length);
  return [
    heading(`Data problems (${(shown.listed.length + shown.more).toLocaleString('en-GB')})`, HeadingLevel.HEADING_1, true),
    ...(shown.listed.length === 0 ? [paragraph('None.')] : shown.listed.map((problem) => new Paragraph({ bullet: { level: 0 }, children: [text(`${problem.tab}!${problem.cell}: `, { bold: true }), text(problem.message)] }))),
    ...(shown.more > 0 ? [paragraph(`… ${andMore(shown.more)}: see the Data quality tab.`)] : []),
  ];
}

/** The whole report as a docx Document (pack it with Packer.toBuffer offline, Packer.toBlob in a browser). */
export function reportDocument(report: RatingsReport, options: ReportDocumentOptions): Document {
  const service = detailText(report, 'service');
  return new Document({
    title: `${service}: inspection report (draft)`,
    description: `${report.framework.name}: ratings drafted by Inspection Ratings`,
    creator: 'Inspection Ratings',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          ...titlePage(report, options),
          new Paragraph({ children: [new PageBreak()] }),
          heading('Ratings', HeadingLevel.HEADING_1),
          ratingsTable(report),
          ...comparisonNote(report),
          ...chartSection(report, options.chart),
          ...standardChapters(report),
          ...annex(report),
          ...problemsSection(report),
        ],
      },
    ],
  });
}

/** The report document's name: the service's, or a neutral one while it is blank. */
export function reportFileName(report: RatingsReport): string {
  const service = report.inspection.service.replace(/[^\w\- ]+/g, '').trim();
  return `${service || 'Inspection'} report (draft).docx`;
}


/**
 * docs/report.md: the two Word documents drawn from one report model, printing its view (view.ts).
 * The draft report (the default) follows a published inspection report — title page, contents,
 * foreword, ratings, overall findings, recommendations, background, a chapter per domain and
 * standard, methodology and data annexes — with the figures filled in, the evidence notes without
 * case IDs, and every place the inspectors must write marked. The panel pack keeps the ratings
 * panel's working: explanations, intervals, every panel request, case IDs and every data problem.
 * The command line and the sidebar make the same documents.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { andMore, boundedReport, capList } from '../core/lists';
import { documentText } from '../core/cellText';
import { detailText, KeyQuestionFigure, RatingsReport, StandardFigure } from '../core/report';
import {
  allPrompts,
  BAND_COLOURS,
  CHART_TITLE,
  chartAltText,
  comparisonColumns,
  comparisonNotes,
  comparisonText,
  detailLines,
  figureText,
  findingGroups,
  intervalText,
  isBand,
  methodologyLines,
  moreNotes,
  moreProblems,
  notices,
  NOTHING_TO_CHART,
  overallView,
  panelSentences,
  placeholder,
  problemList,
  QUALITATIVE,
  ratingDomains,
  ratingLabel,
  ratingSentence,
  SIGNIFICANCE_NOTE,
} from './view';

export { longDate } from '../core/cellText';
import { longDate } from '../core/cellText';

/** The chart as a PNG, drawn by whoever builds the document (resvg offline, a canvas in the sidebar). */
export interface ChartImage {
  png: Uint8Array;
  /** Pixels; the image is placed at this size scaled to the page width. */
  width: number;
  height: number;
}

/** The draft report a lead inspector hands over, or the ratings panel's pack. */
export type ReportKind = 'draft' | 'panelPack';

export interface ReportDocumentOptions {
  /** When the draft was made: said on the title page. */
  generatedOn: Date;
  chart?: ChartImage;
  /** 'draft' unless said. */
  kind?: ReportKind;
}

export interface BuiltReport {
  document: Document;
  /** The placeholders the inspectors must write, in the document's order (the draft's; the panel pack has none). */
  toWrite: string[];
}

type Block = Paragraph | Table | TableOfContents;
type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

const run = (value: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) => new TextRun({ text: documentText(value), ...options });

function paragraph(value: string, options: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ keepNext: options.keepNext, children: [run(value, options)] });
}

/** A heading, kept on the page of what follows it (never stranded at a page's foot). */
function heading(value: string, level: Level, pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: level, pageBreakBefore, keepNext: true, keepLines: true, children: [run(value)] });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ spacing: { after: 80 }, children: [run(`${label}: `, { bold: true }), run(value)] });
}

function bullet(children: TextRun[]): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BDC1C6' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(value: string, options: { band?: string | null; bold?: boolean; span?: number; header?: boolean } = {}): TableCell {
  const colours = isBand(options.band) ? BAND_COLOURS[options.band] : undefined;
  const fill = colours ? colours.background.slice(1) : options.header ? 'F1F3F4' : undefined;
  return new TableCell({
    borders: BORDERS,
    columnSpan: options.span,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: [new Paragraph({ children: [run(value, { bold: options.bold || options.header || Boolean(colours && options.bold), color: colours?.font.slice(1) })] })],
  });
}

/** A4's text width (1 inch margins) in twentieths of a point. */
const TEXT_WIDTH = 9000;

/** Column widths: the given twentieths of a point for the first columns, the rest shared equally. */
function widths(columns: number, fixed: number[]): number[] {
  const rest = columns - fixed.length;
  const share = rest > 0 ? Math.floor((TEXT_WIDTH - fixed.reduce((sum, width) => sum + width, 0)) / rest) : 0;
  return [...fixed, ...Array<number>(rest).fill(share)];
}

/** A table whose first row is its header row, repeated at the top of each page it runs onto; rows never split. */
function table(header: string[], rows: TableCell[][], columnWidths: number[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((title) => cell(title, { header: true })) }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
    ],
  });
}

/** The document being built: its kind, and the placeholders written so far. */
interface Draft {
  report: RatingsReport;
  isDraft: boolean;
  toWrite: string[];
  /** A visibly marked place to write in, listed for `rate --docx`. */
  placeholder(what: string): Paragraph;
}

function newDraft(report: RatingsReport, kind: ReportKind): Draft {
  const toWrite: string[] = [];
  return {
    report,
    isDraft: kind === 'draft',
    toWrite,
    placeholder(what) {
      const text = placeholder(what);
      toWrite.push(text);
      return new Paragraph({ children: [new TextRun({ text: documentText(text), highlight: 'yellow', italics: true })] });
    },
  };
}

function titlePage(draft: Draft, options: ReportDocumentOptions): Paragraph[] {
  const { report } = draft;
  const problems = report.problemCount;
  const kind = draft.isDraft ? 'Inspection report: draft' : 'Ratings panel pack';
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400, after: 240 }, children: [run(detailText(report, 'service'))] }),
    new Paragraph({ spacing: { after: 480 }, children: [run(kind, { bold: true, size: 28 })] }),
    ...detailLines(report).map((line) => labelled(line.label, line.value)),
    new Paragraph({ children: [] }),
    paragraph(
      draft.isDraft
        ? `Draft generated on ${longDate(options.generatedOn)} by Inspection Ratings from the inspection workbook. Every figure is the workbook's; the places marked in yellow are the inspectors' to write.`
        : `Generated on ${longDate(options.generatedOn)} by Inspection Ratings from the inspection workbook, for the ratings panel: not for publication (it names cases).`,
      { italics: true },
    ),
    ...notices(report).map((notice) => paragraph(notice, { bold: true })),
    ...(draft.isDraft && problems > 0 ? [paragraph(`The workbook has ${problems} data ${problems === 1 ? 'problem' : 'problems'}: put ${problems === 1 ? 'it' : 'them'} right before this report is published (the panel pack and the Data quality tab list them).`, { bold: true })] : []),
  ];
}

function ratingsTable(draft: Draft): Block[] {
  const overall = overallView(draft.report);
  const pack = !draft.isDraft;
  const rows = ratingDomains(draft.report).flatMap((domain) => [
    [cell(domain.heading, { bold: true, span: pack ? 6 : 4 })],
    ...domain.rows.map((row) => [
      cell(row.id),
      cell(row.name),
      ...(pack ? [cell(row.indicative, { band: row.indicative })] : []),
      cell(row.rating, { band: row.rating, bold: true }),
      cell(row.score),
      ...(pack ? [cell(row.panelMove)] : []),
    ]),
  ]);
  const span = pack ? 6 : 4;
  const overallRow = overall.error
    ? [cell('Overall', { bold: true, span: 2 }), cell(overall.error, { span: span - 2 })]
    : [cell('Overall', { bold: true, span: pack ? 3 : 2 }), cell(overall.rating, { band: overall.band, bold: true }), cell(overall.score, { bold: true }), ...(pack ? [cell('')] : [])];
  const header = pack ? ['Standard', 'Name', 'Indicative rating', 'Rating', 'Score', 'Panel move'] : ['Standard', 'Name', 'Rating', 'Score'];
  const columnWidths = pack ? [1200, 1900, 1600, 1600, 1000, 1700] : [1300, 4200, 2200, 1300];
  return [
    table(header, [...rows, overallRow], columnWidths),
    ...(overall.provisional ? [paragraph(`The overall rating is ${overall.provisional}.`, { italics: true })] : []),
    ...(pack ? comparisonNotes(draft.report).map((line) => paragraph(line, { italics: true })) : []),
  ];
}

function keyQuestionTable(draft: Draft, figure: StandardFigure): Table {
  const pack = !draft.isDraft;
  const columns = comparisonColumns(draft.report, figure.keyQuestions);
  const header = ['Key question', 'This inspection', ...(pack ? ['80% interval'] : []), ...columns.map((column) => column.label)];
  const rows = figure.keyQuestions.map((keyQuestion: KeyQuestionFigure) => {
    const question = cell(`${keyQuestion.id} ${keyQuestion.text}`);
    if (keyQuestion.qualitative) return [question, cell(QUALITATIVE, { span: header.length - 1 })];
    return [question, cell(figureText(keyQuestion), { band: keyQuestion.band }), ...(pack ? [cell(intervalText(keyQuestion))] : []), ...columns.map((column) => cell(comparisonText(keyQuestion[column.key])))];
  });
  return table(header, rows, widths(header.length, pack ? [3000, 1500] : [header.length > 3 ? 3800 : 5000, 1700]));
}

/** Strengths or Areas for improvement: the evidence notes grouped per key question (case IDs in the panel pack only), then room to write. */
function findings(draft: Draft, figure: StandardFigure, side: 'strengths' | 'improvements'): Block[] {
  const title = side === 'strengths' ? 'Strengths' : 'Areas for improvement';
  const groups = findingGroups(figure, side);
  const more = moreNotes((side === 'strengths' ? figure.strengthsNotListed : figure.improvementsNotListed) ?? 0);
  const notes = [
    ...groups.flatMap((group) => [
      paragraph(group.keyQuestion, { bold: true, keepNext: true }),
      ...group.notes.map(({ note, caseIds }) => bullet(draft.isDraft ? [run(note)] : [run(note), run(` (${caseIds.length === 1 ? 'case' : 'cases'} ${caseIds.join(', ')})`, { italics: true })])),
    ]),
    ...(more ? [paragraph(more)] : []),
  ];
  const standard = `${figure.standard.id} ${figure.standard.name}`;
  if (draft.isDraft) return [heading(title, HeadingLevel.HEADING_3), ...notes, draft.placeholder(`the ${side === 'strengths' ? 'strengths' : 'areas for improvement'} of ${standard}`)];
  if (notes.length === 0) return [];
  return [heading(title, HeadingLevel.HEADING_3), ...notes];
}

function standardChapter(draft: Draft, figure: StandardFigure): Block[] {
  const pack = !draft.isDraft;
  const lines: Block[] = [heading(`${figure.standard.id} ${figure.standard.name}`, HeadingLevel.HEADING_2)];
  if (figure.error) lines.push(paragraph(`Error: ${figure.error}`, { bold: true }));
  // The draft gives the rating as a published report does; how the panel reached it is the pack's.
  lines.push(paragraph(pack ? ratingSentence(figure) : `Rating: ${ratingLabel(figure.rating)}.`, { bold: true, keepNext: true }));
  if (figure.evidence) lines.push(labelled('Evidence', figure.evidence));
  if (pack && figure.explanation) lines.push(paragraph(figure.explanation));
  if (pack) lines.push(...panelSentences(figure).map((line) => paragraph(line)));
  if (figure.standard.counts === false) lines.push(paragraph('This standard does not count towards the overall score.', { italics: true }));
  if (figure.standard.kind === 'caseBased' && figure.keyQuestions.length > 0) lines.push(keyQuestionTable(draft, figure));
  return [...lines, ...findings(draft, figure, 'strengths'), ...findings(draft, figure, 'improvements')];
}

function domainChapters(draft: Draft): Block[] {
  const byStandard = new Map(draft.report.standards.map((figure) => [figure.standard.id, figure]));
  return draft.report.framework.domains.flatMap((domain) => [
    heading(`${domain.id}. ${domain.name}`, HeadingLevel.HEADING_1, true),
    ...domain.standards.flatMap((standard) => standardChapter(draft, byStandard.get(standard.id)!)),
  ]);
}

function chartBlocks(report: RatingsReport, chart: ChartImage | undefined, level: Level): Paragraph[] {
  const title = heading(CHART_TITLE, level);
  if (!chart) return [title, paragraph(NOTHING_TO_CHART)];
  // 6.2 inches of A4 text width at 96 pixels an inch.
  const width = Math.min(chart.width, 595);
  const height = Math.round((chart.height * width) / chart.width);
  return [
    title,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height }, altText: { name: 'Key-question chart', title: CHART_TITLE, description: chartAltText(report) } })],
    }),
  ];
}

function dataAnnex(draft: Draft, chart: ChartImage | undefined): Block[] {
  const { report } = draft;
  const prompts = allPrompts(report);
  const columns = comparisonColumns(report, prompts);
  const promptHeader = ['Prompt', 'This inspection', ...columns.map((column) => column.label)];
  const promptRows = prompts.map((prompt) => [cell(`${prompt.id} ${prompt.text}`), cell(figureText(prompt)), ...columns.map((column) => cell(comparisonText(prompt[column.key])))]);
  const subSamples = report.subSamples.flatMap((split) => {
    const ids = split.groups[0]?.keyQuestions.map((keyQuestion) => keyQuestion.id) ?? [];
    const groups = capList(split.groups, split.groupsNotListed);
    const header = ['Key question', ...groups.listed.map((group) => `${group.value} (${group.cases} cases)`)];
    return [
      heading(`${split.tab} by ${split.header}`, HeadingLevel.HEADING_2),
      table(header, ids.map((id, index) => [cell(id), ...groups.listed.map((group) => cell(figureText(group.keyQuestions[index])))]), widths(header.length, [1400])),
      ...(groups.more > 0 ? [paragraph(`… ${andMore(groups.more)} values of ${split.header}: see the Sub-samples tab.`)] : []),
    ];
  });
  const agreement =
    report.agreement.length === 0
      ? []
      : [
          heading('Marking agreement', HeadingLevel.HEADING_2),
          table(
            ['Case tab', 'Answers re-marked', 'Agreed', "Cohen's kappa"],
            report.agreement.map((figure) =>
              figure.error
                ? [cell(figure.tab), cell(`Error: ${figure.error}`, { span: 3 })]
                : [cell(figure.tab), cell(String(figure.checked)), cell(figure.percent === null ? '—' : `${figure.percent}% (${figure.agreements})`), cell(figure.kappa === null ? '—' : figure.kappa.toFixed(2))],
            ),
            widths(4, [3000]),
          ),
        ];
  const significance = columns.length > 0 ? [paragraph(SIGNIFICANCE_NOTE, { italics: true })] : [];
  return [
    heading(draft.isDraft ? 'Annex 2: Data' : 'Annex: prompts, sub-samples and marking agreement', HeadingLevel.HEADING_1, true),
    ...(draft.isDraft ? chartBlocks(report, chart, HeadingLevel.HEADING_2) : []),
    ...(promptRows.length > 0 ? [heading('Every prompt', HeadingLevel.HEADING_2), table(promptHeader, promptRows, widths(promptHeader.length, [promptHeader.length > 2 ? 4400 : 6000, 1800])), ...significance] : []),
    ...subSamples,
    ...agreement,
  ];
}

/** Annex 1: how the inspection was done. The figures the workbook holds, then the inspectors' account. */
function methodologyAnnex(draft: Draft): Block[] {
  const { intro, facts } = methodologyLines(draft.report);
  return [
    heading('Annex 1: Methodology', HeadingLevel.HEADING_1, true),
    paragraph(intro),
    ...facts.map((line) => bullet([run(line)])),
    draft.placeholder('how the inspection was carried out (fieldwork, interviews, the case sample)'),
  ];
}

function problemsSection(report: RatingsReport): Block[] {
  const list = problemList(report.problems, report.problemCount);
  if (list.count === 0) return [paragraph('Data problems: none.', { italics: true })];
  const shown = list.listed;
  const more = moreProblems(list.count, shown.length, 'see the Data quality tab');
  return [
    heading(list.heading, HeadingLevel.HEADING_1, true),
    ...shown.map((problem) => bullet([run(`${problem.where}: `, { bold: true }), run(problem.message)])),
    ...(more ? [paragraph(more)] : []),
  ];
}

function draftBody(draft: Draft, chart: ChartImage | undefined): Block[] {
  return [
    new Paragraph({ pageBreakBefore: true, spacing: { after: 240 }, children: [run('Contents', { bold: true, size: 32, color: '1F4E79' })] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    heading('Foreword', HeadingLevel.HEADING_1, true),
    draft.placeholder('the foreword'),
    heading('Ratings', HeadingLevel.HEADING_1, true),
    ...ratingsTable(draft),
    heading('Overall findings', HeadingLevel.HEADING_1, true),
    draft.placeholder('the overall findings'),
    heading('Recommendations', HeadingLevel.HEADING_1, true),
    draft.placeholder('the recommendations'),
    heading('Background and context', HeadingLevel.HEADING_1, true),
    draft.placeholder('the background and context'),
    ...domainChapters(draft),
    ...methodologyAnnex(draft),
    ...dataAnnex(draft, chart),
  ];
}

function panelPackBody(draft: Draft, chart: ChartImage | undefined): Block[] {
  return [
    heading('Ratings', HeadingLevel.HEADING_1, true),
    ...ratingsTable(draft),
    ...chartBlocks(draft.report, chart, HeadingLevel.HEADING_1),
    ...domainChapters(draft),
    ...dataAnnex(draft, chart),
    ...problemsSection(draft.report),
  ];
}

const footer = () =>
  new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
  });

/** The whole document (pack it with Packer.toBuffer offline, Packer.toBlob in a browser) and what is left to write. */
export function reportDocument(whole: RatingsReport, options: ReportDocumentOptions): BuiltReport {
  // Every list capped as the sidebar receives it (src/core/lists.ts), so both give one document.
  const report = boundedReport(whole);
  const draft = newDraft(report, options.kind ?? 'draft');
  const service = detailText(report, 'service');
  const what = draft.isDraft ? 'inspection report (draft)' : 'ratings panel pack';
  const children = [...titlePage(draft, options), ...(draft.isDraft ? draftBody(draft, options.chart) : panelPackBody(draft, options.chart))];
  const document = new Document({
    title: documentText(`${service}: ${what}`),
    description: documentText(`${report.framework.name}: ${what} drafted by Inspection Ratings`),
    creator: 'Inspection Ratings',
    // The contents and page numbers are fields: Word fills them in when the document opens.
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { after: 80 } } },
        heading1: { run: { font: 'Arial', size: 32, bold: true, color: '1F4E79' }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true, keepLines: true } },
        heading2: { run: { font: 'Arial', size: 26, bold: true, color: '1F4E79' }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, keepLines: true } },
        heading3: { run: { font: 'Arial', size: 22, bold: true, color: '3C4043' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true } },
      },
    },
    sections: [
      {
        properties: { titlePage: true },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`${service}: ${what}`, { color: '5F6368' })] })] }), first: new Header({ children: [] }) },
        footers: { default: footer(), first: new Footer({ children: [] }) },
        children,
      },
    ],
  });
  return { document, toWrite: draft.toWrite };
}

/** The document's name: the service's, or a neutral one while it is blank. */
export function reportFileName(report: RatingsReport, kind: ReportKind = 'draft'): string {
  const service = report.inspection.service.replace(/[^\w\- ]+/g, '').trim() || 'Inspection';
  return kind === 'draft' ? `${service} report (draft).docx` : `${service} panel pack.docx`;
}

/**
 * docs/programme.md's long-format tables: the answers of inspection workbooks (one row per case ×
 * prompt or key question) and the framework they follow, as rows for a SQL engine. The same rows
 * feed `export` (Parquet or CSV files) and `aggregate` (DuckDB in memory), so both read a workbook
 * alike: its framework and case tabs by the workbook model (src/core/workbookModel.ts), its values
 * by the streaming reader. An invalid answer is refused, naming the file, tab, row, column and
 * value: nothing is counted silently.
 */
import { basename, extname } from 'node:path';
import { isDate, isEmptyCell, readAnswer, sheetDate } from '../src/core/answers';
import { BANDS, parseBand } from '../src/core/bands';
import { CaseTable, columnHeaded, invalidAnswer, readCaseTable } from '../src/core/caseTable';
import { Framework, standardsOf } from '../src/core/framework';
import { CASE_ID_HEADER, caseIdText } from '../src/core/sampling';
import { INSPECTION_DETAILS } from '../src/core/tabLayouts';
import { DOMAIN_ONE_HEADER, PANEL_HEADER } from '../src/core/workbook';
import { FoundCaseTab, WorkbookReader } from '../src/core/workbookModel';

/** A column's type: INT64 in BigQuery and Parquet (BIGINT in DuckDB), STRING, BOOL. */
export type ColumnType = 'INT64' | 'STRING' | 'BOOL';

/** The tables and their columns, in order: docs/programme.md documents each. */
export const SCHEMA = {
  inspections: [
    ['inspection', 'STRING'],
    ['position', 'INT64'],
    ['file', 'STRING'],
    ['provider', 'STRING'],
    ['framework', 'STRING'],
    ['year', 'INT64'],
    ['inspection_name', 'STRING'],
    ['lead_inspector', 'STRING'],
    ['fieldwork', 'STRING'],
    ['report_date', 'STRING'],
  ],
  answers: [
    ['inspection', 'STRING'],
    ['provider', 'STRING'],
    ['framework', 'STRING'],
    ['year', 'INT64'],
    ['tab', 'STRING'],
    ['case_id', 'STRING'],
    ['sheet_row', 'INT64'],
    ['question', 'STRING'],
    ['kind', 'STRING'],
    ['key_question', 'STRING'],
    ['standard', 'STRING'],
    ['answer', 'STRING'],
    ['inspector', 'STRING'],
  ],
  case_fields: [
    ['inspection', 'STRING'],
    ['tab', 'STRING'],
    ['sheet_row', 'INT64'],
    ['field', 'STRING'],
    ['value', 'STRING'],
  ],
  question_columns: [
    ['inspection', 'STRING'],
    ['tab', 'STRING'],
    ['question', 'STRING'],
  ],
  judgements: [
    ['inspection', 'STRING'],
    ['standard', 'STRING'],
    ['kind', 'STRING'],
    ['rating', 'STRING'],
    ['rationale', 'STRING'],
  ],
  standards: [
    ['framework', 'STRING'],
    ['domain', 'STRING'],
    ['domain_name', 'STRING'],
    ['standard', 'STRING'],
    ['name', 'STRING'],
    ['kind', 'STRING'],
    ['case_tab', 'STRING'],
    ['counts', 'BOOL'],
    ['position', 'INT64'],
  ],
  key_questions: [
    ['framework', 'STRING'],
    ['standard', 'STRING'],
    ['key_question', 'STRING'],
    ['text', 'STRING'],
    ['qualitative', 'BOOL'],
    ['sub_sample_field', 'STRING'],
    ['sub_sample_values', 'STRING'],
    ['position', 'INT64'],
  ],
  prompts: [
    ['framework', 'STRING'],
    ['key_question', 'STRING'],
    ['prompt', 'STRING'],
    ['text', 'STRING'],
    ['sub_sample_field', 'STRING'],
    ['sub_sample_values', 'STRING'],
    ['position', 'INT64'],
  ],
  bands: [
    ['framework', 'STRING'],
    ['band', 'STRING'],
    ['score', 'INT64'],
    ['lower_percent', 'INT64'],
    ['overall_minimum', 'INT64'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, ColumnType]>>;

export type TableName = keyof typeof SCHEMA;

/** A row's values in its table's column order; null for SQL NULL. */
export type RowValues = Array<string | number | boolean | null>;

/** Where rows go: an appender into DuckDB, or an array in a test. */
export interface RowSink {
  append(table: TableName, values: RowValues): void;
}

/** A workbook that cannot be turned into rows: the message is the one line a command prints. */
export class UnusableWorkbook extends Error {}

/** The framework tables: standards, key questions, prompts and bands (R4's thresholds, R9's overall minimums). */
export function appendFramework(framework: Framework, sink: RowSink): void {
  let position = 0;
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      position += 1;
      const kind = standard.kind === 'caseBased' ? 'case-based' : 'lead judgement';
      sink.append('standards', [framework.id, domain.id, domain.name, standard.id, standard.name, kind, standard.caseTab ?? null, standard.counts, position]);
      standard.keyQuestions.forEach((keyQuestion, index) => {
        const rule = keyQuestion.subSample;
        sink.append('key_questions', [framework.id, standard.id, keyQuestion.id, keyQuestion.text, keyQuestion.qualitative, rule?.header ?? null, rule ? rule.equals.join('|') : null, index + 1]);
        keyQuestion.prompts.forEach((prompt, promptIndex) => {
          const promptRule = prompt.subSample;
          sink.append('prompts', [framework.id, keyQuestion.id, prompt.id, prompt.text, promptRule?.header ?? null, promptRule ? promptRule.equals.join('|') : null, promptIndex + 1]);
        });
      });
    }
  }
  BANDS.forEach((band, score) => {
    const lower = score === 0 ? 0 : framework.thresholds[score - 1];
    const minimum = framework.overall.rule === 'scores' && score > 0 ? framework.overall.minimums[score - 1] : null;
    sink.append('bands', [framework.id, band, score, lower, minimum]);
  });
}

/** One inspection workbook as read: its framework and case tabs (the workbook model), and where it is. */
export interface InspectionSource {
  file: string;
  /** The inspection's key in every table: the file's name without its extension. */
  inspection: string;
  /** 1 for the first file given. */
  position: number;
  reader: WorkbookReader;
  framework: Framework;
  caseTabs: readonly FoundCaseTab[];
}

/** The inspection key of a file: its name without folder or extension. */
export function inspectionKey(file: string): string {
  return basename(file, extname(file));
}

const text = (cell: unknown): string => (isEmptyCell(cell) ? '' : isDate(cell) ? sheetDate(cell) : String(cell).trim());

/** The year of an inspection: the report date's, else the fieldwork dates' (the first four-digit year), else null. */
export function inspectionYear(details: Record<string, unknown>): number | null {
  for (const cell of [details.reportDate, details.fieldwork]) {
    if (isDate(cell) && !Number.isNaN(cell.getTime())) return cell.getFullYear();
    const found = /\b(19|20)\d\d\b/.exec(text(cell));
    if (found) return Number(found[0]);
  }
  return null;
}

/** A list tab's rows keyed by the id in column A (Domain one, Panel, Inspection). */
function rowsById(values: unknown[][]): Map<string, unknown[]> {
  return new Map(values.slice(1).map((cells) => [text(cells[0]), cells]));
}

/** A tab's values by name (any case, spaces aside), or none. */
function tabValues(reader: WorkbookReader, name: string): unknown[][] {
  const tab = reader.tabNames().find((candidate) => candidate.trim().toLowerCase() === name.toLowerCase());
  return tab === undefined ? [] : reader.values(tab);
}

/** A rating as typed: the band's own label where it is one (R4, read as the report reads it), else the text as typed. */
function ratingText(cell: unknown): string {
  const typed = text(cell);
  return parseBand(typed) ?? typed;
}

/**
 * Appends one inspection's rows: the inspections row, every case × question of its case tabs
 * (answers Yes, No, N/A, or NULL for blank), each case's sub-sample fields, the question columns
 * each case tab has, and the panel's and lead inspector's judgements. Returns its case tables.
 */
export function appendInspection(source: InspectionSource, sink: RowSink): Map<string, CaseTable> {
  const { reader, framework, inspection, file } = source;
  const details = new Map<string, unknown>();
  for (const [label, cells] of rowsById(tabValues(reader, 'Inspection'))) details.set(label.toLowerCase(), cells[1]);
  const detail = (key: (typeof INSPECTION_DETAILS)[number]['key']) => details.get(INSPECTION_DETAILS.find((candidate) => candidate.key === key)!.label.toLowerCase());
  const provider = text(detail('service')) || inspection;
  const year = inspectionYear({ reportDate: detail('reportDate'), fieldwork: detail('fieldwork') });
  sink.append('inspections', [inspection, source.position, basename(file), provider, framework.id, year, text(detail('inspection')) || null, text(detail('leadInspector')) || null, text(detail('fieldwork')) || null, text(detail('reportDate')) || null]);

  const tables = new Map<string, CaseTable>();
  for (const { layout, tab } of source.caseTabs) {
    let table: CaseTable;
    try {
      table = readCaseTable(reader.values(tab));
    } catch (error) {
      throw new UnusableWorkbook(`${file}: tab "${tab}": ${(error as Error).message}`);
    }
    tables.set(layout.name, table);
    // The framework's questions of this tab's standards, with their key question and standard.
    const questions = layout.standards.flatMap((standard) =>
      standard.keyQuestions
        .filter((keyQuestion) => !keyQuestion.qualitative)
        .flatMap((keyQuestion) => [
          { id: keyQuestion.id, kind: 'key question', keyQuestion: keyQuestion.id, standard: standard.id },
          ...keyQuestion.prompts.map((prompt) => ({ id: prompt.id, kind: 'prompt', keyQuestion: keyQuestion.id, standard: standard.id })),
        ]),
    );
    const columns = questions.flatMap((question) => {
      const column = table.answerColumns.get(question.id);
      return column ? [{ ...question, column }] : [];
    });
    for (const { id } of columns) sink.append('question_columns', [inspection, layout.name, id]);
    const caseId = columnHeaded(table, CASE_ID_HEADER);
    const inspector = columnHeaded(table, 'Inspector');
    const fields = (framework.caseTabs.find((caseTab) => caseTab.name === layout.name)?.metadata ?? [])
      .filter((metadata) => metadata.header !== CASE_ID_HEADER && metadata.header !== 'Inspector')
      .flatMap((metadata) => {
        const column = columnHeaded(table, metadata.header);
        return column ? [{ field: metadata.header, column }] : [];
      });
    table.rows.forEach((cells, rowIndex) => {
      const sheetRow = rowIndex + 2;
      const id = caseId ? caseIdText(cells[caseId.index]) || null : null;
      const by = inspector ? text(cells[inspector.index]) || null : null;
      for (const { field, column } of fields) {
        const value = text(cells[column.index]);
        if (value !== '') sink.append('case_fields', [inspection, layout.name, sheetRow, field, value]);
      }
      for (const question of columns) {
        const cell = cells[question.column.index];
        const answer = readAnswer(cell);
        if (answer === undefined) throw new UnusableWorkbook(`${file}, tab "${tab}": ${invalidAnswer(rowIndex, question.column, cell).message}`);
        const typed = answer === 'yes' ? 'Yes' : answer === 'no' ? 'No' : answer === 'na' ? 'N/A' : null;
        sink.append('answers', [inspection, provider, framework.id, year, layout.name, id, sheetRow, question.id, question.kind, question.keyQuestion, question.standard, typed, by]);
      }
    });
  }

  const standards = standardsOf(framework);
  const panel = rowsById(tabValues(reader, 'Panel'));
  const domainOne = rowsById(tabValues(reader, 'Domain one'));
  for (const standard of standards) {
    if (standard.kind === 'caseBased') {
      const cells = panel.get(standard.id);
      const rating = cells ? ratingText(cells[PANEL_HEADER.indexOf('Panel rating')]) : '';
      if (rating !== '') sink.append('judgements', [inspection, standard.id, 'panel', rating, text(cells![PANEL_HEADER.indexOf('Rationale')])]);
    } else {
      const cells = domainOne.get(standard.id);
      const rating = cells ? ratingText(cells[DOMAIN_ONE_HEADER.indexOf('Rating')]) : '';
      if (rating !== '') sink.append('judgements', [inspection, standard.id, 'lead', rating, text(cells![DOMAIN_ONE_HEADER.indexOf('Evidence')])]);
    }
  }
  return tables;
}

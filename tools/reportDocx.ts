/** `rate --docx REPORT [--panel-pack]` (docs/commands.md): a Word document, with the chart drawn to PNG here (vega, then resvg). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Packer } from 'docx';
import { RatingsReport } from '../src/core/report';
import { reportDocument, ReportKind } from '../src/report/document';
import { keyQuestionChartPng } from './chart';

/** The document's bytes and the placeholders left to write; `generatedOn` is said on its title page. */
export async function reportDocx(report: RatingsReport, kind: ReportKind = 'draft', generatedOn: Date = new Date()): Promise<{ bytes: Buffer; toWrite: string[] }> {
  const chart = await keyQuestionChartPng(report);
  const { document, toWrite } = reportDocument(report, { generatedOn, chart, kind });
  return { bytes: await Packer.toBuffer(document), toWrite };
}

/** Writes the document; returns the placeholders left to write. */
export async function writeReportDocx(report: RatingsReport, file: string, kind: ReportKind = 'draft', generatedOn?: Date): Promise<string[]> {
  const { bytes, toWrite } = await reportDocx(report, kind, generatedOn);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return toWrite;
}

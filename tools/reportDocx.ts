/** `rate --docx REPORT` (docs/commands.md): the Word report, with the chart drawn to PNG here (vega, then resvg). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Packer } from 'docx';
import { RatingsReport } from '../src/core/report';
import { reportDocument } from '../src/report/document';
import { keyQuestionChartPng } from './chart';

/** The document's bytes; `generatedOn` is said on its title page. */
export async function reportDocxBytes(report: RatingsReport, generatedOn: Date = new Date()): Promise<Buffer> {
  const chart = await keyQuestionChartPng(report);
  return Packer.toBuffer(reportDocument(report, { generatedOn, chart }));
}

export async function writeReportDocx(report: RatingsReport, file: string, generatedOn?: Date): Promise<void> {
  const bytes = await reportDocxBytes(report, generatedOn);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

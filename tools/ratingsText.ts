/** The ratings page as plain text, for the terminal: `rate` and the demo print it. */
import { KeyQuestionFigure, RatingsReport } from '../src/core/report';
import { overallView, ratingDomains } from '../src/report/view';

function keyQuestionText(keyQuestion: KeyQuestionFigure): string {
  if (keyQuestion.qualitative) return 'qualitative';
  if (keyQuestion.error) return 'invalid answer';
  return keyQuestion.percent === null ? 'no Yes/No yet' : `${keyQuestion.percent}%`;
}

/** The ratings page as text, domain by domain: each standard, its rating, its key questions, any panel move. */
export function ratingsPageLines(report: RatingsReport): string[] {
  const width = Math.max(...report.standards.map((figure) => `${figure.standard.id} ${figure.standard.name}`.length));
  const byStandard = new Map(report.standards.map((figure) => [figure.standard.id, figure]));
  const lines: string[] = [];
  for (const domain of ratingDomains(report)) {
    lines.push(domain.heading);
    for (const row of domain.rows) {
      const questions = byStandard.get(row.id)!.keyQuestions.map((keyQuestion) => `${keyQuestion.id} ${keyQuestionText(keyQuestion)}`).join('  ');
      const move = row.panelMove ? `  (${row.panelMove})` : '';
      lines.push(`  ${`${row.id} ${row.name}`.padEnd(width)}  ${row.rating.padEnd(20)}  ${questions}${move}`.trimEnd());
      if (row.error) lines.push(`      ${row.error}`);
    }
  }
  lines.push('', overallView(report).line);
  return lines;
}

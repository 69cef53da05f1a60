/** The ratings page as plain text, for the terminal: `rate` and the demo print it. */
import { KeyQuestionFigure, RatingsReport } from '../src/core/report';

function keyQuestionText(keyQuestion: KeyQuestionFigure): string {
  if (keyQuestion.qualitative) return 'qualitative';
  if (keyQuestion.error) return 'invalid answer';
  return keyQuestion.percent === null ? 'no Yes/No yet' : `${keyQuestion.percent}%`;
}

/** The ratings page as text, domain by domain: each standard, its rating, its key questions, any panel move. */
export function ratingsPageLines(report: RatingsReport): string[] {
  const width = Math.max(...report.standards.map((figure) => `${figure.standard.id} ${figure.standard.name}`.length));
  const byStandard = new Map(report.standards.map((figure) => [figure.standard, figure]));
  const lines: string[] = [];
  for (const domain of report.framework.domains) {
    lines.push(`${domain.id}. ${domain.name}`);
    for (const standard of domain.standards) {
      const figure = byStandard.get(standard)!;
      const questions = figure.keyQuestions.map((keyQuestion) => `${keyQuestion.id} ${keyQuestionText(keyQuestion)}`).join('  ');
      const move = figure.panel?.applied ? `  (panel: ${figure.indicative} → ${figure.rating})` : '';
      const rating = figure.rating ?? 'Error';
      lines.push(`  ${`${standard.id} ${standard.name}`.padEnd(width)}  ${rating.padEnd(20)}  ${questions}${move}`.trimEnd());
      if (figure.error) lines.push(`      ${figure.error}`);
    }
  }
  const { overall } = report;
  const provisional = overall.rated < overall.of ? ` (provisional: ${overall.rated} of ${overall.of} standards rated)` : '';
  lines.push('', overall.error ? `Overall: ${overall.error}` : `Overall: ${overall.score === null ? 'no score yet' : `${overall.score}/${overall.outOf}`}, ${overall.rating}${provisional}`);
  return lines;
}

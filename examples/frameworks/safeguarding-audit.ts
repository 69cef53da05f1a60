/**
 * The README's worked example of a Framework tab: a quality team's safeguarding audit with one
 * judgement standard, three standards rated from cases (two key questions each) and bands of
 * 60/75/90, as a lead inspector would type it. Used by the tests of the parser and of the add-on.
 */
export const SAFEGUARDING_AUDIT: string[][] = [
  ['Id', 'safeguarding-audit'],
  ['Name', 'Safeguarding case audit 2025'],
  ['Band thresholds', '60/75/90'],
  ['Overall bands', 'Per standard'],
  ['Wording', 'Published'],
  ['Source', 'Our quality team, March 2025'],
  [],
  ['Type', 'Id', 'Text', 'Case tab', 'Rated from', 'Counts', 'Qualitative', 'Applies when', 'Values'],
  ['Metadata', '', 'Case ID', 'Audit cases'],
  ['Metadata', '', 'Auditor', 'Audit cases'],
  ['Metadata', '', 'Child protection plan', 'Audit cases', '', '', '', '', 'Yes, No'],
  ['Domain', '1', 'Leadership'],
  ['Standard', '1.1', 'Oversight', '', 'Judgement', 'Yes'],
  ['Domain', '2', 'Casework'],
  ['Standard', '2.1', 'Assessment', 'Audit cases', 'Cases', 'Yes'],
  ['Key question', '2.1.1', 'Is the assessment timely?'],
  ['Prompt', '2.1.1(a)', 'Was it completed within ten working days?'],
  ['Key question', '2.1.2', 'Does it analyse risks to the child?'],
  ['Standard', '2.2', 'Planning', 'Audit cases', 'Cases', 'Yes'],
  ['Key question', '2.2.1', 'Is there a plan?'],
  ['Key question', '2.2.2', 'Does the plan follow the child protection plan?', '', '', '', 'No', 'Child protection plan = Yes'],
  ['Standard', '2.3', 'Review', 'Audit cases', 'Cases', 'Yes'],
  ['Key question', '2.3.1', 'Is the plan reviewed?'],
  ['Key question', '2.3.2', 'Is the review recorded?'],
];

/** The same rows as typed into Sheets, where a leading ' keeps "2.1.1" or "60/75/90" from becoming a number or a date. */
export function typedInSheets(rows: readonly string[][]): string[][] {
  return rows.map((row) => (row[0] === 'Band thresholds' || row[0] === 'Overall bands' ? [row[0], `'${row[1]}`] : row.map((cell, at) => (at === 1 && /^\d/.test(cell) ? `'${cell}` : cell))));
}

/**
 * An eligible population as pasted from a case management system (docs/sampling-and-qa.md): Case ID,
 * gender, type of disposal and risk of serious harm level, in realistic proportions.
 * Deterministic, so the same list is built every time.
 */
export const POPULATION_HEADER = ['Case ID', 'Gender', 'Sentence type', 'Risk of serious harm level'];

const GENDERS = ['Male', 'Male', 'Male', 'Male', 'Male', 'Male', 'Female'];
const SENTENCES = ['Community', 'Community', 'Licence'];
const RISK_LEVELS = ['Low', 'Medium', 'Medium', 'High', 'Medium', 'Low', 'Very high', 'Medium'];

export function eligiblePopulation(cases: number): (string | number)[][] {
  const rows: (string | number)[][] = [POPULATION_HEADER];
  for (let row = 0; row < cases; row += 1) {
    rows.push([
      `P${String(row + 1).padStart(6, '0')}`,
      GENDERS[(row * 5) % GENDERS.length],
      SENTENCES[(row * 7 + Math.floor(row / 11)) % SENTENCES.length],
      RISK_LEVELS[(row * 3 + Math.floor(row / 13)) % RISK_LEVELS.length],
    ]);
  }
  return rows;
}

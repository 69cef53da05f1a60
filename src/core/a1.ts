/** A1 names of cells, for messages and links (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export function cellName(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** The row and column of an A1 cell name ("BZ39" → 39, 78), or undefined for anything else. */
export function cellPosition(name: string): { row: number; column: number } | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(name);
  if (!match) return undefined;
  return { row: Number(match[2]), column: [...match[1]].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) };
}

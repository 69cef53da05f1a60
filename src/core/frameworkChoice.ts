import { cellName } from './a1';
import { quoteText } from './answers';
import { BandThresholds } from './bands';
import { CaseTable, Column, shortHeader } from './caseTable';
import type { DataProblem } from './dataQuality';
import { Framework, KeyQuestion, Standard, standardsOf } from './framework';
import { FRAMEWORKS, knownFrameworks } from './frameworks';
import { countedKeyQuestions } from './standards';

/**
 * Which framework a case table follows, from the table alone (custom functions see only their
 * arguments). New inspection writes a header `Framework: yj-2018` in each case tab's header row,
 * so the choice is explicit and travels with every cases range; a hand-made tab without one is
 * matched by its key-question ids, and only where that would be a guess is it an error.
 */

/** What a `Framework: …` header says: the framework id and, for a framework defined on a Framework tab, its settings. */
export interface FrameworkMarker {
  id: string;
  /** `bands 60/75/90`: the band thresholds (R4). */
  thresholds?: BandThresholds;
  /** `key questions 2.1.1-3, 2.2.1`: every counted key question of the case-based standards (R13). */
  keyQuestions?: string[];
  /** `qualitative 4.1.3, 4.2.3`: the key questions rated without case data (R7). */
  qualitative?: string[];
}

const MARKER = /^framework\s*:\s*([\s\S]*)$/i;

/**
 * The marker header New inspection writes: settings only for a framework that is not built in (the
 * bundle has those): its bands, and (R13) the key questions each case-based standard expects, so a
 * function over any range knows a deleted or mistyped column from a framework without it.
 */
export function markerHeader(framework: Framework): string {
  if (FRAMEWORKS.some((builtIn) => builtIn.id === framework.id)) return `Framework: ${framework.id}`;
  const caseBased = standardsOf(framework).filter((standard) => standard.kind === 'caseBased');
  const ids = (qualitative: boolean) => caseBased.flatMap((standard) => standard.keyQuestions.filter((keyQuestion) => keyQuestion.qualitative === qualitative).map((keyQuestion) => keyQuestion.id));
  const qualitative = ids(true);
  // A workbook-defined framework always states its bands, so its marker is never read as a mistyped built-in id.
  return [
    `Framework: ${framework.id}`,
    `bands ${framework.thresholds.join('/')}`,
    ...(ids(false).length > 0 ? [`key questions ${idRanges(ids(false))}`] : []),
    ...(qualitative.length > 0 ? [`qualitative ${qualitative.join(', ')}`] : []),
  ].join('; ');
}

/**
 * How a case tab's `Framework:` header differs from the framework the workbook's Framework tab
 * defines now, a phrase each (bands, key questions, qualitative ones, a repeated id); none for a
 * built-in framework, whose header carries no settings. The functions over the tab follow the header,
 * the sidebar and the report follow the Framework tab: while these differ, they disagree.
 */
export function markerDifferences(header: string, framework: Framework): string[] {
  if (FRAMEWORKS.some((builtIn) => builtIn.id === framework.id)) return [];
  let marker: FrameworkMarker;
  try {
    marker = parseMarker(header);
  } catch (error) {
    return [(error as Error).message];
  }
  const expected = parseMarker(markerHeader(framework));
  const differences: string[] = [];
  if (marker.id !== expected.id) differences.push(`it names ${quoteText(marker.id)}, the Framework tab ${expected.id}`);
  if (String(marker.thresholds) !== String(expected.thresholds)) {
    differences.push(`its bands are ${marker.thresholds ? marker.thresholds.join('/') : 'missing'}, the Framework tab's ${expected.thresholds!.join('/')}`);
  }
  for (const [what, have, want] of [
    ['key question', marker.keyQuestions ?? [], expected.keyQuestions ?? []],
    ['qualitative key question', marker.qualitative ?? [], expected.qualitative ?? []],
  ] as const) {
    const repeated = have.filter((id, index) => have.indexOf(id) !== index);
    const missing = want.filter((id) => !have.includes(id));
    const extra = have.filter((id) => !want.includes(id));
    if (repeated.length > 0) differences.push(`it lists ${what} ${[...new Set(repeated)].join(', ')} twice`);
    if (missing.length > 0) differences.push(`the Framework tab has ${what}${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which it does not list`);
    if (extra.length > 0) differences.push(`it lists ${what}${extra.length === 1 ? '' : 's'} ${extra.join(', ')}, which the Framework tab does not have`);
  }
  return differences;
}

/**
 * docs/frameworks.md: each case tab whose `Framework:` header differs from the Framework tab, as a
 * problem at the header's cell naming both and the fix. It blocks the ratings: the Ratings tab's
 * formulas (which follow the header) and the sidebar and report (which follow the tab) disagree.
 */
export function markerProblems(caseTabs: ReadonlyArray<{ name: string; header: readonly unknown[] }>, framework: Framework, frameworkTab = 'Framework'): DataProblem[] {
  return caseTabs.flatMap(({ name, header }) => {
    const index = header.findIndex((cell) => typeof cell === 'string' && isMarker(cell));
    if (index < 0) return [];
    const text = String(header[index]);
    const differences = markerDifferences(text, framework);
    if (differences.length === 0) return [];
    const cell = cellName(1, index + 1);
    return [{
      tab: name, row: 1, column: index + 1, cell, header: shortHeader(text), value: quoteText(text), kind: 'framework' as const,
      message:
        `${quoteText(name)}!${cell}: the "Framework:" header differs from the ${quoteText(frameworkTab)} tab: ${differences.join('; ')}. ` +
        `The Ratings tab's formulas follow the header, the sidebar and the report the ${quoteText(frameworkTab)} tab, so they would disagree. ` +
        'Run New inspection to write the header from the Framework tab again; no case data is changed.',
    }];
  });
}

/** "2.1.1-3, 2.2.1": consecutive key questions of a standard as one range, so a large framework fits a cell. */
function idRanges(ids: readonly string[]): string {
  const runs: Array<{ standard: string; from: number; to: number }> = [];
  for (const id of ids) {
    const [standard, number] = [id.slice(0, id.lastIndexOf('.')), Number(id.slice(id.lastIndexOf('.') + 1))];
    const last = runs[runs.length - 1];
    if (last && last.standard === standard && last.to + 1 === number) last.to = number;
    else runs.push({ standard, from: number, to: number });
  }
  return runs.map((run) => `${run.standard}.${run.from}${run.to > run.from ? `-${run.to}` : ''}`).join(', ');
}

/** The ids of "2.1.1-3, 2.2.1", or the first part that is not an id or a range of them. */
function readIdRanges(text: string): { ids: string[] } | { bad: string } {
  const ids: string[] = [];
  for (const part of text.split(',').map((piece) => piece.trim()).filter((piece) => piece !== '')) {
    const range = /^(\d+\.\d+)\.(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!range || (range[3] !== undefined && Number(range[3]) < Number(range[2])) || (range[3] !== undefined && Number(range[3]) - Number(range[2]) > 1000)) return { bad: part };
    for (let number = Number(range[2]); number <= Number(range[3] ?? range[2]); number += 1) ids.push(`${range[1]}.${number}`);
  }
  return { ids };
}

/** The cell note on the marker header: what it is and how to change it. */
export function markerNote(framework: Framework): string {
  return (
    `The framework this tab is rated by: ${framework.name} (${framework.id}). Every rating formula over this tab reads it from here. ` +
    'To change it, run New inspection and choose the framework; editing this header by hand re-rates every formula over the tab.'
  );
}

/** Whether a header is a framework marker. */
export function isMarker(header: string): boolean {
  return MARKER.test(header.trim());
}

/** Reads a `Framework: id; bands 60/75/90; key questions 2.1.1-3; qualitative 4.1.3` header; an unreadable setting is an error saying how to write it. */
export function parseMarker(header: string): FrameworkMarker {
  const shown = quoteText(header.trim());
  const match = MARKER.exec(header.trim());
  if (!match) throw new Error(`"${shown}" is not a framework header; write "Framework: " and the framework's id, e.g. "Framework: crc-2018".`);
  const [id, ...settings] = match[1].split(';').map((part) => part.trim());
  if (!id) throw new Error(`The header "${shown}" names no framework; write its id after "Framework: ", e.g. "Framework: crc-2018".`);
  const marker: FrameworkMarker = { id };
  for (const setting of settings.filter((part) => part !== '')) {
    const bands = /^bands\s+(\d+)\s*\/\s*(\d+)\s*\/\s*(\d+)$/i.exec(setting);
    const list = /^(qualitative|key\s+questions)\s+([\s\S]+)$/i.exec(setting);
    if (bands) {
      const thresholds = [Number(bands[1]), Number(bands[2]), Number(bands[3])] as const;
      if (!(thresholds[0] >= 1 && thresholds[0] < thresholds[1] && thresholds[1] < thresholds[2] && thresholds[2] <= 100)) {
        throw new Error(`The header "${shown}": bands ${thresholds.join('/')} must be three whole percentages from 1 to 100, each above the one before (e.g. bands 50/65/80).`);
      }
      marker.thresholds = thresholds;
    } else if (list) {
      const read = readIdRanges(list[2]);
      const qualitative = /^qualitative$/i.test(list[1]);
      if ('bad' in read) throw new Error(`The header "${shown}": "${quoteText(read.bad)}" is not a key question id${qualitative ? '' : ' or range'} (e.g. "${qualitative ? 'qualitative 4.1.3' : 'key questions 2.1.1-3, 2.2.1'}").`);
      if (qualitative) marker.qualitative = read.ids;
      else marker.keyQuestions = read.ids;
    } else {
      throw new Error(`The header "${shown}": "${quoteText(setting)}" is not a setting. Write "bands 60/75/90", "key questions 2.1.1-3" or "qualitative 4.1.3", separated by ";".`);
    }
  }
  return marker;
}

/**
 * The framework a case table follows (R11 errors where it cannot tell):
 * - a `Framework:` header names it (a built-in by id, or one defined on a Framework tab by its settings);
 * - otherwise, among the built-in frameworks that have every key-question column of the table (and
 *   every counted key question of the standards it has columns for), the one its header wording
 *   matches, or the first, as long as they all rate those standards alike; where they would differ,
 *   an error asks for the marker.
 */
export function frameworkForTable(table: CaseTable, frameworks: readonly Framework[] = FRAMEWORKS): Framework {
  const markers = table.columns.filter((column) => column.kind === 'metadata' && isMarker(column.header));
  if (markers.length > 1) {
    throw new Error(`The header row has ${markers.length} framework columns (${markers.slice(0, 5).map((column) => `"${shortHeader(column.header)}"`).join(', ')}): keep one, so the tab is rated by one framework.`);
  }
  if (markers.length === 1) return frameworkOfMarker(table, parseMarker(markers[0].header), frameworks);
  return frameworkByColumns(table, frameworks);
}

function frameworkOfMarker(table: CaseTable, marker: FrameworkMarker, frameworks: readonly Framework[]): Framework {
  const id = quoteText(marker.id);
  const builtIn = frameworks.find((framework) => framework.id === marker.id);
  if (builtIn) {
    if (marker.thresholds || marker.qualitative || marker.keyQuestions) {
      throw new Error(`The header "Framework: ${id}; …" gives settings, but ${id} is a built-in framework whose settings are fixed: make the header "Framework: ${id}", or give a framework of your own a new id.`);
    }
    return builtIn;
  }
  if (!marker.thresholds) {
    throw new Error(
      `Unknown framework "${id}" in the header "Framework: ${id}". ${knownFrameworks(frameworks)} ` +
        'For a framework defined on a Framework tab, run New inspection from that tab, which writes its settings into this header (e.g. "Framework: my-audit; bands 50/65/80; key questions 2.1.1-3").',
    );
  }
  if (!marker.keyQuestions || marker.keyQuestions.length === 0) {
    throw new Error(
      `The header "Framework: ${id}; …" does not list the key questions its standards expect, so a missing column could not be told from one the framework lacks (R13). ` +
        'Run New inspection, which writes them into the header (e.g. "key questions 2.1.1-3, 2.2.1").',
    );
  }
  return frameworkFromMarker(table, { ...marker, keyQuestions: marker.keyQuestions }, marker.thresholds);
}

/** The standard a key question id belongs to: "2.1" of "2.1.3". */
function standardIdOf(keyQuestionId: string): string {
  return keyQuestionId.split('.').slice(0, 2).join('.');
}

/**
 * A framework defined on a workbook's Framework tab, as far as the functions need it (R13): the
 * marker's key questions, grouped by the standard their id starts with, each with its wording and
 * prompts from the table's headers where it has a column (a missing one is then a missing-column
 * error, and a column the marker does not list is never counted); the qualitative key questions,
 * each of a standard the marker lists; and the marker's bands.
 */
function frameworkFromMarker(table: CaseTable, marker: FrameworkMarker & { keyQuestions: string[] }, thresholds: BandThresholds): Framework {
  const standards = new Map<string, Standard>();
  for (const id of marker.keyQuestions) {
    const standardId = standardIdOf(id);
    let standard = standards.get(standardId);
    if (!standard) {
      standard = { id: standardId, name: `(${marker.id})`, statement: '', kind: 'caseBased', keyQuestions: [], counts: true };
      standards.set(standardId, standard);
    }
    if (standard.keyQuestions.some((keyQuestion) => keyQuestion.id === id)) throw new Error(`The header "Framework: ${quoteText(marker.id)}; …" lists key question ${id} twice: run New inspection to rewrite it.`);
    standard.keyQuestions.push({ id, text: table.answerColumns.get(id)?.text ?? '', qualitative: false, prompts: promptsOf(table, id) });
  }
  for (const id of marker.qualitative ?? []) {
    const standard = standards.get(standardIdOf(id));
    if (!standard || standard.keyQuestions.some((keyQuestion) => keyQuestion.id === id)) {
      throw new Error(
        `The header "Framework: ${quoteText(marker.id)}; …" makes ${id} qualitative, but ${standard ? `${id} is also a counted key question` : `it names no standard with counted key questions (${[...standards.keys()].join(', ')})`}. ` +
          'A qualitative key question belongs to a standard rated from cases: run New inspection to rewrite the header from the Framework tab.',
      );
    }
    standard.keyQuestions.push({ id, text: '', qualitative: true, prompts: [] });
  }
  const domains = new Map<string, Standard[]>();
  for (const standard of standards.values()) {
    const domain = standard.id.split('.')[0];
    domains.set(domain, [...(domains.get(domain) ?? []), standard]);
  }
  return {
    id: marker.id,
    name: marker.id,
    source: { wording: 'published', note: 'Defined on the workbook\'s Framework tab.' },
    domains: [...domains].map(([id, list]) => ({ id, name: '', standards: list })),
    caseTabs: [],
    thresholds,
    overall: { rule: 'perStandard' },
  };
}

function promptsOf(table: CaseTable, keyQuestionId: string): KeyQuestion['prompts'] {
  return table.columns
    .filter((column) => column.kind === 'prompt' && column.id.startsWith(`${keyQuestionId}(`))
    .map((column) => ({ id: column.id, text: column.text }));
}

function frameworkByColumns(table: CaseTable, frameworks: readonly Framework[]): Framework {
  const keyQuestionColumns = table.columns.filter((column) => column.kind === 'keyQuestion');
  const hasAll = frameworks.filter((framework) => {
    const ids = new Set(standardsOf(framework).flatMap((standard) => standard.keyQuestions.map((keyQuestion) => keyQuestion.id)));
    return keyQuestionColumns.every((column) => ids.has(column.id));
  });
  if (hasAll.length === 0) {
    const unknown = keyQuestionColumns.filter((column) => !frameworks.some((framework) => standardsOf(framework).some((standard) => standard.keyQuestions.some((keyQuestion) => keyQuestion.id === column.id))));
    const which = unknown.length > 0 ? `no framework has key question${unknown.length === 1 ? '' : 's'} ${unknown.map((column) => column.id).join(', ')}` : 'no one framework has all of its key questions';
    throw new Error(
      `The cases range fits no framework: ${which}. ${knownFrameworks(frameworks)} ` +
        'Check the ids in the header row, or add a column headed "Framework: " and the id of the framework the tab follows.',
    );
  }
  // A framework that would miss a counted column of a standard the table has cannot rate it; prefer those that can.
  const complete = hasAll.filter((framework) => presentStandards(table, framework).every((standard) => ratable(table, standard)));
  const candidates = complete.length > 0 ? complete : hasAll;
  const first = candidates[0];
  const differing = candidates.filter((framework) => !ratesAlike(table, first, framework));
  if (differing.length > 0) {
    const ids = [first, ...differing].map((framework) => framework.id);
    throw new Error(
      `These columns fit more than one framework (${ids.join(', ')}), which rate them differently. Add a column headed "Framework: ${ids[0]}" (or the one you use) to the header row, ` +
        'or run New inspection and choose the framework, so the ratings are never guessed.',
    );
  }
  return candidates.find((framework) => wordingMatches(keyQuestionColumns, framework)) ?? first;
}

/** The case-based standards of a framework that the table has a key-question column for. */
function presentStandards(table: CaseTable, framework: Framework): Standard[] {
  return standardsOf(framework).filter((standard) => standard.keyQuestions.some((keyQuestion) => table.answerColumns.has(keyQuestion.id)));
}

/** Whether the table has a column for every counted key question of a standard, so that it can be rated. */
function ratable(table: CaseTable, standard: Standard): boolean {
  return countedKeyQuestions(standard).every((keyQuestion) => table.answerColumns.has(keyQuestion.id));
}

/**
 * Whether two frameworks give the same answers for the standards the table can be rated on by
 * either (a standard it has only some columns for is a missing-column error by both).
 */
function ratesAlike(table: CaseTable, a: Framework, b: Framework): boolean {
  if (a.thresholds.join('/') !== b.thresholds.join('/')) return false;
  const shape = (standard: Standard | undefined) =>
    standard ? `${standard.kind}:${standard.keyQuestions.map((keyQuestion) => `${keyQuestion.id}${keyQuestion.qualitative ? 'q' : ''}`).join(',')}` : 'none';
  const rated = [...presentStandards(table, a), ...presentStandards(table, b)].filter((standard) => ratable(table, standard));
  const byId = (framework: Framework, id: string) => standardsOf(framework).find((standard) => standard.id === id);
  return rated.every(({ id }) => shape(byId(a, id)) === shape(byId(b, id)));
}

/** Whether every key-question header that carries wording has this framework's wording (spacing and case aside). */
function wordingMatches(columns: readonly Column[], framework: Framework): boolean {
  const worded = columns.filter((column) => column.text !== '');
  if (worded.length === 0) return false;
  const texts = new Map(standardsOf(framework).flatMap((standard) => standard.keyQuestions.map((keyQuestion) => [keyQuestion.id, normalise(keyQuestion.text)] as const)));
  return worded.every((column) => texts.get(column.id) === normalise(column.text));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

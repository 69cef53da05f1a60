import { readHeader } from './caseTable';
import { Framework } from './framework';
import { isMarker, parseMarker } from './frameworkChoice';
import { FrameworkTabProblem, parseFrameworkTab } from './frameworkTab';
import { DEFAULT_FRAMEWORK, FRAMEWORKS, knownFrameworks } from './frameworks';
import { CaseTabLayout, caseTabLayouts } from './workbook';

/**
 * One reading of a workbook, shared by the add-on and the command-line tools: which framework it
 * follows and which of its tabs are the case tabs. Pure over a tiny reader, so the add-on adapts
 * SpreadsheetApp to it and the tools adapt an .xlsx file, and both give the same answer.
 */

/** What the model needs of a workbook. */
export interface WorkbookReader {
  /** The tabs' names, in the workbook's order. */
  tabNames(): readonly string[];
  /** A tab's first row (its header); empty for an empty tab. */
  header(tab: string): readonly unknown[];
  /** A tab's values, row 1 first. */
  values(tab: string): unknown[][];
  /** The role the add-on marked a tab with, where the reader can see one (Sheets' developer metadata; an .xlsx keeps none). */
  role?(tab: string): string | undefined;
}

/** The name of the tab a lead inspector defines a framework on. */
export const FRAMEWORK_TAB = 'Framework';

/** The name Quality check gives the QA tab of a case tab. */
export function qaTabName(caseTab: string): string {
  return `QA ${caseTab}`;
}

/** A QA tab (a quality lead's re-marking): marked so by the add-on, or named like one; never a case tab. */
export function isQaTab(reader: WorkbookReader, tab: string): boolean {
  return reader.role?.(tab) === 'qa' || /^QA\s/.test(tab);
}

/** A tab that may hold cases: not one of the add-on's other tabs (summaries, Panel, QA…) and not named like a QA tab. */
function mayHoldCases(reader: WorkbookReader, tab: string): boolean {
  const role = reader.role?.(tab);
  return (role === undefined || role === 'case') && !isQaTab(reader, tab);
}

/** The Framework tab: the one the add-on marked, else the tab named Framework (any case, spaces aside). */
export function frameworkTabOf(reader: WorkbookReader): string | undefined {
  const names = reader.tabNames();
  return names.find((name) => reader.role?.(name) === 'framework') ?? names.find((name) => name.trim().toLowerCase() === FRAMEWORK_TAB.toLowerCase());
}

/** A `Framework:` header found on a tab: the id it names, its 1-based column and its text. */
export interface FoundMarker {
  tab: string;
  id: string;
  column: number;
  header: string;
}

/** The `Framework:` header of a header row, if it has one. */
export function markerIn(tab: string, header: readonly unknown[]): FoundMarker | undefined {
  const index = header.findIndex((cell) => typeof cell === 'string' && isMarker(cell));
  if (index < 0) return undefined;
  const text = String(header[index]);
  return { tab, id: parseMarker(text).id, column: index + 1, header: text };
}

/**
 * The framework id the case tabs' `Framework:` headers name (undefined when none has one); an
 * error naming the tabs where they name different frameworks.
 */
export function markedFrameworkId(reader: WorkbookReader): string | undefined {
  const byId = new Map<string, string[]>();
  for (const tab of reader.tabNames()) {
    const marker = mayHoldCases(reader, tab) ? markerIn(tab, reader.header(tab)) : undefined;
    if (marker) byId.set(marker.id, [...(byId.get(marker.id) ?? []), tab]);
  }
  if (byId.size > 1) {
    const which = [...byId].map(([id, names]) => `${names.join(', ')} ${names.length === 1 ? 'follows' : 'follow'} ${id}`).join('; ');
    throw new Error(`The case tabs follow different frameworks (${which}). Make their "Framework:" headers the same, or keep each inspection in its own workbook.`);
  }
  return [...byId.keys()][0];
}

/** The workbook's framework as far as it can be read, and the Framework tab's problems. */
export interface FrameworkChoice {
  framework: Framework;
  /** The Framework tab's problems where it is needed and cannot be read (then `framework` is the default, standing in). */
  problems: FrameworkTabProblem[];
  /** The Framework tab's name, where the workbook has one. */
  frameworkTab?: string;
  /** Whether the framework is (or, once its problems are put right, will be) the Framework tab's. */
  fromFrameworkTab: boolean;
  /** What decided: the case tabs' `Framework:` headers, the Framework tab, the case tabs' names and columns, or nothing (the default). */
  decidedBy: 'marker' | 'frameworkTab' | 'caseTabs' | 'default';
}

/**
 * The one rule for a workbook's framework (docs/method.md's frameworks; the add-on, rate, aggregate
 * and preview all use it):
 * 1. the `Framework:` header of its case tabs — they must agree, or it is an error naming them:
 *    a built-in by id, else the framework its Framework tab defines (which must have that id);
 * 2. without one, the framework its Framework tab defines;
 * 3. without either, the built-in whose case tabs it has (named as that framework's case tabs, with
 *    at least one of their key-question columns), the most such tabs, the first listed on a tie;
 * 4. else the default (CRC 2018), which New inspection then lays out.
 */
export function chooseFramework(reader: WorkbookReader): FrameworkChoice {
  const id = markedFrameworkId(reader);
  const frameworkTab = frameworkTabOf(reader);
  const tabPart = frameworkTab === undefined ? {} : { frameworkTab };
  const builtIn = id === undefined ? undefined : FRAMEWORKS.find((framework) => framework.id === id);
  if (builtIn) return { framework: builtIn, problems: [], ...tabPart, fromFrameworkTab: false, decidedBy: 'marker' };
  if (id === undefined && frameworkTab === undefined) {
    const ranked = FRAMEWORKS.map((framework) => ({ framework, tabs: caseTabsByName(reader, framework).length })).filter((candidate) => candidate.tabs > 0);
    const best = ranked.reduce<(typeof ranked)[number] | undefined>((top, candidate) => (top === undefined || candidate.tabs > top.tabs ? candidate : top), undefined);
    return { framework: best?.framework ?? DEFAULT_FRAMEWORK, problems: [], fromFrameworkTab: false, decidedBy: best ? 'caseTabs' : 'default' };
  }
  if (frameworkTab === undefined) {
    throw new Error(`The case tabs follow the framework "${id}", which is not built in and has no Framework tab here. ${knownFrameworks()}`);
  }
  const { framework, problems } = parseFrameworkTab(reader.values(frameworkTab), frameworkTab);
  if (framework && id !== undefined && framework.id !== id) {
    throw new Error(`The case tabs follow "${id}" but the ${frameworkTab} tab defines "${framework.id}": make the Framework tab's Id "${id}" again, or set the new framework up in a new workbook.`);
  }
  return { framework: framework ?? DEFAULT_FRAMEWORK, problems, frameworkTab, fromFrameworkTab: true, decidedBy: id === undefined ? 'frameworkTab' : 'marker' };
}

/** The key-question ids a layout's header row has, in order. */
export function layoutKeyQuestionIds(layout: Pick<CaseTabLayout, 'headers'>): string[] {
  return layout.headers.map((header, index) => readHeader(header, index)).filter((column) => column.kind === 'keyQuestion').map((column) => column.id);
}

/** The key-question ids a header row has. */
function keyQuestionIdsIn(header: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  header.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const column = readHeader(cell, index);
    if (column.kind === 'keyQuestion') ids.add(column.id);
  });
  return ids;
}

/** The framework's case tabs present under their own names, each with at least one of its key-question columns. */
function caseTabsByName(reader: WorkbookReader, framework: Framework): string[] {
  const names = new Set(reader.tabNames());
  return caseTabLayouts(framework).flatMap((layout) => {
    if (!names.has(layout.name) || !mayHoldCases(reader, layout.name)) return [];
    const ids = keyQuestionIdsIn(reader.header(layout.name));
    return layoutKeyQuestionIds(layout).some((id) => ids.has(id)) ? [layout.name] : [];
  });
}

/** A case tab as found: the framework's name for it (its layout) and the tab's name now. */
export interface FoundCaseTab {
  layout: CaseTabLayout;
  /** The tab's name now: the layout's, or a user's new name for it. */
  tab: string;
}

/**
 * The framework's case tabs, each found once: the tab of the layout's name with at least one of its
 * key-question columns (or the add-on's mark as a case tab), or a tab of another name (renamed) with every one of them. Two tabs that
 * both fit one layout (a "Copy of Case supervision") are an error naming both, never a guess; QA
 * tabs and the add-on's other tabs are never case tabs.
 */
export function findCaseTabs(reader: WorkbookReader, framework: Framework): FoundCaseTab[] {
  return caseTabLayouts(framework).flatMap((layout) => {
    const tab = findCaseTab(reader, layout);
    return tab === undefined ? [] : [{ layout, tab }];
  });
}

/** Every built-in framework's case tab names. */
const CASE_TAB_NAMES = new Set(FRAMEWORKS.flatMap((framework) => framework.caseTabs.map((tab) => tab.name)));

/** The tab holding a layout's cases (see findCaseTabs), or undefined; an error naming both where two fit. */
export function findCaseTab(reader: WorkbookReader, layout: CaseTabLayout): string | undefined {
  const wanted = layoutKeyQuestionIds(layout);
  const fits = reader.tabNames().filter((tab) => {
    if (!mayHoldCases(reader, tab)) return false;
    const ids = keyQuestionIdsIn(reader.header(tab));
    // A tab the add-on marked as a case tab keeps its name's layout even with its header row cleared (then read as an error).
    if (tab === layout.name) return reader.role?.(tab) === 'case' || wanted.some((id) => ids.has(id));
    // A tab named as another case tab (of any framework: youth and CRC share key-question ids) is that tab, never a renamed one.
    return !CASE_TAB_NAMES.has(tab) && wanted.length > 0 && wanted.every((id) => ids.has(id));
  });
  if (fits.length > 1) {
    throw new Error(
      `The tabs "${fits[0]}" and "${fits[1]}" both hold the key-question columns of ${layout.name}, so which one holds the cases would be a guess. ` +
        'Rename or delete the copy (or move it to another workbook), so that one tab holds them.',
    );
  }
  return fits[0];
}

/**
 * A tab holding another framework's cases (named as one of its case tabs with its key-question
 * columns) that is none of this framework's case tabs: rating the workbook without it would
 * silently leave its cases out, so it is an error naming the tab and both frameworks.
 */
export function refuseOtherFrameworkTabs(reader: WorkbookReader, framework: Framework, found: readonly FoundCaseTab[]): void {
  const ours = new Set(found.map((caseTab) => caseTab.tab));
  for (const other of FRAMEWORKS) {
    if (other.id === framework.id) continue;
    const stray = caseTabsByName(reader, other).find((tab) => !ours.has(tab) && !caseTabLayouts(framework).some((layout) => layout.name === tab));
    if (stray) {
      throw new Error(
        `The tab "${stray}" holds ${other.name} (${other.id}) cases, but this workbook follows ${framework.name} (${framework.id}), so they would not be rated. ` +
          'Keep each inspection in its own workbook (move the tab to a new one).',
      );
    }
  }
}

/** A workbook read once: its framework and its case tabs. */
export interface WorkbookModel extends FrameworkChoice {
  caseTabs: FoundCaseTab[];
}

/** The whole reading: the framework (chooseFramework), its case tabs (findCaseTabs), refusing another framework's case tab. */
export function readWorkbookModel(reader: WorkbookReader): WorkbookModel {
  const choice = chooseFramework(reader);
  const caseTabs = findCaseTabs(reader, choice.framework);
  refuseOtherFrameworkTabs(reader, choice.framework, caseTabs);
  return { ...choice, caseTabs };
}

/** A reader over values already in memory (tests, and tools that hold the values). */
export function valuesReader(tabs: ReadonlyMap<string, unknown[][]>, roles: ReadonlyMap<string, string> = new Map()): WorkbookReader {
  return {
    tabNames: () => [...tabs.keys()],
    header: (tab) => tabs.get(tab)?.[0] ?? [],
    values: (tab) => tabs.get(tab) ?? [],
    role: (tab) => roles.get(tab),
  };
}

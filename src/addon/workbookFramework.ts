import { DataProblem } from '../core/dataQuality';
import { Framework } from '../core/framework';
import { FrameworkTabProblem } from '../core/frameworkTab';
import { chooseFramework } from '../core/workbookModel';
import { activeSpreadsheet, Tabs, tabsByName } from './ownTabs';
import { sheetsReader } from './workbookReader';

/** The workbook's framework as far as it can be read, and the Framework tab's problems (listed like data problems). */
export interface WorkbookChoice {
  framework: Framework;
  problems: DataProblem[];
  /** Whether the workbook has a Framework tab (a lead inspector's own framework). */
  hasFrameworkTab: boolean;
  /** Whether the framework is (or, once its problems are put right, will be) the Framework tab's. */
  fromFrameworkTab: boolean;
}

/**
 * The framework this workbook follows, by the workbook model's one rule (chooseFramework in
 * src/core/workbookModel.ts, which the command-line tools use too). Where the Framework tab is
 * needed and has problems, the default stands in and the problems say why.
 */
export function workbookChoice(tabs: Tabs): WorkbookChoice {
  const choice = chooseFramework(sheetsReader(tabs));
  return { framework: choice.framework, problems: choice.problems.map(asDataProblem), hasFrameworkTab: choice.frameworkTab !== undefined, fromFrameworkTab: choice.fromFrameworkTab };
}

/** A Framework tab problem listed like a data problem. */
export function asDataProblem(problem: FrameworkTabProblem): DataProblem {
  return { ...problem, header: 'Framework tab', value: '', kind: 'framework' };
}

/** The workbook's framework (see workbookChoice); an error naming the first problems where its Framework tab has any. */
export function workbookFramework(tabs: Tabs = tabsByName(activeSpreadsheet())): Framework {
  const choice = workbookChoice(tabs);
  if (choice.problems.length > 0) throw frameworkTabError(choice.problems);
  return choice.framework;
}

/** The error for a Framework tab that cannot be read: how many problems, the first few. */
export function frameworkTabError(problems: readonly DataProblem[]): Error {
  const first = problems.slice(0, 3).map((problem) => problem.message);
  const more = problems.length > first.length ? ` (and ${problems.length - first.length} more, listed in the sidebar)` : '';
  return new Error(`The Framework tab has ${problems.length} problem${problems.length === 1 ? '' : 's'}, so New inspection built nothing: ${first.join(' ')}${more}`);
}

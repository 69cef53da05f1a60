/**
 * One cap for every list a person is shown or a server call returns (the sidebar's data problems
 * and boundary cases, the report model the sidebar fetches, the Word report's problems, evidence
 * notes and sub-sample groups): the first LIST_CAP items, and a count of the rest ("and 12 more").
 * It keeps every reply well under a megabyte however many rows a workbook has, and says so when
 * something is left out.
 */
import type { EvidenceNote, KeyQuestionFigure, RatingsReport, StandardFigure, SubSampleFigure } from './report';

export const LIST_CAP = 50;

export interface Capped<T> {
  listed: T[];
  /** How many items were left out. */
  more: number;
}

/** The first LIST_CAP items (after any `alreadyLeftOut` upstream) and how many are left out in all. */
export function capList<T>(items: readonly T[], alreadyLeftOut = 0): Capped<T> {
  const listed = items.length > LIST_CAP ? items.slice(0, LIST_CAP) : [...items];
  return { listed, more: items.length - listed.length + alreadyLeftOut };
}

/** "and 1,234 more", or '' when nothing was left out. */
export function andMore(more: number): string {
  return more > 0 ? `and ${more.toLocaleString('en-GB')} more` : '';
}

/** A standard's notes of one kind (strengths or improvements), key question by key question, capped as one list. */
function capNotes(figure: StandardFigure, kind: 'strengths' | 'improvements'): { keyQuestions: KeyQuestionFigure[]; more: number } {
  let room = LIST_CAP;
  let more = 0;
  const keyQuestions = figure.keyQuestions.map((keyQuestion) => {
    const notes: EvidenceNote[] = keyQuestion[kind];
    const kept = notes.slice(0, Math.max(room, 0));
    room -= kept.length;
    more += notes.length - kept.length;
    return kept.length === notes.length ? keyQuestion : { ...keyQuestion, [kind]: kept };
  });
  return { keyQuestions, more };
}

function boundedStandard(figure: StandardFigure): StandardFigure {
  const strengths = capNotes(figure, 'strengths');
  const improvements = capNotes({ ...figure, keyQuestions: strengths.keyQuestions }, 'improvements');
  if (strengths.more === 0 && improvements.more === 0) return figure;
  return {
    ...figure,
    keyQuestions: improvements.keyQuestions,
    strengthsNotListed: strengths.more + (figure.strengthsNotListed ?? 0),
    improvementsNotListed: improvements.more + (figure.improvementsNotListed ?? 0),
  };
}

function boundedSplit(split: SubSampleFigure): SubSampleFigure {
  const groups = capList(split.groups, split.groupsNotListed);
  return groups.more === 0 ? split : { ...split, groups: groups.listed, groupsNotListed: groups.more };
}

/**
 * The report model as a server call returns it: each list capped at LIST_CAP with a count of the
 * rest, which the Word report prints ("and N more"), so it reads the same as one made from the whole model.
 */
export function boundedReport(report: RatingsReport): RatingsReport {
  return {
    ...report,
    standards: report.standards.map(boundedStandard),
    subSamples: report.subSamples.map(boundedSplit),
    problems: capList(report.problems).listed,
  };
}

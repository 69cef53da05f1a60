import { asText } from './cells';
import { protectWholeTab } from './formats';
import { appendRows } from './ownTab';
import { findTab, markOwn, Tabs } from './ownTabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The panel's record (R6): every judgement recorded, changed or cleared, one row each, never rewritten. */
export const PANEL_LOG_HEADER = ['Standard', 'Name', 'From', 'To', 'Rationale', 'When', 'By'];
const PANEL_LOG_NAME = 'Panel log';
const NO_MOVE = '(no panel rating)';

export interface PanelLogEntry {
  standardId: string;
  name: string;
  /** The panel rating before and after; blank for none. */
  from: string;
  to: string;
  /** The rationale of the new judgement, or of the one cleared, so clearing never loses it. */
  rationale: string;
  /** Who recorded it: the name typed in the panel form (see recordedBy). */
  by: string;
}

const RECORDED_BY_PROPERTY = 'panelRecordedBy';

/**
 * Who records panel judgements, as this user typed it in the panel form (remembered per user).
 * Not Session.getActiveUser(): its email needs the userinfo.email scope, and Sheets still gives a
 * blank for people outside the owner's domain; a typed name needs no scope and is never blank by accident.
 */
export function recordedBy(typed?: string): string {
  const properties = PropertiesService.getUserProperties();
  const name = (typed ?? '').trim().slice(0, MAX_NAME);
  if (name !== '') {
    if (name !== properties.getProperty(RECORDED_BY_PROPERTY)) properties.setProperty(RECORDED_BY_PROPERTY, name);
    return name;
  }
  return properties.getProperty(RECORDED_BY_PROPERTY) ?? '';
}

const MAX_NAME = 200;

/** The log tab, found by role (a user may rename it), or made with a free name the first time. */
function logSheet(spreadsheet: Spreadsheet, tabs: Tabs): Sheet {
  const existing = findTab(tabs, 'panelLog', PANEL_LOG_NAME);
  if (existing?.role === 'panelLog') return existing.sheet;
  let name = PANEL_LOG_NAME;
  for (let suffix = 2; tabs.has(name); suffix += 1) name = `${PANEL_LOG_NAME} ${suffix}`;
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  markOwn(sheet, 'panelLog');
  tabs.set(name, { sheet, role: 'panelLog' });
  sheet.getRange(1, 1, 1, PANEL_LOG_HEADER.length).setValues([PANEL_LOG_HEADER.map(asText)]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  protectWholeTab(sheet, 'The panel log');
  return sheet;
}

/** Appends one entry to the panel log, in one write. */
export function appendPanelLog(spreadsheet: Spreadsheet, tabs: Tabs, entry: PanelLogEntry): void {
  const sheet = logSheet(spreadsheet, tabs);
  const cells = [entry.standardId, entry.name, entry.from || NO_MOVE, entry.to || NO_MOVE, entry.rationale].map(asText);
  const row = appendRows(sheet, [[...cells, new Date(), asText(entry.by)]]);
  sheet.getRange(row, PANEL_LOG_HEADER.indexOf('When') + 1).setNumberFormat('yyyy-mm-dd hh:mm');
  sheet.getRange(row, PANEL_LOG_HEADER.indexOf('Rationale') + 1).setWrap(true);
}

/**
 * What real Sheets and Apps Script enforce, imitated by the runtime, and how the add-on meets it:
 * custom-function cells pending until their runs end, 50,000 characters a cell, a document lock
 * that may be null, no sidebars before the add-on is authorised, scopes from the manifest, and
 * the spreadsheet's own time zone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUSY_MESSAGE } from '../../src/addon/lock';
import { buildSpreadsheet, loadAddon } from '../../runtime';
import { newWorkbook, rowsByLabel } from '../addon/support';

jest.setTimeout(60_000);

const SCOPE = 'https://www.googleapis.com/auth/';
const MANIFEST = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8')) as { timeZone: string; oauthScopes: string[] };

const SCRIPT = `
/** @customfunction */
function DOUBLE(x) { return x * 2; }
/** @customfunction */
function COLUMN_OF(n) { var rows = []; for (var i = 1; i <= n; i++) rows.push([i]); return rows; }
function readA1() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1:B3').getValues(); }
function put(length) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('D1').setValue(new Array(length + 1).join('x')); }
function who() { return Session.getActiveUser().getEmail(); }
function zones() { return [Session.getScriptTimeZone(), SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()]; }
function setZone(zone) { SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone(zone); }
`;

describe('custom-function cells in pending mode', () => {
  it('read "Loading..." (a spill blank) from the first open and after each change, until settled', () => {
    const rt = loadAddon({ code: SCRIPT, customFunctions: 'pending' });
    rt.setCellValues('Sheet1', 'A1', [['=DOUBLE(C1)', '=COLUMN_OF(3)']]);
    rt.setCellValues('Sheet1', 'C1', [[21]]);
    expect(rt.call('readA1')).toEqual([['Loading...', 'Loading...'], ['', ''], ['', '']]);
    rt.settle();
    expect(rt.call('readA1')).toEqual([[42, 1], ['', 2], ['', 3]]);
    rt.setCellValues('Sheet1', 'C1', [[5]]);
    expect(rt.values('Sheet1', 'A1:B2')).toEqual([['Loading...', 'Loading...'], ['', '']]);
    rt.settle();
    expect(rt.values('Sheet1', 'A1')).toEqual([[10]]);
  });

  it('are computed whenever read in the default, settled mode', () => {
    const rt = loadAddon({ code: SCRIPT });
    rt.setCellValues('Sheet1', 'A1', [['=DOUBLE(4)']]);
    expect(rt.values('Sheet1', 'A1')).toEqual([[8]]);
  });
});

describe('50,000 characters a cell', () => {
  it('refuses a longer write, as Sheets does', () => {
    const rt = loadAddon({ code: SCRIPT });
    rt.call('put', 50000);
    expect(String(rt.values('Sheet1', 'D1')[0][0]).length).toBe(50000);
    expect(() => rt.call('put', 50001)).toThrow('Your input contains more than the maximum of 50000 characters in a single cell');
  });

  it('a 60,000-character rationale gets a message and writes nothing', () => {
    const rt = newWorkbook();
    const before = rowsByLabel(rt, 'Panel').get('2.1');
    const tabs = rt.workbook.sheetNames();
    expect(() => rt.runFromSidebar('recordPanelJudgement', '2.1', 'Good', 'x'.repeat(60000))).toThrow(
      'The rationale for 2.1 Assessment is 60,000 characters; a Sheets cell holds at most 50,000.',
    );
    expect(rowsByLabel(rt, 'Panel').get('2.1')).toEqual(before);
    expect(rt.workbook.sheetNames()).toEqual(tabs);
  });
});

describe('the document lock', () => {
  it('may be null: the add-on says it is busy rather than crashing', () => {
    const rt = newWorkbook();
    rt.locks.documentUnavailable = true;
    expect(() => rt.runFromSidebar('recordPanelJudgement', '2.1', '', '')).toThrow(BUSY_MESSAGE);
    expect(() => rt.runFromSidebar('runGenerateSummaries')).toThrow(BUSY_MESSAGE);
    expect(() => rt.runFromSidebar('runNewInspection')).toThrow(BUSY_MESSAGE);
  });
});

describe('authorisation modes', () => {
  it('builds the menu in AuthMode.NONE and LIMITED, but opens the sidebar only once authorised (FULL)', () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet() });
    rt.open('NONE');
    rt.open('LIMITED');
    expect(rt.ui.menu()!.items.flatMap((item) => ('caption' in item ? [item.caption] : []))).toEqual(expect.arrayContaining(['New inspection', 'Open sidebar', 'Generate summaries']));
    expect(() => rt.callAs('LIMITED', 'showSidebar')).toThrow('You do not have permission to call Ui.showSidebar in AuthMode.LIMITED');
    expect(rt.ui.sidebars).toHaveLength(0);
    rt.callAs('FULL', 'showSidebar');
    expect(rt.ui.sidebars).toHaveLength(1);
  });
});

describe('scopes', () => {
  it("the built add-on runs under its manifest's scopes", () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet() });
    expect(rt.manifest.oauthScopes).toEqual(MANIFEST.oauthScopes);
  });

  it('a call the scopes do not allow fails as in Apps Script', () => {
    const rt = loadAddon({ code: SCRIPT, manifest: { oauthScopes: MANIFEST.oauthScopes } });
    expect(() => rt.call('who')).toThrow(`Specified permissions are not sufficient to call User.getEmail. Required permissions: ${SCOPE}userinfo.email`);
    const withEmail = loadAddon({ code: SCRIPT, manifest: { oauthScopes: [...MANIFEST.oauthScopes, `${SCOPE}userinfo.email`] } });
    withEmail.activeUser.email = 'lead@example.org';
    expect(withEmail.call('who')).toBe('lead@example.org');
    const noSheets = loadAddon({ code: SCRIPT, manifest: { oauthScopes: [`${SCOPE}script.container.ui`] } });
    expect(() => noSheets.call('readA1')).toThrow(`Required permissions: ${SCOPE}spreadsheets.currentonly`);
  });
});

describe('time zones', () => {
  it("the spreadsheet's is its own and can be set; the script's is the manifest's", () => {
    const rt = loadAddon({ code: SCRIPT, manifest: { timeZone: 'Europe/London' }, spreadsheet: buildSpreadsheet({ timeZone: 'Pacific/Auckland' }) });
    expect(rt.call('zones')).toEqual(['Europe/London', 'Pacific/Auckland']);
    rt.call('setZone', 'America/New_York');
    expect(rt.call('zones')).toEqual(['Europe/London', 'America/New_York']);
    expect(() => rt.call('setZone', 'Mars/Olympus')).toThrow('Invalid argument');
  });

  it("dates in the add-on's messages follow the spreadsheet's time zone, not the script's", () => {
    const zone = 'Pacific/Auckland';
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ timeZone: zone }) });
    rt.install();
    rt.call('runNewInspection');
    // Written by Intl directly, as a reader who is not the add-on would write the time.
    const inZone = (moment: Date) => {
      const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options }).format(moment);
      return `${Number(part({ day: 'numeric' }))} ${part({ month: 'long' }).slice(0, 3)} ${part({ year: 'numeric' })} ${part({ hour: '2-digit', hourCycle: 'h23' }).padStart(2, '0')}:${part({ minute: '2-digit' }).padStart(2, '0')}`;
    };
    const before = new Date();
    rt.call('runGenerateSummaries');
    const after = new Date();
    const title = String(rt.sheetValues('Data quality')[0][0]);
    expect([inZone(before), inZone(after)].some((time) => title.includes(`(${time})`))).toBe(true);
    expect(MANIFEST.timeZone).not.toBe(zone);
  });
});

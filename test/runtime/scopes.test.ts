/**
 * Least privilege: the manifest asks for exactly the scopes the built bundle's service calls need,
 * as Apps Script's reference documents them for each service. The bundle is scanned as text, so a
 * call added anywhere (even one no test runs) is seen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '../../dist');
const SCOPE = 'https://www.googleapis.com/auth/';
const SHEETS_CURRENT = `${SCOPE}spreadsheets.currentonly`;
const CONTAINER_UI = `${SCOPE}script.container.ui`;

/** Apps Script's documented scope for each service or call; null where none is needed. */
const REQUIRED: Array<{ call: RegExp; scope: string | null }> = [
  // With @OnlyCurrentDoc, SpreadsheetApp needs only the current spreadsheet.
  { call: /\bSpreadsheetApp\.\w+/, scope: SHEETS_CURRENT },
  // Dialogs, alerts and sidebars shown inside the editor.
  { call: /\.(showSidebar|showModalDialog|showModelessDialog|alert|prompt)\(/, scope: CONTAINER_UI },
  { call: /\.(getEmail|getActiveUser|getEffectiveUser)\(/, scope: `${SCOPE}userinfo.email` },
  { call: /\bDriveApp\./, scope: `${SCOPE}drive` },
  { call: /\bUrlFetchApp\./, scope: `${SCOPE}script.external_request` },
  { call: /\b(MailApp|GmailApp)\./, scope: `${SCOPE}script.send_mail` },
  { call: /\bScriptApp\.newTrigger\(/, scope: `${SCOPE}script.scriptapp` },
  { call: /\b(PropertiesService|LockService|Utilities|Logger|CacheService|HtmlService)\.\w+/, scope: null },
];

/** Global Apps Script services this table knows; any other found in the bundle must be added above. */
const KNOWN_SERVICES = ['SpreadsheetApp', 'DriveApp', 'UrlFetchApp', 'MailApp', 'GmailApp', 'ScriptApp', 'PropertiesService', 'LockService', 'Utilities', 'Logger', 'CacheService', 'HtmlService', 'Session'];
const ANY_SERVICE = /\b(SpreadsheetApp|DocumentApp|SlidesApp|FormApp|DriveApp|UrlFetchApp|MailApp|GmailApp|CalendarApp|ContactsApp|ScriptApp|PropertiesService|LockService|Utilities|Logger|CacheService|HtmlService|Session|Charts|Jdbc|XmlService|ContentService|CardService|BigQuery|AdminDirectory)\.\w+/g;

describe('the manifest (dist/appsscript.json)', () => {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };

  it('asks for exactly the scopes the bundle calls for, and the bundle stays @OnlyCurrentDoc', () => {
    const required = new Set(REQUIRED.filter((entry) => entry.scope && entry.call.test(code)).map((entry) => entry.scope));
    expect([...manifest.oauthScopes].sort()).toEqual([...required].sort());
    expect(code).toContain('@OnlyCurrentDoc');
  });

  it('knows every service the bundle uses', () => {
    const services = new Set([...code.matchAll(ANY_SERVICE)].map((match) => match[1]));
    expect([...services].filter((service) => !KNOWN_SERVICES.includes(service))).toEqual([]);
  });

  it('does not ask for the user\'s email: the panel log records the name typed in the panel form', () => {
    expect(code).not.toMatch(/\.getEmail\(|getActiveUser/);
    expect(manifest.oauthScopes).not.toContain(`${SCOPE}userinfo.email`);
  });
});

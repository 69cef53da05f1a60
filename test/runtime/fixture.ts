/**
 * A small hand-written add-on bundle, shaped like dist/Code.js (a plain script of top-level
 * functions, custom functions marked with @customfunction), for the runtime's own tests.
 */
export const FIXTURE_BUNDLE = String.raw`
/**
 * Doubles a number, or every number of a range.
 * @param {A1:B9} input The numbers to double.
 * @return The doubled numbers.
 * @customfunction
 */
function DOUBLE(input) {
  if (Array.isArray(input)) {
    return input.map(function (row) {
      return row.map(function (value) { return value === '' ? '' : value * 2; });
    });
  }
  return input * 2;
}

/**
 * A table with one row per distinct answer and how often it occurs; its size follows the data.
 * @param {B2:D200} answers The answers.
 * @return Answer and count, one row each, under a header row.
 * @customfunction
 */
function ANSWER_COUNTS(answers) {
  var counts = {};
  var order = [];
  (Array.isArray(answers) ? answers : [[answers]]).forEach(function (row) {
    row.forEach(function (value) {
      if (value === '') return;
      if (!(value in counts)) { counts[value] = 0; order.push(value); }
      counts[value] += 1;
    });
  });
  return [['Answer', 'Count']].concat(order.map(function (answer) { return [answer, counts[answer]]; }));
}

/**
 * Returns the answer, or fails with a message a person can act on.
 * @param {B2} answer One answer.
 * @customfunction
 */
function CHECKED_ANSWER(answer) {
  if (answer === '') throw new Error('The answer is blank: enter Yes, No or N/A.');
  return answer;
}

/**
 * Describes its arguments: how Apps Script shaped them.
 * @customfunction
 */
function DESCRIBE_ARGS(first, second, third) {
  return [[first, second, third].map(function (arg) {
    if (arg === undefined) return 'undefined';
    if (Array.isArray(arg)) return 'array ' + arg.length + 'x' + arg[0].length + (arg instanceof Array ? ' (own realm)' : ' (foreign realm)');
    if (arg instanceof Date) return 'date ' + arg.toISOString();
    return typeof arg + ' ' + JSON.stringify(arg);
  }).join('; ')];
}

/**
 * Tries to read the spreadsheet, which a custom function must not do.
 * @customfunction
 */
function SPREADSHEET_NAME() {
  return SpreadsheetApp.getActive().getName();
}

/** A helper without @customfunction: not callable from a formula. */
function HELPER(value) {
  return value;
}

function onOpen(e) {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('New inspection', 'writeAnswers')
    .addSeparator()
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Generate summaries', 'buildSummary')
    .addToUi();
}

function onInstall(e) {
  onOpen(e);
}

function writeAnswers(rows) {
  rows = rows || [['Case ID', 'Q1', 'Q2'], ['C1', 'Yes', 'No'], ['C2', 'N/A', 'Yes']];
  var spreadsheet = SpreadsheetApp.getActive();
  var sheet = spreadsheet.getSheetByName('Cases') || spreadsheet.insertSheet('Cases');
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  var answers = SpreadsheetApp.newDataValidation().requireValueInList(['Yes', 'No', 'N/A'], true).setAllowInvalid(false).build();
  sheet.getRange(2, 2, rows.length - 1, rows[0].length - 1).setDataValidation(answers);
  sheet.setFrozenRows(1);
  return sheet.getLastRow();
}

function writeWrongShape() {
  try {
    SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B2').setValues([[1, 2, 3]]);
    return 'no error';
  } catch (error) {
    return (error instanceof Error ? 'Error: ' : 'not an Error: ') + error.message;
  }
}

function buildSummary() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) {
    SpreadsheetApp.getActive().toast('Another inspector is generating summaries. Try again in a minute.', 'Busy');
    return false;
  }
  try {
    var spreadsheet = SpreadsheetApp.getActive();
    var cases = spreadsheet.getSheetByName('Cases').getDataRange().getValues();
    var summary = spreadsheet.getSheetByName('Summary') || spreadsheet.insertSheet('Summary');
    summary.clear();
    var table = [['Case', 'Yes']].concat(cases.slice(1).map(function (row) {
      return [row[0], row.filter(function (value) { return value === 'Yes'; }).length];
    }));
    summary.getRange(1, 1, table.length, 2).setValues(table);
    summary.getRange('D1').setFormula("=ANSWER_COUNTS('Cases'!B2:C)".replace('C)', 'C' + cases.length + ')'));
    PropertiesService.getDocumentProperties().setProperty('summaryCases', String(table.length - 1));
    return true;
  } finally {
    lock.releaseLock();
  }
}

function holdLockAndForget() {
  return LockService.getDocumentLock().tryLock(1000);
}

function showSidebar() {
  var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Inspection Ratings');
  SpreadsheetApp.getUi().showSidebar(html);
}

function getProgress() {
  return { cases: 2, complete: [true, false] };
}

function getLastRun() {
  return { when: new Date(0) };
}

function secret_() {
  return 'private';
}

function sandboxProbe() {
  return [typeof require, typeof process, typeof module, typeof setTimeout, typeof Buffer].join(',');
}
`;

export const FIXTURE_HTML = { Sidebar: '<!DOCTYPE html><html><head></head><body><h1>Inspection Ratings</h1></body></html>' };

/**
 * The offline Apps Script runtime: load the built add-on into a bare vm context over an in-memory
 * spreadsheet whose formulas (custom functions included) a real engine evaluates. See README.md.
 */
export { AddonRuntime, buildSpreadsheet, DEFAULT_BUNDLE_DIR, loadAddon } from './load';
export type { AppsScriptServices, LoadOptions } from './load';
export { Workbook, SheetModel } from './workbook';
export type { CellFormat, SheetContents, Toast, WorkbookOptions } from './workbook';
export { readsAsItself } from './engine';
export type { CellErrorInfo } from './engine';
export { CallCounter } from './env';
export type { AuthModeName } from './env';
export { UiRecorder } from './ui';
export type { ButtonName, MenuEntry, RecordedAlert, RecordedHtml, RecordedMenu, RecordedPrompt } from './ui';
export { LockState, PropertyStore } from './services';
export type { LogEntry } from './services';
export { customFunctionNames, topLevelFunctions } from './bundle';
export type { SheetsValue } from './values';
export { columnLetters, quoteSheetName } from './a1';

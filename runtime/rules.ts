/**
 * Fakes of the value objects a spreadsheet hands out: data validation rules and their builder,
 * conditional format rules and their builder, protections, developer metadata and its finder, and
 * embedded charts with their builders. Each wraps a plain model kept by the Workbook.
 */
import { asGas, Env, ServiceObject } from './env';
import { rangeFake, sheetFake, spreadsheetFake } from './spreadsheet';
import { ChartModel, ConditionalFormatModel, DeveloperMetadataModel, ProtectionModel, SheetArea, SheetModel, ValidationModel, Workbook } from './workbook';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GasBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type GasBooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
type GasUser = GoogleAppsScript.Base.User;
type GasMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GasMetadataFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type GasMetadataLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type GasVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type GasLocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GasChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasColumnChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
type GasBarChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
type GasLineChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder;
type GasComboChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder;
type GasContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type GasChartType = GoogleAppsScript.Charts.ChartType;

export function metadataVisibility(visibility: GasVisibility): 'DOCUMENT' | 'PROJECT' {
  return String(visibility) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
}

function areaOf(env: Env, range: GasRange): SheetArea {
  return env.internal<SheetArea>(range, 'Range');
}

export class FakeDataValidationBuilder extends ServiceObject implements Pick<GasDataValidationBuilder, keyof FakeDataValidationBuilder> {
  private rule: ValidationModel;

  constructor(env: Env, private readonly workbook: Workbook, rule?: ValidationModel) {
    super('DataValidationBuilder', env);
    this.rule = rule ? { ...rule, values: [...rule.values] } : { criteria: '', values: [], allowInvalid: true, helpText: null };
  }

  build(): GasDataValidation {
    if (this.rule.criteria === '') throw new Error('The data validation rule has no criteria (requireValueInList, requireCheckbox, …).');
    return asGas(new FakeDataValidation(this.env, this.workbook, { ...this.rule, values: [...this.rule.values] }));
  }

  copy(): GasDataValidationBuilder {
    return asGas(new FakeDataValidationBuilder(this.env, this.workbook, this.rule));
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GasCriteria {
    return this.rule.criteria as unknown as GasCriteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.env, this.workbook, this.rule);
  }

  getHelpText(): string | null {
    return this.rule.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GasDataValidationBuilder {
    return this.require('CHECKBOX', [checkedValue, uncheckedValue].filter((value) => value !== undefined));
  }

  requireValueInList(values: string[], showDropdown = true): GasDataValidationBuilder {
    return this.require('VALUE_IN_LIST', [[...values], showDropdown]);
  }

  requireValueInRange(range: GasRange, showDropdown = true): GasDataValidationBuilder {
    return this.require('VALUE_IN_RANGE', [areaOf(this.env, range), showDropdown]);
  }

  requireNumberBetween(start: number, end: number): GasDataValidationBuilder {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): GasDataValidationBuilder {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): GasDataValidationBuilder {
    return this.require('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireTextContains(text: string): GasDataValidationBuilder {
    return this.require('TEXT_CONTAINS', [text]);
  }

  requireTextEqualTo(text: string): GasDataValidationBuilder {
    return this.require('TEXT_EQUAL_TO', [text]);
  }

  requireFormulaSatisfied(formula: string): GasDataValidationBuilder {
    return this.require('CUSTOM_FORMULA', [formula]);
  }

  withCriteria(criteria: GasCriteria, args: unknown[]): GasDataValidationBuilder {
    return this.require(String(criteria), [...args]);
  }

  setAllowInvalid(allowInvalidData: boolean): GasDataValidationBuilder {
    this.rule.allowInvalid = allowInvalidData;
    return asGas(this.self);
  }

  setHelpText(helpText: string): GasDataValidationBuilder {
    this.rule.helpText = helpText;
    return asGas(this.self);
  }

  private require(criteria: string, values: unknown[]): GasDataValidationBuilder {
    this.rule.criteria = criteria;
    this.rule.values = values;
    return asGas(this.self);
  }
}

/** A rule's values as Apps Script returns them: a range criterion gives back a Range. */
function criteriaValues(env: Env, workbook: Workbook, rule: ValidationModel): unknown[] {
  return rule.criteria === 'VALUE_IN_RANGE' ? [rangeFake(env, workbook, rule.values[0] as SheetArea), ...rule.values.slice(1)] : [...rule.values];
}

export class FakeDataValidation extends ServiceObject implements Pick<GasDataValidation, keyof FakeDataValidation> {
  constructor(env: Env, private readonly workbook: Workbook, private readonly rule: ValidationModel) {
    super('DataValidation', env);
    env.register(this, rule);
  }

  copy(): GasDataValidationBuilder {
    return asGas(new FakeDataValidationBuilder(this.env, this.workbook, this.rule));
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GasCriteria {
    return this.rule.criteria as unknown as GasCriteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.env, this.workbook, this.rule);
  }

  getHelpText(): string {
    return this.rule.helpText ?? '';
  }
}

export class FakeConditionalFormatRuleBuilder extends ServiceObject implements Pick<GasRuleBuilder, keyof FakeConditionalFormatRuleBuilder> {
  private readonly rule: ConditionalFormatModel;

  constructor(env: Env, private readonly workbook: Workbook, rule?: ConditionalFormatModel) {
    super('ConditionalFormatRuleBuilder', env);
    this.rule = rule ? { ...rule, values: [...rule.values], format: { ...rule.format }, ranges: [...rule.ranges] } : { criteria: '', values: [], format: {}, ranges: [] };
  }

  build(): GasRule {
    if (this.rule.criteria === '') throw new Error('The conditional format rule has no condition (whenTextEqualTo, whenFormulaSatisfied, …).');
    return asGas(new FakeConditionalFormatRule(this.env, this.workbook, { ...this.rule, values: [...this.rule.values], format: { ...this.rule.format }, ranges: [...this.rule.ranges] }));
  }

  copy(): GasRuleBuilder {
    return asGas(new FakeConditionalFormatRuleBuilder(this.env, this.workbook, this.rule));
  }

  getBooleanCondition(): GasBooleanCondition | null {
    return this.rule.criteria === '' ? null : asGas(new FakeBooleanCondition(this.env, this.rule));
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): GasRange[] {
    return this.rule.ranges.map((target) => rangeFake(this.env, this.workbook, target));
  }

  setRanges(ranges: GasRange[]): GasRuleBuilder {
    this.rule.ranges = ranges.map((range) => areaOf(this.env, range));
    return asGas(this.self);
  }

  setBackground(color: string | null): GasRuleBuilder {
    return this.style({ background: color });
  }

  setFontColor(color: string | null): GasRuleBuilder {
    return this.style({ fontColor: color });
  }

  setBold(bold: boolean | null): GasRuleBuilder {
    return this.style({ bold });
  }

  setItalic(italic: boolean | null): GasRuleBuilder {
    return this.style({ italic });
  }

  setStrikethrough(strikethrough: boolean | null): GasRuleBuilder {
    return this.style({ strikethrough });
  }

  setUnderline(underline: boolean | null): GasRuleBuilder {
    return this.style({ underline });
  }

  whenCellEmpty(): GasRuleBuilder {
    return this.when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): GasRuleBuilder {
    return this.when('CELL_NOT_EMPTY', []);
  }

  whenFormulaSatisfied(formula: string): GasRuleBuilder {
    return this.when('CUSTOM_FORMULA', [formula]);
  }

  whenNumberBetween(start: number, end: number): GasRuleBuilder {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): GasRuleBuilder {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }

  whenNumberEqualTo(number: number): GasRuleBuilder {
    return this.when('NUMBER_EQUAL_TO', [number]);
  }

  whenNumberNotEqualTo(number: number): GasRuleBuilder {
    return this.when('NUMBER_NOT_EQUAL_TO', [number]);
  }

  whenNumberGreaterThan(number: number): GasRuleBuilder {
    return this.when('NUMBER_GREATER_THAN', [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): GasRuleBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  whenNumberLessThan(number: number): GasRuleBuilder {
    return this.when('NUMBER_LESS_THAN', [number]);
  }

  whenNumberLessThanOrEqualTo(number: number): GasRuleBuilder {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  whenTextContains(text: string): GasRuleBuilder {
    return this.when('TEXT_CONTAINS', [text]);
  }

  whenTextDoesNotContain(text: string): GasRuleBuilder {
    return this.when('TEXT_DOES_NOT_CONTAIN', [text]);
  }

  whenTextEqualTo(text: string): GasRuleBuilder {
    return this.when('TEXT_EQUAL_TO', [text]);
  }

  whenTextStartsWith(text: string): GasRuleBuilder {
    return this.when('TEXT_STARTS_WITH', [text]);
  }

  whenTextEndsWith(text: string): GasRuleBuilder {
    return this.when('TEXT_ENDS_WITH', [text]);
  }

  withCriteria(criteria: GasBooleanCriteria, args: unknown[]): GasRuleBuilder {
    return this.when(String(criteria), [...args]);
  }

  private when(criteria: string, values: unknown[]): GasRuleBuilder {
    this.rule.criteria = criteria;
    this.rule.values = values;
    return asGas(this.self);
  }

  private style(format: ConditionalFormatModel['format']): GasRuleBuilder {
    Object.assign(this.rule.format, format);
    return asGas(this.self);
  }
}

export class FakeConditionalFormatRule extends ServiceObject implements Pick<GasRule, keyof FakeConditionalFormatRule> {
  constructor(env: Env, private readonly workbook: Workbook, private readonly rule: ConditionalFormatModel) {
    super('ConditionalFormatRule', env);
    env.register(this, rule);
  }

  copy(): GasRuleBuilder {
    return asGas(new FakeConditionalFormatRuleBuilder(this.env, this.workbook, this.rule));
  }

  getBooleanCondition(): GasBooleanCondition | null {
    return asGas(new FakeBooleanCondition(this.env, this.rule));
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): GasRange[] {
    return this.rule.ranges.map((target) => rangeFake(this.env, this.workbook, target));
  }
}

export class FakeBooleanCondition extends ServiceObject implements Pick<GasBooleanCondition, keyof FakeBooleanCondition> {
  constructor(env: Env, private readonly rule: ConditionalFormatModel) {
    super('BooleanCondition', env);
  }

  getCriteriaType(): GasBooleanCriteria {
    return this.rule.criteria as unknown as GasBooleanCriteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.rule.values];
  }

  getBackground(): string | null {
    return this.rule.format.background ?? null;
  }

  getFontColor(): string | null {
    return this.rule.format.fontColor ?? null;
  }

  getBold(): boolean | null {
    return this.rule.format.bold ?? null;
  }

  getItalic(): boolean | null {
    return this.rule.format.italic ?? null;
  }

  getStrikethrough(): boolean | null {
    return this.rule.format.strikethrough ?? null;
  }

  getUnderline(): boolean | null {
    return this.rule.format.underline ?? null;
  }
}

export class FakeUser extends ServiceObject implements Pick<GasUser, keyof FakeUser> {
  constructor(env: Env, private readonly email: string) {
    super('User', env);
  }

  getEmail(): string {
    return this.email;
  }
}

/** Ranges as one list: the cells a user selected (Spreadsheet.getActiveRangeList), or Sheet.getRangeList's. */
export class FakeRangeList extends ServiceObject implements Pick<GoogleAppsScript.Spreadsheet.RangeList, keyof FakeRangeList> {
  constructor(
    env: Env,
    private readonly ranges: GasRange[],
    /** Writes a value into every cell of every range, in one call. */
    private readonly write: (value: unknown) => void,
  ) {
    super('RangeList', env);
  }

  getRanges(): GasRange[] {
    return [...this.ranges];
  }

  /** Sets every cell of every range to the value, as Apps Script does. */
  setValue(value: unknown): GoogleAppsScript.Spreadsheet.RangeList {
    this.write(value);
    return asGas(this.self);
  }
}

export class FakeProtection extends ServiceObject implements Pick<GasProtection, keyof FakeProtection> {
  constructor(env: Env, private readonly workbook: Workbook, private readonly protection: ProtectionModel) {
    super('Protection', env);
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.protection.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GasRange {
    return rangeFake(this.env, this.workbook, this.protection.target);
  }

  setRange(range: GasRange): GasProtection {
    if (this.protection.type === 'SHEET') throw new Error('The range of a sheet protection cannot be changed.');
    this.protection.target = areaOf(this.env, range);
    return asGas(this.self);
  }

  getRangeName(): string | null {
    return this.protection.rangeName;
  }

  setRangeName(rangeName: string): GasProtection {
    this.protection.rangeName = rangeName;
    return asGas(this.self);
  }

  getDescription(): string {
    return this.protection.description;
  }

  setDescription(description: string): GasProtection {
    this.protection.description = description;
    return asGas(this.self);
  }

  isWarningOnly(): boolean {
    return this.protection.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    this.protection.warningOnly = warningOnly;
    return asGas(this.self);
  }

  canEdit(): boolean {
    return true;
  }

  canDomainEdit(): boolean {
    return this.protection.domainEdit;
  }

  setDomainEdit(editable: boolean): GasProtection {
    this.protection.domainEdit = editable;
    return asGas(this.self);
  }

  getEditors(): GasUser[] {
    return this.protection.editors.map((email) => asGas<GasUser>(new FakeUser(this.env, email)));
  }

  addEditor(user: string | GasUser): GasProtection {
    return this.addEditors([typeof user === 'string' ? user : user.getEmail()]);
  }

  addEditors(emailAddresses: string[]): GasProtection {
    if (this.protection.warningOnly) throw new Error('A warning-only protection has no editors.');
    for (const email of emailAddresses) if (!this.protection.editors.includes(email)) this.protection.editors.push(email);
    return asGas(this.self);
  }

  removeEditor(user: string | GasUser): GasProtection {
    return this.removeEditors([typeof user === 'string' ? user : user.getEmail()]);
  }

  removeEditors(users: string[] | GasUser[]): GasProtection {
    const emails = (users as (string | GasUser)[]).map((user) => (typeof user === 'string' ? user : user.getEmail()));
    this.protection.editors = this.protection.editors.filter((email) => !emails.includes(email));
    return asGas(this.self);
  }

  getUnprotectedRanges(): GasRange[] {
    return this.protection.unprotected.map((target) => rangeFake(this.env, this.workbook, target));
  }

  setUnprotectedRanges(ranges: GasRange[]): GasProtection {
    if (this.protection.type !== 'SHEET') throw new Error('Only a sheet protection has unprotected ranges.');
    this.protection.unprotected = ranges.map((range) => areaOf(this.env, range));
    return asGas(this.self);
  }

  remove(): void {
    const sheet = this.protection.target.sheet;
    sheet.protections = sheet.protections.filter((p) => p !== this.protection);
  }
}

export class FakeDeveloperMetadata extends ServiceObject implements Pick<GasMetadata, keyof FakeDeveloperMetadata> {
  constructor(env: Env, private readonly workbook: Workbook, private readonly metadata: DeveloperMetadataModel) {
    super('DeveloperMetadata', env);
  }

  getId(): number {
    return this.metadata.id;
  }

  getKey(): string {
    return this.metadata.key;
  }

  setKey(key: string): GasMetadata {
    this.metadata.key = key;
    return asGas(this.self);
  }

  getValue(): string | null {
    return this.metadata.value;
  }

  setValue(value: string): GasMetadata {
    this.metadata.value = String(value);
    return asGas(this.self);
  }

  getVisibility(): GasVisibility {
    return this.metadata.visibility as unknown as GasVisibility;
  }

  setVisibility(visibility: GasVisibility): GasMetadata {
    this.metadata.visibility = metadataVisibility(visibility);
    return asGas(this.self);
  }

  getLocation(): GasMetadataLocation {
    return asGas(new FakeDeveloperMetadataLocation(this.env, this.workbook, this.metadata));
  }

  moveToSpreadsheet(): GasMetadata {
    this.metadata.location = { type: 'SPREADSHEET' };
    return asGas(this.self);
  }

  moveToSheet(sheet: GasSheet): GasMetadata {
    this.metadata.location = { type: 'SHEET', sheet: this.env.internal<SheetModel>(sheet, 'Sheet') };
    return asGas(this.self);
  }

  moveToRow(row: GasRange): GasMetadata {
    const target = areaOf(this.env, row);
    this.metadata.location = { type: 'ROW', sheet: target.sheet, row: target.area.row };
    return asGas(this.self);
  }

  moveToColumn(column: GasRange): GasMetadata {
    const target = areaOf(this.env, column);
    this.metadata.location = { type: 'COLUMN', sheet: target.sheet, column: target.area.column };
    return asGas(this.self);
  }

  remove(): void {
    this.workbook.metadata = this.workbook.metadata.filter((m) => m !== this.metadata);
  }
}

export class FakeDeveloperMetadataLocation extends ServiceObject implements Pick<GasMetadataLocation, keyof FakeDeveloperMetadataLocation> {
  constructor(env: Env, private readonly workbook: Workbook, private readonly metadata: DeveloperMetadataModel) {
    super('DeveloperMetadataLocation', env);
  }

  getLocationType(): GasLocationType {
    return this.metadata.location.type as unknown as GasLocationType;
  }

  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    return this.metadata.location.type === 'SPREADSHEET' ? asGas(spreadsheetFake(this.env, this.workbook)) : null;
  }

  getSheet(): GasSheet | null {
    const location = this.metadata.location;
    return location.type === 'SPREADSHEET' ? null : sheetFake(this.env, this.workbook, location.sheet);
  }

  getRow(): GasRange | null {
    const location = this.metadata.location;
    if (location.type !== 'ROW') return null;
    return rangeFake(this.env, this.workbook, { sheet: location.sheet, area: { row: location.row, column: 1, numRows: 1, numColumns: location.sheet.maxColumns } });
  }

  getColumn(): GasRange | null {
    const location = this.metadata.location;
    if (location.type !== 'COLUMN') return null;
    return rangeFake(this.env, this.workbook, { sheet: location.sheet, area: { row: 1, column: location.column, numRows: location.sheet.maxRows, numColumns: 1 } });
  }
}

export type MetadataScope = { kind: 'spreadsheet' } | { kind: 'sheet'; sheet: SheetModel } | { kind: 'range'; target: SheetArea };

export class FakeDeveloperMetadataFinder extends ServiceObject implements Pick<GasMetadataFinder, keyof FakeDeveloperMetadataFinder> {
  private readonly filters: ((metadata: DeveloperMetadataModel) => boolean)[] = [];

  constructor(env: Env, private readonly workbook: Workbook, private readonly scope: MetadataScope) {
    super('DeveloperMetadataFinder', env);
  }

  withId(id: number): GasMetadataFinder {
    return this.where((m) => m.id === id);
  }

  withKey(key: string): GasMetadataFinder {
    return this.where((m) => m.key === key);
  }

  withValue(value: string): GasMetadataFinder {
    return this.where((m) => m.value === value);
  }

  withLocationType(locationType: GasLocationType): GasMetadataFinder {
    return this.where((m) => m.location.type === String(locationType));
  }

  withVisibility(visibility: GasVisibility): GasMetadataFinder {
    return this.where((m) => m.visibility === metadataVisibility(visibility));
  }

  /** Rows and columns are the only locations a range can intersect here, so this changes nothing. */
  onIntersectingLocations(): GasMetadataFinder {
    return asGas(this.self);
  }

  find(): GasMetadata[] {
    return this.workbook.metadata
      .filter((m) => this.inScope(m) && this.filters.every((filter) => filter(m)))
      .map((m) => asGas<GasMetadata>(new FakeDeveloperMetadata(this.env, this.workbook, m)));
  }

  private where(filter: (metadata: DeveloperMetadataModel) => boolean): GasMetadataFinder {
    this.filters.push(filter);
    return asGas(this.self);
  }

  private inScope(metadata: DeveloperMetadataModel): boolean {
    const location = metadata.location;
    switch (this.scope.kind) {
      case 'spreadsheet':
        return true;
      case 'sheet':
        return location.type !== 'SPREADSHEET' && location.sheet === this.scope.sheet;
      case 'range': {
        const { sheet, area } = this.scope.target;
        if (location.type === 'ROW') return location.sheet === sheet && location.row >= area.row && location.row < area.row + area.numRows;
        if (location.type === 'COLUMN') return location.sheet === sheet && location.column >= area.column && location.column < area.column + area.numColumns;
        return false;
      }
    }
  }
}

function copyChart(chart: ChartModel): ChartModel {
  return { ...chart, ranges: [...chart.ranges], options: { ...chart.options }, position: { ...chart.position } };
}

/** What every chart builder shares; the typed builders (column, bar, line, combo) add styling. */
abstract class ChartBuilderBase extends ServiceObject {
  protected constructor(kind: string, env: Env, protected readonly workbook: Workbook, protected readonly chart: ChartModel) {
    super(kind, env);
  }

  addRange(range: GasRange): GasChartBuilder {
    this.chart.ranges.push(areaOf(this.env, range));
    return asGas(this.self);
  }

  removeRange(range: GasRange): GasChartBuilder {
    const target = areaOf(this.env, range);
    this.chart.ranges = this.chart.ranges.filter((r) => r.sheet !== target.sheet || JSON.stringify(r.area) !== JSON.stringify(target.area));
    return asGas(this.self);
  }

  clearRanges(): GasChartBuilder {
    this.chart.ranges = [];
    return asGas(this.self);
  }

  getRanges(): GasRange[] {
    return this.chart.ranges.map((target) => rangeFake(this.env, this.workbook, target));
  }

  getChartType(): GasChartType {
    return this.chart.type as unknown as GasChartType;
  }

  setChartType(type: GasChartType): GasChartBuilder {
    this.chart.type = String(type);
    return asGas(this.self);
  }

  setOption(option: string, value: unknown): GasChartBuilder {
    this.chart.options[option] = value;
    return asGas(this.self);
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GasChartBuilder {
    this.chart.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return asGas(this.self);
  }

  getContainer(): GasContainerInfo {
    return asGas(new FakeContainerInfo(this.env, this.chart));
  }

  setNumHeaders(headers: number): GasChartBuilder {
    this.chart.numHeaders = headers;
    return asGas(this.self);
  }

  setTransposeRowsAndColumns(transpose: boolean): GasChartBuilder {
    this.chart.transpose = transpose;
    return asGas(this.self);
  }

  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): GasChartBuilder {
    this.chart.hiddenDimensionStrategy = String(strategy);
    return asGas(this.self);
  }

  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): GasChartBuilder {
    this.chart.mergeStrategy = String(mergeStrategy);
    return asGas(this.self);
  }

  asColumnChart(): GasColumnChartBuilder {
    this.chart.type = 'COLUMN';
    return asGas(new FakeColumnChartBuilder(this.env, this.workbook, this.chart));
  }

  asBarChart(): GasBarChartBuilder {
    this.chart.type = 'BAR';
    return asGas(new FakeBarChartBuilder(this.env, this.workbook, this.chart));
  }

  asLineChart(): GasLineChartBuilder {
    this.chart.type = 'LINE';
    return asGas(new FakeLineChartBuilder(this.env, this.workbook, this.chart));
  }

  asComboChart(): GasComboChartBuilder {
    this.chart.type = 'COMBO';
    return asGas(new FakeComboChartBuilder(this.env, this.workbook, this.chart));
  }

  build(): GasChart {
    if (this.chart.ranges.length === 0) throw new Error('A chart needs at least one range (addRange).');
    return asGas(new FakeEmbeddedChart(this.env, this.workbook, copyChart(this.chart)));
  }
}

export class FakeEmbeddedChartBuilder extends ChartBuilderBase implements Pick<GasChartBuilder, keyof FakeEmbeddedChartBuilder> {
  /** A builder for a new chart, or for a copy of an existing one (modify()). */
  constructor(env: Env, workbook: Workbook, chart?: ChartModel) {
    super(
      'EmbeddedChartBuilder',
      env,
      workbook,
      chart === undefined
        ? { id: null, type: 'COLUMN', ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1, transpose: false, hiddenDimensionStrategy: 'IGNORE_ROWS', mergeStrategy: 'MERGE_COLUMNS' }
        : copyChart(chart),
    );
  }
}

/** Chart options the typed builders set, under the names Google Charts uses. */
abstract class StyledChartBuilder<Builder> extends ChartBuilderBase {
  setTitle(chartTitle: string): Builder {
    return this.styled('title', chartTitle);
  }

  setXAxisTitle(title: string): Builder {
    return this.styled('hAxis.title', title);
  }

  setYAxisTitle(title: string): Builder {
    return this.styled('vAxis.title', title);
  }

  setColors(cssValues: string[]): Builder {
    return this.styled('colors', [...cssValues]);
  }

  setBackgroundColor(cssValue: string): Builder {
    return this.styled('backgroundColor', cssValue);
  }

  setLegendPosition(position: GoogleAppsScript.Charts.Position): Builder {
    return this.styled('legend.position', String(position).toLowerCase());
  }

  protected styled(option: string, value: unknown): Builder {
    this.chart.options[option] = value;
    return asGas<Builder & object>(this.self);
  }
}

export class FakeColumnChartBuilder extends StyledChartBuilder<GasColumnChartBuilder> implements Pick<GasColumnChartBuilder, keyof FakeColumnChartBuilder> {
  constructor(env: Env, workbook: Workbook, chart: ChartModel) {
    super('EmbeddedColumnChartBuilder', env, workbook, chart);
  }

  setStacked(): GasColumnChartBuilder {
    return this.styled('isStacked', true);
  }
}

export class FakeBarChartBuilder extends StyledChartBuilder<GasBarChartBuilder> implements Pick<GasBarChartBuilder, keyof FakeBarChartBuilder> {
  constructor(env: Env, workbook: Workbook, chart: ChartModel) {
    super('EmbeddedBarChartBuilder', env, workbook, chart);
  }

  setStacked(): GasBarChartBuilder {
    return this.styled('isStacked', true);
  }
}

export class FakeLineChartBuilder extends StyledChartBuilder<GasLineChartBuilder> implements Pick<GasLineChartBuilder, keyof FakeLineChartBuilder> {
  constructor(env: Env, workbook: Workbook, chart: ChartModel) {
    super('EmbeddedLineChartBuilder', env, workbook, chart);
  }
}

export class FakeComboChartBuilder extends StyledChartBuilder<GasComboChartBuilder> implements Pick<GasComboChartBuilder, keyof FakeComboChartBuilder> {
  constructor(env: Env, workbook: Workbook, chart: ChartModel) {
    super('EmbeddedComboChartBuilder', env, workbook, chart);
  }

  setStacked(): GasComboChartBuilder {
    return this.styled('isStacked', true);
  }
}

export class FakeEmbeddedChart extends ServiceObject implements Pick<GasChart, keyof FakeEmbeddedChart> {
  constructor(env: Env, private readonly workbook: Workbook, private readonly chart: ChartModel) {
    super('EmbeddedChart', env);
    env.register(this, chart);
  }

  getChartId(): number | null {
    return this.chart.id;
  }

  getRanges(): GasRange[] {
    return this.chart.ranges.map((target) => rangeFake(this.env, this.workbook, target));
  }

  getContainerInfo(): GasContainerInfo {
    return asGas(new FakeContainerInfo(this.env, this.chart));
  }

  getNumHeaders(): number {
    return this.chart.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    return this.chart.transpose;
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return asGas(new FakeChartOptions(this.env, { type: this.chart.type, ...this.chart.options }));
  }

  modify(): GasChartBuilder {
    return asGas(new FakeEmbeddedChartBuilder(this.env, this.workbook, this.chart));
  }
}

export class FakeContainerInfo extends ServiceObject implements Pick<GasContainerInfo, keyof FakeContainerInfo> {
  constructor(env: Env, private readonly chart: ChartModel) {
    super('ContainerInfo', env);
  }

  getAnchorRow(): number {
    return this.chart.position.row;
  }

  getAnchorColumn(): number {
    return this.chart.position.column;
  }

  getOffsetX(): number {
    return this.chart.position.offsetX;
  }

  getOffsetY(): number {
    return this.chart.position.offsetY;
  }
}

export class FakeChartOptions extends ServiceObject implements Pick<GoogleAppsScript.Charts.ChartOptions, keyof FakeChartOptions> {
  constructor(env: Env, private readonly options: Record<string, unknown>) {
    super('ChartOptions', env);
  }

  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

/**
 * Conditional formatting: SpreadsheetApp.newConditionalFormatRule() and how Sheets applies the
 * rules. Source: developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * and Sheets help "Use conditional formatting rules": rules are checked in list order and the first
 * rule whose condition holds for a cell formats it (later rules are not applied to that cell).
 *
 * Number conditions hold only for numbers (a blank cell is not "less than 1" here; Excel, unlike
 * Sheets, treats a blank as 0 — the exporter's rules are written so this does not matter for the
 * add-on's ≥ / between bands). Text conditions compare case-insensitively, as Sheets does.
 */
import type { LocalEnv } from '../env';
import { contains, type GridRect } from './a1';
import { normaliseColour, wrap } from './counted';
import { BooleanCriteria, type BooleanCriteriaName } from './enums';
import { evaluateFormula } from './formula';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';
import type { CellValue } from './values';

export interface RuleRange {
  sheet: LocalSheet;
  rect: GridRect;
}

export interface RuleSpec {
  criteria?: BooleanCriteriaName;
  args: unknown[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
  ranges: RuleRange[];
}

export class LocalBooleanCondition {
  constructor(private readonly spec: RuleSpec) {}
  getCriteriaType(): BooleanCriteriaName | undefined {
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.args];
  }
  getBackground(): string | null {
    return this.spec.background ?? null;
  }
  getFontColor(): string | null {
    return this.spec.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.spec.bold ?? null;
  }
}

export class LocalConditionalFormatRule {
  _w?: LocalConditionalFormatRule;
  constructor(
    private readonly env: LocalEnv,
    readonly _spec: RuleSpec,
  ) {}
  getRanges(): LocalRange[] {
    return this._spec.ranges.map((r) => r.sheet._rangeAt(r.rect));
  }
  getBooleanCondition(): LocalBooleanCondition | null {
    return this._spec.criteria ? wrap(this.env, new LocalBooleanCondition(this._spec), 'BooleanCondition') : null;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): LocalConditionalFormatRuleBuilder {
    return newConditionalFormatRule(this.env, cloneSpec(this._spec));
  }

  /** Does this rule's condition hold for the cell (ignoring whether the cell is in its ranges)? */
  _holds(row: number, col: number, lookup: (row: number, col: number) => CellValue): boolean {
    const s = this._spec;
    const v = lookup(row, col);
    const n = typeof v === 'number' ? v : v instanceof Date ? v.getTime() / 86400000 + 25569 : undefined;
    const a = s.args.map(Number);
    switch (s.criteria) {
      case 'NUMBER_EQUAL_TO':
        return n !== undefined && n === a[0];
      case 'NUMBER_NOT_EQUAL_TO':
        return n !== undefined && n !== a[0];
      case 'NUMBER_GREATER_THAN':
        return n !== undefined && n > a[0];
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return n !== undefined && n >= a[0];
      case 'NUMBER_LESS_THAN':
        return n !== undefined && n < a[0];
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return n !== undefined && n <= a[0];
      case 'NUMBER_BETWEEN':
        return n !== undefined && n >= Math.min(a[0], a[1]) && n <= Math.max(a[0], a[1]);
      case 'TEXT_EQUAL_TO':
        return v !== '' && String(v).toLowerCase() === String(s.args[0]).toLowerCase();
      case 'TEXT_CONTAINS':
        return v !== '' && String(v).toLowerCase().includes(String(s.args[0]).toLowerCase());
      case 'CELL_EMPTY':
        return v === '';
      case 'CELL_NOT_EMPTY':
        return v !== '';
      case 'CUSTOM_FORMULA': {
        const first = s.ranges[0]?.rect ?? { row: 1, col: 1 };
        const r = evaluateFormula(String(s.args[0]), { row, col }, first, lookup);
        return r === true || (typeof r === 'number' && r !== 0) || (typeof r === 'string' && r.toUpperCase() === 'TRUE');
      }
      default:
        return false;
    }
  }

  _covers(sheet: LocalSheet, row: number, col: number): boolean {
    return this._spec.ranges.some((r) => r.sheet._raw === sheet._raw && contains(r.rect, row, col));
  }
}

export class LocalConditionalFormatRuleBuilder {
  _w?: LocalConditionalFormatRuleBuilder;
  constructor(
    private readonly env: LocalEnv,
    private spec: RuleSpec = { args: [], ranges: [] },
  ) {}
  private when(criteria: BooleanCriteriaName, ...args: unknown[]): LocalConditionalFormatRuleBuilder {
    this.spec = { ...this.spec, criteria, args };
    return this._w as LocalConditionalFormatRuleBuilder;
  }
  whenNumberEqualTo(n: number) {
    return this.when(BooleanCriteria.NUMBER_EQUAL_TO, n);
  }
  whenNumberNotEqualTo(n: number) {
    return this.when(BooleanCriteria.NUMBER_NOT_EQUAL_TO, n);
  }
  whenNumberBetween(a: number, b: number) {
    return this.when(BooleanCriteria.NUMBER_BETWEEN, a, b);
  }
  whenNumberGreaterThan(n: number) {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN, n);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, n);
  }
  whenNumberLessThan(n: number) {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN, n);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, n);
  }
  whenTextEqualTo(t: string) {
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, t);
  }
  whenTextContains(t: string) {
    return this.when(BooleanCriteria.TEXT_CONTAINS, t);
  }
  whenCellEmpty() {
    return this.when(BooleanCriteria.CELL_EMPTY);
  }
  whenCellNotEmpty() {
    return this.when(BooleanCriteria.CELL_NOT_EMPTY);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when(BooleanCriteria.CUSTOM_FORMULA, formula);
  }
  setBackground(colour: string | null) {
    this.spec = { ...this.spec, background: normaliseColour(colour) };
    return this._w as LocalConditionalFormatRuleBuilder;
  }
  setFontColor(colour: string | null) {
    this.spec = { ...this.spec, fontColor: normaliseColour(colour) };
    return this._w as LocalConditionalFormatRuleBuilder;
  }
  setBold(bold: boolean | null) {
    this.spec = { ...this.spec, bold: bold ?? undefined };
    return this._w as LocalConditionalFormatRuleBuilder;
  }
  setRanges(ranges: LocalRange[]) {
    this.spec = { ...this.spec, ranges: ranges.map((r) => r._ruleRange()) };
    return this._w as LocalConditionalFormatRuleBuilder;
  }
  getRanges(): LocalRange[] {
    return this.spec.ranges.map((r) => r.sheet._rangeAt(r.rect));
  }
  build(): LocalConditionalFormatRule {
    // Apps Script refuses a rule without a condition or without a format.
    if (!this.spec.criteria) throw new Error('Exception: Conditional format rule must have a condition.');
    if (this.spec.background === undefined && this.spec.fontColor === undefined && this.spec.bold === undefined) {
      throw new Error('Exception: Conditional format rule must have at least one format setting.');
    }
    return wrap(this.env, new LocalConditionalFormatRule(this.env, cloneSpec(this.spec)), 'ConditionalFormatRule');
  }
}

function cloneSpec(s: RuleSpec): RuleSpec {
  return { ...s, args: [...s.args], ranges: s.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })) };
}

export function newConditionalFormatRule(env: LocalEnv, from?: RuleSpec): LocalConditionalFormatRuleBuilder {
  return wrap(env, new LocalConditionalFormatRuleBuilder(env, from), 'ConditionalFormatRuleBuilder');
}

/** The rule that formats a cell: the first in list order that covers it and holds. */
export function firstMatchingRule(
  rules: LocalConditionalFormatRule[],
  sheet: LocalSheet,
  row: number,
  col: number,
  lookup: (row: number, col: number) => CellValue,
): LocalConditionalFormatRule | undefined {
  return rules.find((r) => r._covers(sheet, row, col) && r._holds(row, col, lookup));
}

/** Move rule ranges when rows/columns are inserted or deleted, as Sheets does. */
export function shiftRuleRanges(rules: LocalConditionalFormatRule[], sheet: LocalSheet, dim: 'row' | 'col', at: number, delta: number): void {
  for (const rule of rules) {
    for (const r of rule._spec.ranges) {
      if (r.sheet._raw !== sheet._raw) continue;
      const start = dim === 'row' ? r.rect.row : r.rect.col;
      const size = dim === 'row' ? r.rect.numRows : r.rect.numCols;
      let s = start;
      let n = size;
      if (delta > 0) {
        if (at <= start) s += delta;
        else if (at < start + size) n += delta;
      } else {
        const del = -delta;
        const overlap = Math.max(0, Math.min(start + size, at + del) - Math.max(start, at));
        if (at + del <= start) s = start - del;
        else if (at < start) s = at;
        n = Math.max(1, size - overlap);
      }
      if (dim === 'row') Object.assign(r.rect, { row: s, numRows: n });
      else Object.assign(r.rect, { col: s, numCols: n });
    }
  }
}

/**
 * Conditional formatting and data validation between the local sheet and Excel's model (exceljs),
 * written as *real* Excel rules — cellIs (equal / between / greaterThanOrEqual …) and expression
 * rules with a differential fill — so Excel and LibreOffice show the same pink and red the add-on
 * set in Sheets. Mapping (and back, for loading a tracker downloaded from Google Sheets):
 *   NUMBER_* ↔ cellIs with a number; TEXT_EQUAL_TO ↔ cellIs equal with a quoted string;
 *   TEXT_CONTAINS ↔ containsText; CELL_EMPTY / CELL_NOT_EMPTY ↔ expression LEN(TRIM(A1))=0 / >0;
 *   CUSTOM_FORMULA ↔ expression (Excel stores it without the leading "=").
 * Sheets applies only the first matching rule; Excel applies rules in priority order and a later
 * rule can add formats the first did not set — harmless for fill-only rules, which is all the
 * add-on writes. Checkboxes have no Excel equivalent: saved as a TRUE/FALSE list, read back as a
 * checkbox.
 */
import type ExcelJS from 'exceljs';
import { columnLetter, parseA1, rectFromA1, toA1, type GridRect } from '../services/spreadsheet/a1';
import type { LocalConditionalFormatRule, RuleSpec } from '../services/spreadsheet/conditional';
import type { BooleanCriteriaName } from '../services/spreadsheet/enums';
import type { LocalSheet } from '../services/spreadsheet/sheet';
import type { ValidationSpec } from '../services/spreadsheet/validation';

const CELL_IS: Partial<Record<BooleanCriteriaName, string>> = {
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  NUMBER_BETWEEN: 'between',
};

export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
export const hexOf = (c: Partial<ExcelJS.Color> | undefined): string | undefined =>
  c && typeof c.argb === 'string' && c.argb.length >= 6 ? `#${c.argb.slice(-6).toLowerCase()}` : undefined;

function style(spec: RuleSpec): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  // Both colours: Excel reads bgColor for a solid differential fill, some readers read fgColor.
  if (spec.background) s.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.background) }, bgColor: { argb: argb(spec.background) } };
  if (spec.fontColor || spec.bold !== undefined) {
    s.font = {};
    if (spec.fontColor) s.font.color = { argb: argb(spec.fontColor) };
    if (spec.bold !== undefined) s.font.bold = spec.bold;
  }
  return s;
}

const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** One local rule as an Excel conditional formatting block. */
export function ruleToExcel(rule: LocalConditionalFormatRule, priority: number): ExcelJS.ConditionalFormattingOptions {
  const spec = rule._spec;
  const ref = spec.ranges.map((r) => toA1(r.rect)).join(' ');
  const first = spec.ranges[0]?.rect ?? { row: 1, col: 1 };
  const topLeft = `${columnLetter(first.col)}${first.row}`;
  const base = { priority, style: style(spec) };
  const crit = spec.criteria as BooleanCriteriaName;
  let r: ExcelJS.ConditionalFormattingRule;
  if (CELL_IS[crit]) {
    r = { ...base, type: 'cellIs', operator: CELL_IS[crit] as ExcelJS.CellIsOperators, formulae: spec.args.map((a) => String(a)) };
  } else if (crit === 'TEXT_EQUAL_TO') {
    r = { ...base, type: 'cellIs', operator: 'equal', formulae: [quote(String(spec.args[0]))] };
  } else if (crit === 'TEXT_CONTAINS') {
    r = { ...base, type: 'containsText', operator: 'containsText', text: String(spec.args[0]) };
  } else if (crit === 'CELL_EMPTY' || crit === 'CELL_NOT_EMPTY') {
    r = { ...base, type: 'expression', formulae: [`LEN(TRIM(${topLeft}))${crit === 'CELL_EMPTY' ? '=0' : '>0'}`] };
  } else {
    r = { ...base, type: 'expression', formulae: [String(spec.args[0]).replace(/^=/, '')] };
  }
  return { ref, rules: [r] };
}

const OPERATOR_TO_CRITERIA: Record<string, BooleanCriteriaName> = Object.fromEntries(
  Object.entries(CELL_IS).map(([k, v]) => [v as string, k as BooleanCriteriaName]),
);

/** Excel rules of a worksheet as local rule specs in priority order; unknown kinds are reported. */
export function rulesFromExcel(ws: ExcelJS.Worksheet, sheet: LocalSheet, skipped: string[]): RuleSpec[] {
  const found: { priority: number; spec: RuleSpec }[] = [];
  const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  for (const cf of cfs) {
    const ranges = cf.ref
      .split(/\s+/)
      .filter(Boolean)
      .map((a) => ({ sheet, rect: rectFromA1(parseA1(a), sheet._maxRows, sheet._maxColumns) as GridRect }));
    for (const r of cf.rules) {
      const spec: RuleSpec = { args: [], ranges };
      const st = r.style ?? {};
      const fill = st.fill as ExcelJS.FillPattern | undefined;
      const bg = hexOf(fill?.bgColor) ?? hexOf(fill?.fgColor);
      if (bg) spec.background = bg;
      const fc = hexOf(st.font?.color);
      if (fc) spec.fontColor = fc;
      if (typeof st.font?.bold === 'boolean') spec.bold = st.font.bold;
      const formulae = ((r as { formulae?: unknown[] }).formulae ?? []).map(String);
      if (r.type === 'cellIs') {
        const op = String(r.operator);
        const textual = formulae.length === 1 && /^".*"$/.test(formulae[0]);
        if (textual && op === 'equal') Object.assign(spec, { criteria: 'TEXT_EQUAL_TO', args: [formulae[0].slice(1, -1).replace(/""/g, '"')] });
        else if (OPERATOR_TO_CRITERIA[op] && formulae.every((f) => f.trim() !== '' && !Number.isNaN(Number(f)))) {
          Object.assign(spec, { criteria: OPERATOR_TO_CRITERIA[op], args: formulae.map(Number) });
        } else Object.assign(spec, { criteria: 'CUSTOM_FORMULA', args: [cellIsAsFormula(op, formulae, ranges[0]?.rect)] });
      } else if (r.type === 'expression') {
        const f = formulae[0] ?? '';
        const blank = /^LEN\(TRIM\(\$?[A-Z]+\$?\d+\)\)(=0|>0)$/.exec(f);
        if (blank) Object.assign(spec, { criteria: blank[1] === '=0' ? 'CELL_EMPTY' : 'CELL_NOT_EMPTY' });
        else Object.assign(spec, { criteria: 'CUSTOM_FORMULA', args: [`=${f}`] });
      } else if (r.type === 'containsText' && (r as ExcelJS.ContainsTextRuleType).operator === 'containsText') {
        Object.assign(spec, { criteria: 'TEXT_CONTAINS', args: [(r as ExcelJS.ContainsTextRuleType).text ?? ''] });
      } else {
        skipped.push(`${ws.name}: a "${r.type}" conditional format on ${cf.ref} is not supported and was left out.`);
        continue;
      }
      found.push({ priority: r.priority ?? found.length + 1, spec });
    }
  }
  return found.sort((a, b) => a.priority - b.priority).map((f) => f.spec);
}

/** A cellIs rule with cell references as a Sheets custom formula (rare in trackers). */
function cellIsAsFormula(op: string, f: string[], at: GridRect | undefined): string {
  const cell = at ? `${columnLetter(at.col)}${at.row}` : 'A1';
  const sym: Record<string, string> = { equal: '=', notEqual: '<>', greaterThan: '>', greaterThanOrEqual: '>=', lessThan: '<', lessThanOrEqual: '<=' };
  if (op === 'between') return `=AND(${cell}>=${f[0]},${cell}<=${f[1]})`;
  if (op === 'notBetween') return `=OR(${cell}<${f[0]},${cell}>${f[1]})`;
  return `=${cell}${sym[op] ?? '='}${f[0]}`;
}

/** A local validation as Excel's. */
export function validationToExcel(spec: ValidationSpec): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: !spec.allowInvalid, errorStyle: spec.allowInvalid ? 'warning' : 'stop', prompt: spec.helpText, showInputMessage: !!spec.helpText };
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return { ...common, type: 'list', formulae: [`"${(spec.args[0] as string[]).join(',')}"`] } as ExcelJS.DataValidation;
    case 'CHECKBOX':
      return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] } as ExcelJS.DataValidation;
    case 'DATE_IS_VALID_DATE':
      return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] } as ExcelJS.DataValidation;
    default:
      return { ...common, type: 'custom', formulae: ['TRUE'] } as ExcelJS.DataValidation;
  }
}

/** Excel's validation as a local one, or undefined for kinds the add-on does not use. */
export function validationFromExcel(dv: ExcelJS.DataValidation): ValidationSpec | undefined {
  const allowInvalid = dv.showErrorMessage !== true || dv.errorStyle === 'warning' || dv.errorStyle === 'information';
  const helpText = dv.prompt || undefined;
  if (dv.type === 'list') {
    const f = String(dv.formulae?.[0] ?? '');
    if (!/^".*"$/.test(f)) return undefined; // a list from a range: not used by the add-on
    const values = f.slice(1, -1).split(',');
    if (values.length === 2 && values[0] === 'TRUE' && values[1] === 'FALSE') return { criteria: 'CHECKBOX', args: [], allowInvalid, helpText };
    return { criteria: 'VALUE_IN_LIST', args: [values, true], allowInvalid, helpText };
  }
  if (dv.type === 'date') return { criteria: 'DATE_IS_VALID_DATE', args: [], allowInvalid, helpText };
  return undefined;
}

/**
 * The SpreadsheetApp enums the add-on uses, with Apps Script's names. Values are the names
 * themselves (Apps Script enums stringify to their name).
 * Source: developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app (Properties).
 */
function enumOf<K extends string>(...names: K[]): Record<K, K> {
  const o = {} as Record<K, K>;
  for (const n of names) o[n] = n;
  return Object.freeze(o);
}

export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_EQUAL_TO',
  'CUSTOM_FORMULA',
);
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export const DataValidationCriteria = enumOf('VALUE_IN_LIST', 'VALUE_IN_RANGE', 'DATE_IS_VALID_DATE', 'CHECKBOX', 'CUSTOM_FORMULA');
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

export const ProtectionType = enumOf('RANGE', 'SHEET');
export const BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
export const Dimension = enumOf('COLUMNS', 'ROWS');
export const ChartType = enumOf('AREA', 'BAR', 'COLUMN', 'COMBO', 'LINE', 'PIE', 'SCATTER', 'TABLE');

/** Ui.Button and Ui.ButtonSet. Source: developers.google.com/apps-script/reference/base/button. */
export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export type ButtonName = keyof typeof Button;
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

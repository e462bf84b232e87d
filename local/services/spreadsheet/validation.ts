/**
 * Data validation (dropdowns, date cells, checkboxes) as SpreadsheetApp.newDataValidation() builds
 * it. Source: developers.google.com/apps-script/reference/spreadsheet/data-validation-builder.
 * A rule is immutable once built; the same rule object may sit on many cells.
 */
import type { LocalEnv } from '../env';
import { wrap } from './counted';
import { DataValidationCriteria, type DataValidationCriteriaName } from './enums';

export interface ValidationSpec {
  criteria: DataValidationCriteriaName;
  /** VALUE_IN_LIST: [values[], showDropdown]; others: []. */
  args: unknown[];
  allowInvalid: boolean;
  helpText?: string;
}

export class LocalDataValidation {
  _w?: LocalDataValidation;
  constructor(
    private readonly env: LocalEnv,
    readonly _spec: ValidationSpec,
  ) {}

  getCriteriaType(): DataValidationCriteriaName {
    return this._spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._spec.args.map((a) => (Array.isArray(a) ? [...a] : a));
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this._spec.helpText ?? null;
  }
  copy(): LocalDataValidationBuilder {
    return newDataValidation(this.env, { ...this._spec, args: this.getCriteriaValues() });
  }

  /** Would Sheets accept this value (for tests of what a person may type)? */
  _accepts(v: unknown): boolean {
    if (v === '' || v === null || v === undefined) return true;
    switch (this._spec.criteria) {
      case 'VALUE_IN_LIST':
        return (this._spec.args[0] as unknown[]).map(String).includes(String(v));
      case 'DATE_IS_VALID_DATE':
        return v instanceof Date;
      case 'CHECKBOX':
        return typeof v === 'boolean';
      default:
        return true;
    }
  }
}

export class LocalDataValidationBuilder {
  _w?: LocalDataValidationBuilder;
  private spec: ValidationSpec;
  constructor(
    private readonly env: LocalEnv,
    from?: ValidationSpec,
  ) {
    this.spec = from ?? { criteria: DataValidationCriteria.VALUE_IN_LIST, args: [[], true], allowInvalid: true };
  }
  requireValueInList(values: string[], showDropdown = true): LocalDataValidationBuilder {
    this.spec = { ...this.spec, criteria: 'VALUE_IN_LIST', args: [[...values], showDropdown] };
    return this._w as LocalDataValidationBuilder;
  }
  requireDate(): LocalDataValidationBuilder {
    this.spec = { ...this.spec, criteria: 'DATE_IS_VALID_DATE', args: [] };
    return this._w as LocalDataValidationBuilder;
  }
  requireCheckbox(): LocalDataValidationBuilder {
    this.spec = { ...this.spec, criteria: 'CHECKBOX', args: [] };
    return this._w as LocalDataValidationBuilder;
  }
  setAllowInvalid(allow: boolean): LocalDataValidationBuilder {
    this.spec = { ...this.spec, allowInvalid: allow };
    return this._w as LocalDataValidationBuilder;
  }
  setHelpText(text: string): LocalDataValidationBuilder {
    this.spec = { ...this.spec, helpText: text };
    return this._w as LocalDataValidationBuilder;
  }
  build(): LocalDataValidation {
    return wrap(this.env, new LocalDataValidation(this.env, { ...this.spec }), 'DataValidation');
  }
}

export function newDataValidation(env: LocalEnv, from?: ValidationSpec): LocalDataValidationBuilder {
  return wrap(env, new LocalDataValidationBuilder(env, from), 'DataValidationBuilder');
}

/** A built rule for the loader (not counted: nothing of the add-on's made it). */
export function validationFromSpec(env: LocalEnv, spec: ValidationSpec): LocalDataValidation {
  return wrap(env, new LocalDataValidation(env, spec), 'DataValidation');
}

/**
 * Sheet and range protections. The add-on protects its computed columns with a warning
 * (setWarningOnly(true)) so staff are told before overwriting. Editors are not modelled: the
 * local user can always edit. Source: developers.google.com/apps-script/reference/spreadsheet/protection.
 */
import type { LocalEnv } from '../env';
import type { GridRect } from './a1';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';

export class LocalProtection {
  _w?: LocalProtection;
  _description = '';
  _warningOnly = false;
  _removed = false;
  _unprotected: GridRect[] = [];
  constructor(
    private readonly env: LocalEnv,
    readonly _sheet: LocalSheet,
    readonly _type: 'RANGE' | 'SHEET',
    readonly _rect: GridRect,
  ) {}
  getProtectionType(): 'RANGE' | 'SHEET' {
    return this._type;
  }
  getRange(): LocalRange {
    return this._sheet._rangeAt(this._rect);
  }
  setDescription(d: string): LocalProtection {
    this._description = d;
    return this._w as LocalProtection;
  }
  getDescription(): string {
    return this._description;
  }
  setWarningOnly(w: boolean): LocalProtection {
    this._warningOnly = w;
    return this._w as LocalProtection;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  setUnprotectedRanges(ranges: LocalRange[]): LocalProtection {
    this._unprotected = ranges.map((r) => r._ruleRange().rect);
    return this._w as LocalProtection;
  }
  getUnprotectedRanges(): LocalRange[] {
    return this._unprotected.map((r) => this._sheet._rangeAt(r));
  }
  addEditor(): LocalProtection {
    return this._w as LocalProtection;
  }
  addEditors(): LocalProtection {
    return this._w as LocalProtection;
  }
  removeEditors(): LocalProtection {
    return this._w as LocalProtection;
  }
  getEditors(): unknown[] {
    return [];
  }
  setDomainEdit(): LocalProtection {
    return this._w as LocalProtection;
  }
  canEdit(): boolean {
    return true;
  }
  remove(): void {
    this._removed = true;
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
}

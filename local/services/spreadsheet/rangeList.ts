/**
 * RangeList: several ranges at once (a Ctrl-click selection, Sheet.getRangeList). Only what the
 * add-on uses: the ranges, activate() to make them the selection, and setBackground /
 * setFontWeight / setNumberFormat, which apply to every range of the list and return the list
 * (one call for many ranges: the Dashboard formats all its blocks with three).
 * Source: developers.google.com/apps-script/reference/spreadsheet/range-list.
 */
import { LocalRange } from './range';

export class LocalRangeList {
  _w?: LocalRangeList;
  constructor(readonly _ranges: LocalRange[]) {}
  getRanges(): LocalRange[] {
    return [...this._ranges];
  }
  /** The same cells as uncounted ranges: one RangeList call is one call, as in Apps Script. */
  private raw(): LocalRange[] {
    return this._ranges.map((r) => new LocalRange((r as unknown as { env: ConstructorParameters<typeof LocalRange>[0] }).env, r._sheet, r._rect));
  }
  setBackground(colour: string | null): LocalRangeList {
    for (const r of this.raw()) r.setBackground(colour);
    return this._w as LocalRangeList;
  }
  setFontWeight(w: 'bold' | 'normal' | null): LocalRangeList {
    for (const r of this.raw()) r.setFontWeight(w);
    return this._w as LocalRangeList;
  }
  setNumberFormat(fmt: string): LocalRangeList {
    for (const r of this.raw()) r.setNumberFormat(fmt);
    return this._w as LocalRangeList;
  }
  activate(): LocalRangeList {
    const first = this._ranges[0];
    if (first) {
      const ss = first._sheet._spreadsheet;
      ss._active = first._sheet;
      ss._activeRanges = this._ranges.map((r) => ({ ...r._rect }));
    }
    return this._w as LocalRangeList;
  }
}

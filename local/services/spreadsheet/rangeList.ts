/**
 * RangeList: several ranges at once (a Ctrl-click selection, Sheet.getRangeList). Only what the
 * add-on uses: the ranges, and activate() to make them the selection.
 * Source: developers.google.com/apps-script/reference/spreadsheet/range-list.
 */
import type { LocalRange } from './range';

export class LocalRangeList {
  _w?: LocalRangeList;
  constructor(readonly _ranges: LocalRange[]) {}
  getRanges(): LocalRange[] {
    return [...this._ranges];
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

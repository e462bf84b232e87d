/**
 * Table, TableRow and TableCell. A cell is a section like the body (it holds paragraphs).
 * appendTable(cells) makes one row per inner array, each cell one paragraph of text
 * (developers.google.com/apps-script/reference/document/body#appendTable(String)).
 */
import type { LocalEnv } from '../env';
import { ParentNode, factories, unwrap } from './node';
import { LocalContainer } from './container';
import { LocalParagraph } from './paragraph';
import { LocalText, findInTree, type RangeElementLike } from './text';

export class LocalTableCell extends LocalContainer {
  _background: string | null = null;
  _width: number | null = null;
  constructor(env: LocalEnv, text = '') {
    super(env, 'TABLE_CELL', 'TableCell');
    if (text !== '') (this._kids[0] as LocalParagraph).setText(text);
  }
  _clone(): LocalTableCell {
    const c = new LocalTableCell(this._env);
    c._kids[0]._parent = null;
    c._kids = [];
    for (const k of this._kids) c._insert(k._clone());
    c._background = this._background;
    c._width = this._width;
    return c;
  }
  setBackgroundColor(c: string): this { this._background = c; return this._proxy; }
  getBackgroundColor(): string | null { return this._background; }
  setWidth(pt: number): this { this._width = pt; return this._proxy; }
  getWidth(): number | null { return this._width; }
  getParentRow(): LocalTableRow | null { return (this._parent as LocalTableRow | null)?._proxy ?? null; }
  getParentTable(): LocalTable | null { return (this._parent?._parent as LocalTable | null)?._proxy ?? null; }
  getRowSpan(): number { return 1; }
  getColSpan(): number { return 1; }
}

export class LocalTableRow extends ParentNode {
  constructor(env: LocalEnv, cells: string[] = []) {
    super(env, 'TABLE_ROW', 'TableRow');
    for (const c of cells) this._insert(new LocalTableCell(env, String(c ?? '')));
  }
  _clone(): LocalTableRow {
    const r = new LocalTableRow(this._env);
    for (const k of this._kids) r._insert(k._clone());
    return r;
  }
  _text(): string {
    return this._kids.map((k) => k._text()).join('\t');
  }
  getText(): string { return this._text(); }
  getNumCells(): number { return this._kids.length; }
  getCell(i: number): LocalTableCell {
    const c = this._kids[i];
    if (!c) throw new Error(`Exception: Cell index (${i}) must be less than the number of cells (${this._kids.length}).`);
    return (c as LocalTableCell)._proxy;
  }
  appendTableCell(cell?: string | LocalTableCell): LocalTableCell {
    const node = typeof cell === 'object' && cell !== null ? unwrap(cell) : new LocalTableCell(this._env, String(cell ?? ''));
    return this._insert(node)._proxy;
  }
  removeCell(i: number): LocalTableCell {
    const c = this._kids[i] as LocalTableCell;
    this._removeChild(c);
    return c._proxy;
  }
  getParentTable(): LocalTable | null { return (this._parent as LocalTable | null)?._proxy ?? null; }
  replaceText(p: string, r: string): this {
    for (const n of this._descendants()) if (n instanceof LocalText) n.replaceText(p, r);
    return this._proxy;
  }
  editAsText(): LocalText { return new LocalText(this._env, this._text())._proxy; }
}

export class LocalTable extends ParentNode {
  _columnWidths: Record<number, number> = {};
  _borderWidth: number | null = null;
  constructor(env: LocalEnv, cells: string[][] = []) {
    super(env, 'TABLE', 'Table');
    for (const row of cells) this._insert(new LocalTableRow(env, row.map((c) => String(c ?? ''))));
  }
  _clone(): LocalTable {
    const t = new LocalTable(this._env);
    for (const k of this._kids) t._insert(k._clone());
    t._columnWidths = { ...this._columnWidths };
    t._borderWidth = this._borderWidth;
    return t;
  }
  _text(): string {
    return this._kids.map((k) => k._text()).join('\n');
  }
  getText(): string { return this._text(); }
  getNumRows(): number { return this._kids.length; }
  getRow(i: number): LocalTableRow {
    const r = this._kids[i];
    if (!r) throw new Error(`Exception: Row index (${i}) must be less than the number of rows (${this._kids.length}).`);
    return (r as LocalTableRow)._proxy;
  }
  getCell(row: number, col: number): LocalTableCell {
    return this.getRow(row).getCell(col);
  }
  appendTableRow(row?: LocalTableRow): LocalTableRow {
    return this._insert(row ? unwrap(row) : new LocalTableRow(this._env))._proxy;
  }
  insertTableRow(index: number, row?: LocalTableRow): LocalTableRow {
    return this._insert(row ? unwrap(row) : new LocalTableRow(this._env), index)._proxy;
  }
  removeRow(i: number): LocalTableRow {
    const r = this._kids[i] as LocalTableRow;
    this._removeChild(r);
    return r._proxy;
  }
  setColumnWidth(i: number, pt: number): this { this._columnWidths[i] = pt; return this._proxy; }
  getColumnWidth(i: number): number | null { return this._columnWidths[i] ?? null; }
  setBorderWidth(pt: number): this { this._borderWidth = pt; return this._proxy; }
  getBorderWidth(): number | null { return this._borderWidth; }
  replaceText(p: string, r: string): this {
    for (const n of this._descendants()) if (n instanceof LocalText) n.replaceText(p, r);
    return this._proxy;
  }
  findText(p: string, from?: RangeElementLike): RangeElementLike | null {
    return findInTree(this, p, from);
  }
  editAsText(): LocalText { return new LocalText(this._env, this._text())._proxy; }
}

factories.table = (env, cells) => new LocalTable(env, cells ?? []);

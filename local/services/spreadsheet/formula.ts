/**
 * A small evaluator for conditional-format custom formulas, enough for the add-on's forms:
 * `=$N2="Yes"`, `=AND($E2>=2,$E2<3)`, `=OR(ISBLANK($A2),$B2<>"")`, arithmetic and `&`.
 * References are relative to the rule's first range's top-left cell, as in Sheets (a `$` fixes
 * the row or column). Anything else (other functions, other sheets, ranges) is reported as
 * unsupported rather than guessed. Comparisons follow Sheets: text compares case-insensitively,
 * a blank cell is 0 against a number and "" against text.
 */
import { columnNumber } from './a1';
import type { CellValue } from './values';

type Val = string | number | boolean;
type Token = { t: 'num' | 'str' | 'ref' | 'id' | 'op' | 'punc'; s: string };

export type Lookup = (row: number, col: number) => CellValue;

export class FormulaUnsupported extends Error {}

function tokenize(src: string): Token[] {
  const re = /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|(\$?[A-Za-z]{1,3}\$?\d+)(?![A-Za-z(])|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[=<>+\-*/&])|([(),]))/y;
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m || m[0].length === 0) {
      if (/^\s*$/.test(src.slice(i))) break;
      throw new FormulaUnsupported(`cannot read "${src.slice(i)}"`);
    }
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', s: m[1] });
    else if (m[2] !== undefined) out.push({ t: 'str', s: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: 'ref', s: m[3] });
    else if (m[4] !== undefined) out.push({ t: 'id', s: m[4].toUpperCase() });
    else if (m[5] !== undefined) out.push({ t: 'op', s: m[5] });
    else if (m[6] !== undefined) out.push({ t: 'punc', s: m[6] });
  }
  return out;
}

/** Evaluate `formula` (with its leading "=") for the cell at row/col of a rule anchored at anchor. */
export function evaluateFormula(
  formula: string,
  at: { row: number; col: number },
  anchor: { row: number; col: number },
  lookup: Lookup,
): Val {
  const tokens = tokenize(formula.replace(/^=/, ''));
  let p = 0;
  const peek = () => tokens[p];
  const next = () => tokens[p++];
  const expect = (s: string) => {
    const t = next();
    if (!t || t.s !== s) throw new FormulaUnsupported(`expected "${s}" in ${formula}`);
  };

  const cellRef = (ref: string): Val => {
    const m = /^(\$?)([A-Za-z]+)(\$?)(\d+)$/.exec(ref) as RegExpExecArray;
    const col = columnNumber(m[2]) + (m[1] ? 0 : at.col - anchor.col);
    const row = Number(m[4]) + (m[3] ? 0 : at.row - anchor.row);
    const v = lookup(row, col);
    return v instanceof Date ? v.getTime() / 86400000 + 25569 : v;
  };

  const args = (): Val[] => {
    expect('(');
    const out: Val[] = [];
    if (peek()?.s === ')') {
      next();
      return out;
    }
    for (;;) {
      out.push(comparison());
      const t = next();
      if (t?.s === ')') return out;
      if (t?.s !== ',') throw new FormulaUnsupported(`expected "," in ${formula}`);
    }
  };

  const primary = (): Val => {
    const t = next();
    if (!t) throw new FormulaUnsupported(`unexpected end of ${formula}`);
    if (t.t === 'num') return Number(t.s);
    if (t.t === 'str') return t.s;
    if (t.t === 'ref') return cellRef(t.s);
    if (t.s === '(') {
      const v = comparison();
      expect(')');
      return v;
    }
    if (t.t === 'id') {
      if ((t.s === 'TRUE' || t.s === 'FALSE') && peek()?.s !== '(') return t.s === 'TRUE';
      if (t.s === 'ISBLANK') {
        const ref = tokens[p + 1];
        if (ref?.t !== 'ref') throw new FormulaUnsupported(`ISBLANK needs a cell in ${formula}`);
        const [v] = args();
        return v === '';
      }
      const a = args();
      switch (t.s) {
        case 'AND':
          return a.every(truthy);
        case 'OR':
          return a.some(truthy);
        case 'NOT':
          return !truthy(a[0]);
        case 'IF':
          return truthy(a[0]) ? a[1] ?? true : a[2] ?? false;
        case 'LEN':
          return String(a[0] ?? '').length;
        default:
          throw new FormulaUnsupported(`function ${t.s} is not evaluated locally`);
      }
    }
    throw new FormulaUnsupported(`unexpected "${t.s}" in ${formula}`);
  };

  const unary = (): Val => {
    if (peek()?.s === '-') {
      next();
      return -num(unary());
    }
    return primary();
  };

  const term = (): Val => {
    let v = unary();
    while (peek()?.s === '*' || peek()?.s === '/') {
      const op = next().s;
      const r = unary();
      v = op === '*' ? num(v) * num(r) : num(v) / num(r);
    }
    return v;
  };

  const additive = (): Val => {
    let v = term();
    while (peek()?.s === '+' || peek()?.s === '-' || peek()?.s === '&') {
      const op = next().s;
      const r = term();
      v = op === '&' ? text(v) + text(r) : op === '+' ? num(v) + num(r) : num(v) - num(r);
    }
    return v;
  };

  function comparison(): Val {
    const l = additive();
    const op = peek();
    if (op && op.t === 'op' && ['=', '<>', '<', '<=', '>', '>='].includes(op.s)) {
      next();
      return compare(l, op.s, additive());
    }
    return l;
  }

  const v = comparison();
  if (p < tokens.length) throw new FormulaUnsupported(`unexpected "${tokens[p].s}" in ${formula}`);
  return v;
}

function truthy(v: Val): boolean {
  if (typeof v === 'string') return v !== '' && v.toUpperCase() !== 'FALSE';
  return !!v;
}

function num(v: Val): number {
  if (v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number(v);
}

function text(v: Val): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Sheets' ordering: numbers < text < booleans; a blank takes the type of the other side. */
function compare(a: Val, op: string, b: Val): boolean {
  const rank = (v: Val) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let x: Val = a;
  let y: Val = b;
  if (x === '' && typeof y === 'number') x = 0;
  if (y === '' && typeof x === 'number') y = 0;
  if (x === '' && typeof y === 'boolean') x = false;
  if (y === '' && typeof x === 'boolean') y = false;
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === 'string') c = x.toLowerCase().localeCompare(String(y).toLowerCase());
  else c = Number(x) - Number(y);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

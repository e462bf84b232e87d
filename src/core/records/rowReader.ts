/**
 * Reads one data row of a tab by field name and collects everything wrong with it, so a refused
 * row lists all its problems at once (the person fixes the row in one go, not one error per import).
 */
import { ColumnDef } from '../tabs';
import { IsoDate } from '../dates';
import { HeaderMap, HeaderSpec } from './headers';
import { Refusal, shown } from './refusal';
import { checkUpn } from './upn';
import { parseUkDate } from './ukDate';
import { CELL_TEXT_LIMIT } from './safeText';
import { letterStatusOf, letterTypeOf } from './letterTypes';
import {
  Checked, ClassifyCode, YearRange, cellText, isBlank, parseCode, parseEmail, parseEmailList,
  parseEnum, parseNumber, parseSen, parseSession, parseYear, parseYesNo,
} from './cells';

/**
 * One leading apostrophe is dropped before anything is parsed (issue 15 §9). The add-on writes
 * "'5" so that a grade stays text; Sheets hides that apostrophe in an ordinary cell, but whether it
 * does so in a cell already formatted as plain text ("@") is not documented — if it keeps it, the
 * grade would read back as "'5", a UPN as "'0123…", a date as "'08/01/2024". Read either way, the
 * value is the same. (A name that really starts with an apostrophe loses it; none do in practice.)
 */
export function withoutStrayApostrophe(v: unknown): unknown {
  return typeof v === 'string' && v.charAt(0) === "'" ? v.slice(1) : v;
}

export class RowReader {
  readonly problems: Refusal[] = [];

  constructor(
    private readonly spec: HeaderSpec,
    private readonly map: HeaderMap,
    private readonly cells: unknown[],
    readonly row: number,
  ) {}

  private col(field: string): ColumnDef {
    const c = this.spec.columns.find((x) => x.field === field);
    if (!c) throw new Error(`${this.spec.name} has no field "${field}"`); // a programming error
    return c;
  }

  has(field: string): boolean {
    return this.map.columnIndex[field] !== undefined;
  }

  raw(field: string): unknown {
    const i = this.map.columnIndex[field];
    return i === undefined ? undefined : withoutStrayApostrophe(this.cells[i]);
  }

  fail(field: string, reason: string): void {
    this.problems.push({ row: this.row, column: this.col(field).header, value: shown(this.raw(field)), reason });
  }

  /** A required column's cell must not be blank; false (and a problem) when it is. */
  private present(field: string): boolean {
    if (!isBlank(this.raw(field))) return true;
    if (this.col(field).required) this.fail(field, `${this.col(field).header} is blank.`);
    return false;
  }

  private take<T>(field: string, c: Checked<T>, fallback: T): T {
    if (c.ok) return c.value;
    this.fail(field, c.reason);
    return fallback;
  }

  text(field: string): string {
    if (!this.present(field)) return '';
    const t = cellText(this.raw(field));
    // Refused rather than cut on import: the person decides what to drop from their own notes.
    if (t.length > CELL_TEXT_LIMIT - 1) {
      this.problems.push({ row: this.row, column: this.col(field).header, value: t.slice(0, 40) + '…',
        reason: `text of ${t.length} characters is too long for a Sheets cell (at most ${CELL_TEXT_LIMIT - 1} here) — shorten it.` });
      return '';
    }
    return t;
  }

  /**
   * A person's name (pupil, parent, contact, member of staff). A name starting with = + - or @
   * is not a name but a spreadsheet formula (or the start of one): the row is refused, so no
   * letter or e-mail is ever addressed with it and the MIS record gets fixed (issue 16).
   */
  name(field: string): string {
    const t = this.text(field);
    if (/^[=+\-@]/.test(t)) {
      this.fail(field, 'looks like a spreadsheet formula, not a name — correct it in the MIS and export again.');
      return '';
    }
    return t;
  }

  /** A Letters Log type, read leniently (core/records/letterTypes.ts). */
  letterType(field: string): string {
    if (!this.present(field)) return '';
    const t = letterTypeOf(cellText(this.raw(field)));
    if (t.ok) return t.type;
    this.fail(field, t.reason);
    return '';
  }

  /** A Letters Log status, with the words schools use for each (Posted → Sent, Void → Cancelled …). */
  letterStatus(field: string): string {
    if (!this.present(field)) return '';
    const s = letterStatusOf(cellText(this.raw(field)));
    if (s !== null) return s;
    this.fail(field, `"${cellText(this.raw(field))}" is not a letter status (Produced, Sent, Out of date or Cancelled).`);
    return '';
  }

  /** Text split into a list (roles on , or ;  — an owner chain on >). */
  list(field: string, separator: RegExp): string[] {
    return this.text(field).split(separator).map((s) => s.trim()).filter((s) => s !== '');
  }

  upn(field = 'upn'): string {
    if (!this.present(field)) return '';
    const c = checkUpn(this.raw(field));
    if (c.ok) return c.upn;
    this.fail(field, c.reason);
    return '';
  }

  date(field: string): IsoDate | '' {
    if (!this.present(field)) return '';
    const d = parseUkDate(this.raw(field), { serial: true });
    if (d.ok) return d.date;
    this.fail(field, d.reason);
    return '';
  }

  yesNo(field: string, alsoYes: string[] = []): boolean {
    if (!this.present(field)) return false;
    return this.take(field, parseYesNo(this.raw(field), alsoYes), null) === true;
  }

  /** Yes, No, or null when the cell is blank ("not stated" is not "no"). */
  yesNoOrNull(field: string, alsoYes: string[] = []): boolean | null {
    if (!this.present(field)) return null;
    return this.take(field, parseYesNo(this.raw(field), alsoYes), null);
  }

  /** SEN status: any provision → true; N or blank → false. */
  sen(field: string): boolean {
    if (!this.present(field)) return false;
    return this.take(field, parseSen(this.raw(field)), false);
  }

  /** A yes/no column kept as the sheet's drop-down text: 'Yes', 'No' or '' when blank. */
  yesNoText(field: string): string {
    if (!this.present(field)) return '';
    const v = this.take(field, parseYesNo(this.raw(field)), null);
    return v === null ? '' : v ? 'Yes' : 'No';
  }

  number(field: string, min = 0): number | null {
    if (!this.present(field)) return null;
    const n = this.take(field, parseNumber(this.raw(field)), null);
    if (n !== null && n < min) {
      this.fail(field, `${n} is below ${min}.`);
      return null;
    }
    return n;
  }

  year(field: string, range?: YearRange): number | null {
    if (!this.present(field)) return null;
    return this.take(field, parseYear(this.raw(field), range), null);
  }

  email(field: string): string {
    return this.present(field) ? this.take(field, parseEmail(this.raw(field)), '') : '';
  }

  emailList(field: string): string {
    return this.present(field) ? this.take(field, parseEmailList(this.raw(field)), '') : '';
  }

  /** A drop-down column: one of its options (any case), spelled as the option is. */
  oneOf(field: string, options?: string[]): string {
    if (!this.present(field)) return '';
    return this.take(field, parseEnum(this.raw(field), options || this.col(field).options || []), '');
  }

  session(field: string): 'AM' | 'PM' {
    if (!this.present(field)) return 'AM';
    return this.take(field, parseSession(this.raw(field)), 'AM');
  }

  code(field: string, classify: ClassifyCode): string {
    return this.take(field, parseCode(this.raw(field), classify), '');
  }

  /**
   * Several columns read the same way, in the order given (so a refused row lists its problems in
   * column order): each('text', 'time', 'teacher') is { time: text('time'), teacher: text('teacher') }.
   * The record's field is the column's field, written once.
   */
  each<H extends SimpleRead, K extends string>(how: H, ...fields: K[]): Record<K, ReturnType<RowReader[H]>> {
    const out = {} as Record<K, ReturnType<RowReader[H]>>;
    for (const f of fields) out[f] = this[how](f) as ReturnType<RowReader[H]>;
    return out;
  }
}

/** The reads that need nothing but the field (each() can repeat them). */
type SimpleRead = 'text' | 'name' | 'date' | 'yesNoText' | 'oneOf' | 'yesNoOrNull';

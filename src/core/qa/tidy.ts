/**
 * The QA calendar's free text, tidied for e-mails (issue 21). Schools paste the calendar from a
 * Word table, so the text arrives as it was typed: "16/1/24 and before send", "18.1.24", two
 * lines of a cell run together ("names to be removed Follow up responses"), "HOY 10 &11/SLT Link".
 * Tidying keeps the meaning and changes only the form:
 *  - every date becomes dd/mm/yyyy (a date with no year takes the year nearest the task's date);
 *  - "and before send" keeps its meaning in words: "and before the letters are sent" on a letters
 *    task, "and before sending" otherwise;
 *  - a line break Word lost becomes a full stop, only where a lower-case word runs into a
 *    capitalised one that is not a role or a name after "to", "by", "with" …;
 *  - spacing around "/", "&" and ">" in owner chains is made even.
 * Pure; the calendar itself is never rewritten (staff's text stays theirs).
 */
import { IsoDate, isIsoDate, pad2, toUk } from '../dates';

const DATE_G = /(^|[^0-9/.-])(\d{1,2})([/.-])(\d{1,2})(?:\3(\d{4}|\d{2}))?(?![0-9]|[/.-]\d)/g;

/** The ISO date for day/month/(year) near `near`, or null when it is not a real date. */
function isoFor(day: number, month: number, year: string | undefined, near: IsoDate | undefined): IsoDate | null {
  let y: number;
  if (year) y = year.length === 2 ? 2000 + +year : +year;
  else if (near && isIsoDate(near)) {
    const ny = +near.slice(0, 4);
    const nm = +near.slice(5, 7);
    y = month - nm > 6 ? ny - 1 : nm - month > 6 ? ny + 1 : ny;
  } else return null;
  const iso = `${y}-${pad2(month)}-${pad2(day)}`;
  return isIsoDate(iso) ? iso : null;
}

/** Every date in the text as dd/mm/yyyy; text that is not a date ("1-2 weeks") is left alone. */
export function tidyDates(text: string, near?: IsoDate): string {
  return String(text || '').replace(DATE_G, (all, pre: string, d: string, sep: string, m: string, y: string | undefined) => {
    if (!y && sep !== '/' && sep !== '.') return all; // "3-6" is a range, not a date
    const iso = isoFor(+d, +m, y, near);
    return iso ? `${pre}${toUk(iso)}` : all;
  });
}

// After these a capitalised word is part of the sentence ("reported to Attendance officer").
const GLUE = /^(?:to|by|with|for|from|in|on|at|of|and|or|the|a|an|via|per|into|onto|than|as|if|is|are|be)$/i;

/** "names to be removed Follow up responses" → "names to be removed. Follow up responses". */
export function splitRunOnLines(text: string): string {
  return text.replace(/\b([a-z][a-z'’]*)\s+([A-Z][a-z][a-z'’]*)\b/g, (all, a: string, b: string) => (GLUE.test(a) ? all : `${a}. ${b}`));
}

export interface TidyOptions {
  /** The task is about letters (tier, punctuality, late to lesson …): "before send" means the letters. */
  letters?: boolean;
}

/** A calendar cell tidied for reading: dates, lost line breaks, "and before send", spacing. */
export function tidyCalendarText(text: string, near?: IsoDate, opts: TidyOptions = {}): string {
  let s = String(text || '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  if (!s) return '';
  s = tidyDates(s, near);
  s = s.replace(/\s*,?\s*\band before (?:send|sending)\b\.?/gi, opts.letters ? ', and before the letters are sent' : ', and before sending');
  s = splitRunOnLines(s);
  s = evenSlashes(s);
  s = s.replace(/\s*–\s*/g, ' – ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a/ b" → "a / b" (a slash with a space on one side gets one on both); "Tutor/Assembly" and dates stay. */
function evenSlashes(s: string): string {
  return s.replace(/\s*\/\s*/g, (m: string) => (m === '/' ? m : ' / '));
}

/** "Pastoral Manager > HOY 10 &11/SLT Link" → "Pastoral Manager → HOY 10 & 11 / SLT Link". */
export function tidyChain(stages: string[]): string {
  return stages
    .map((st) => evenSlashes(st.replace(/\s+/g, ' ')).replace(/\s*&\s*/g, ' & ').trim())
    .filter((st) => st !== '')
    .join(' → ');
}

/**
 * A deadline cell as a phrase after its label: "Follow up with staff by 16/01/2024" when the cell
 * is a date ("end of 10/01/2024", "16/01/2024, and before sending"), otherwise "Follow up with
 * staff: Identify tutors of concern – HOY to challenge".
 */
export function deadlinePhrase(label: string, text: string, near?: IsoDate, opts: TidyOptions = {}): string {
  const t = tidyCalendarText(text, near, opts);
  if (!t) return '';
  if (/^\d{2}\/\d{2}\/\d{4}\b/.test(t)) return `${label} by ${t}`;
  const lead = /^(End of|Before|After|By)\b\s*(.*)$/i.exec(t);
  if (lead && /\d{2}\/\d{2}\/\d{4}/.test(lead[2])) return `${label} by ${lead[1].toLowerCase() === 'by' ? '' : lead[1].toLowerCase() + ' '}${lead[2]}`;
  return `${label}: ${t}`;
}

/**
 * Unique Pupil Numbers. A UPN is 13 characters: a check letter, then 12 digits (LA number 3,
 * establishment number 4, year 2, serial 3); a temporary UPN has a letter in place of the last digit.
 *
 * The check letter (DfE, "Unique Pupil Numbers (UPNs) — a guide for schools" / UK Government Data
 * Standards Catalogue, Unique Pupil Number v2.0, govtalk.gov.uk/gdsc): multiply characters 2–13 by
 * weights 2–13, a temporary UPN's final letter counting as its place in the check alphabet; sum;
 * mod 23; 0 → A … 22 → Z over A–Z without I, O and S. Worked examples in the tests: B801200005001
 * (python-stdnum's documentation) and P207000016049 (Arbor's UPN error 1510 help page, whose
 * digits sum to 266 → 13 → P; the page itself says 267 → Q, an arithmetic slip).
 *
 * UPN is the pupil key and is text: a spreadsheet that turned it into a number has dropped
 * zeros we cannot know, so that damage is refused with how to fix it, never padded.
 */
export const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export const LOST_ZEROS =
  'UPN looks like it lost leading zeros — format the column as text and re-export.';

export type UpnCheck = { ok: true; upn: string } | { ok: false; reason: string };

/** The check letter for the 12 characters after it (11 digits + a digit or, if temporary, a letter). */
export function upnCheckLetter(body: string): string {
  if (!/^\d{11}[0-9A-Z]$/.test(body)) throw new Error(`Not a UPN body: "${body}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = body.charAt(i);
    const v = /\d/.test(ch) ? +ch : UPN_LETTERS.indexOf(ch);
    if (v < 0) throw new Error(`"${ch}" cannot end a temporary UPN (I, O and S are not used)`);
    sum += v * (i + 2);
  }
  return UPN_LETTERS.charAt(sum % 23);
}

/**
 * Check a cell that should hold a UPN. Surrounding spaces are trimmed and lower case is raised
 * (harmless: UPN letters are capitals); nothing else is changed.
 */
export function checkUpn(value: unknown): UpnCheck {
  if (typeof value === 'number') return { ok: false, reason: LOST_ZEROS };
  const s = String(value === null || value === undefined ? '' : value).trim().toUpperCase();
  if (s === '') return { ok: false, reason: 'no UPN.' };
  // Digits only, or Excel's scientific form (8.012E+11): the cell was a number at some point.
  if (/^\d+$/.test(s) || /^\d(\.\d+)?E\+?\d+$/.test(s)) return { ok: false, reason: LOST_ZEROS };
  // A letter then too few digits: the digits were a number once and lost their zeros.
  if (/^[A-Z]\d{9,11}$/.test(s)) return { ok: false, reason: LOST_ZEROS };
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(s)) {
    return { ok: false, reason: 'not a UPN: a UPN is a letter then 12 digits (13 characters).' };
  }
  const last = s.charAt(12);
  if (/[A-Z]/.test(last) && UPN_LETTERS.indexOf(last) < 0) {
    return { ok: false, reason: `a temporary UPN cannot end in "${last}" (I, O and S are not used).` };
  }
  const expected = upnCheckLetter(s.slice(1));
  if (s.charAt(0) !== expected) {
    return { ok: false, reason: `check letter is wrong (the digits give "${expected}") — check the UPN was typed correctly.` };
  }
  return { ok: true, upn: s };
}


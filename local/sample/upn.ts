/**
 * Unique Pupil Numbers for the sample school. A UPN is 13 characters: a check letter, then the
 * 3-digit LA number, the 4-digit DfE establishment number of the school that allocated it, the
 * 2-digit year of allocation and a 3-digit serial.
 *
 * Check letter (DfE, "Unique pupil numbers (UPN): guidance for schools and local authorities",
 * Annex: the check letter algorithm): multiply characters 2–13 by the weights 2–13 (character n
 * by weight n), add the products, take the sum modulo 23, and read the letter at that position
 * (0-based) in "ABCDEFGHJKLMNPQRTUVWXYZ" (I, O and S are left out). In a temporary UPN the 13th
 * character is a letter; it counts as its position in that same alphabet.
 *
 * src/core/records/upn.ts validates UPNs for imports; this generator must agree with it.
 */
export const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter for the 12 characters that follow it (digits; the last may be a letter). */
export function upnCheckLetter(body12: string): string {
  if (!/^\d{11}[0-9A-Z]$/.test(body12)) throw new Error(`A UPN body is 11 digits then a digit or letter, not "${body12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = body12[i];
    const value = /\d/.test(ch) ? Number(ch) : CHECK_LETTERS.indexOf(ch);
    if (value < 0) throw new Error(`"${ch}" cannot end a temporary UPN`);
    sum += value * (i + 2); // character i+2 of the UPN carries weight i+2
  }
  return CHECK_LETTERS[sum % 23];
}

/** A full UPN from its parts: LA number (3 digits), establishment (4), year allocated (2), serial. */
export function makeUpn(la: number, establishment: number, yearAllocated: number, serial: number): string {
  const body = pad(la, 3) + pad(establishment, 4) + pad(yearAllocated % 100, 2) + pad(serial, 3);
  return upnCheckLetter(body) + body;
}

/** True when `upn` is 13 characters with the right check letter. */
export function hasValidCheckLetter(upn: string): boolean {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}

function pad(n: number, width: number): string {
  const s = String(n);
  if (s.length > width) throw new Error(`${n} does not fit in ${width} digits`);
  return '0'.repeat(width - s.length) + s;
}

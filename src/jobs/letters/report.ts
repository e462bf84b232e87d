/**
 * The letters part of out/report.json (SPEC §8): `letters: [{ type, upn }]`, one entry per letter
 * made, in the order they were made (runs in the order given).
 */
import { LetterRunResult } from './run';

export interface LettersReportPart {
  letters: Array<{ type: string; upn: string }>;
}

export function lettersReportPart(results: LetterRunResult | Array<LetterRunResult | null> | null): LettersReportPart {
  const list = Array.isArray(results) ? results : [results];
  const letters: LettersReportPart['letters'] = [];
  for (const r of list) if (r) for (const l of r.letters) letters.push({ type: l.type, upn: l.upn });
  return { letters };
}

/**
 * Shared set-up for the Docs adapter tests: the local Google installed as Apps Script globals,
 * real letter values from core/letters `letterFields`, and readers over the local document tree
 * (raw, so reading in a test costs no counted call).
 */
import { createLocalGoogle, LocalGoogle } from '../../../local/google';
import type { LocalDocument } from '../../../local/services/document/document';
import type { LocalDocumentApp } from '../../../local/services/document/document-app';
import type { DocNode } from '../../../local/services/document/node';
import { LocalParagraph } from '../../../local/services/document/paragraph';
import { LocalText } from '../../../local/services/document/text';
import { LetterContext, letterFields } from '../../../src/core/letters/fields';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { Pupil } from '../../../src/core/types';

export function setUp(): { g: LocalGoogle; uninstall: () => void } {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  const uninstall = g.install();
  return { g, uninstall };
}

export function docApp(g: LocalGoogle): LocalDocumentApp {
  return g.services.DocumentApp as unknown as LocalDocumentApp;
}

export function rawDoc(g: LocalGoogle, id: string): LocalDocument {
  const d = docApp(g)._documents().find((x) => x._id === id);
  if (!d) throw new Error(`no local document ${id}`);
  return d;
}

export function pupil(i: number, over: Partial<Pupil> = {}): Pupil {
  return {
    upn: `A12345678${String(1000 + i)}`, adno: String(100 + i), forename: `Pupil${i}`, surname: `Family${i}`, year: 9, regGroup: '9B',
    pp: false, eal: false, sen: false, parentName: `Mrs Parent${i}`, parentEmail: `parent${i}@example.com`,
    address: `${i} Acacia Avenue\nTown\nAB1 2CD`, mentor: '', leavingDate: '', ...over,
  };
}

export const SCHOOL = { ...DEFAULT_SETTINGS.school, name: 'Coopers School', phone: '01234 567890', signatory: 'Ms R Patel', signatoryRole: 'Head of Year 9' };

/** Letter values for pupil i, with attendance figures that differ per pupil. */
export function values(i: number, over: Partial<Pupil> = {}, ctx: Partial<LetterContext> = {}): Record<string, string> {
  return letterFields({
    pupil: pupil(i, over),
    school: SCHOOL,
    type: 'AT1',
    asOf: '2024-01-26',
    attendance: { possible: 160, attended: 150 - i, authorised: 5 + i, unauthorised: 5, stage: 'level1', reviewDue: '2024-02-23' },
    ...ctx,
  });
}

function nodeText(n: DocNode): string {
  if (n instanceof LocalParagraph) return n._kids.map((k) => (k._type === 'PAGE_BREAK' ? '\f' : k._text())).join('');
  return n._text();
}

export function hasPageBreak(n: DocNode): boolean {
  return n instanceof LocalParagraph && n._kids.some((k) => k._type === 'PAGE_BREAK');
}

export function pageBreaks(doc: LocalDocument): number {
  return doc._body._kids.filter(hasPageBreak).length;
}

/** The body split at page breaks: one string (elements joined by "\n") per letter. */
export function letters(doc: LocalDocument): string[] {
  const out: string[][] = [[]];
  for (const k of doc._body._kids) {
    if (hasPageBreak(k)) out.push([]);
    else out[out.length - 1].push(nodeText(k));
  }
  return out.map((l) => l.join('\n'));
}

/** The body paragraphs (top level) whose text starts with `prefix`. */
export function paragraphsStarting(doc: LocalDocument, prefix: string): LocalParagraph[] {
  return doc._body._kids.filter((k): k is LocalParagraph => k instanceof LocalParagraph && k._text().startsWith(prefix));
}

/** Runs of one paragraph: text and whether it is bold. */
export function boldRuns(p: LocalParagraph): Array<[string, boolean]> {
  const out: Array<[string, boolean]> = [];
  for (const k of p._kids) if (k instanceof LocalText) for (const r of k._runs()) out.push([r.text, !!r.attrs.bold]);
  return out;
}

/** mergeLetters' per-call report as one call per letter: letter i and the body's end after it. */
export function perLetter(fn: (i: number, bodyEnd: number) => void): (from: number, ends: number[]) => void {
  return (from, ends) => ends.forEach((end, k) => fn(from + k, end));
}

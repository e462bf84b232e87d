/**
 * One letter run = ONE Google Doc to print: a page per family, in the school's own wording
 * (SPEC §5), with the template's formatting, a page break between letters and none after the
 * last. The header and footer are copied once with DocumentApp (a document has one of each, and
 * checkTemplate has made sure they hold only fields that are the same in every letter).
 *
 * Each letter is ONE Docs API call: docsApi().Documents.batchUpdate with every request that appends it
 * (letterRequests.ts), built from the template as Documents.get returns it, read once per
 * template per run (docsTemplate.ts). So a run costs a fixed handful of calls plus one per letter
 * (docs/letters.md; test/gas/docs/mergeLetters.calls.test.ts), where copying the template element
 * by element with DocumentApp cost ~117 (docs/performance.md).
 *
 * A batch is atomic — "If any request is not valid, then the entire request will fail and
 * nothing will be applied" (developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate)
 * — so a crash never leaves half a letter. It can leave whole letters the job did not get to
 * record (the execution died between the batch and the job's state): `onLettersDone` reports the
 * body's end index after each letter, the job keeps the last one it recorded, and a resumed run
 * deletes what follows it (one deleteContentRange) before carrying on, so the document always
 * matches the Letters Log and no family gets the same letter twice.
 *
 * DocumentApp's changes (the new document's header, footer and sharing) are saved with
 * saveAndClose() before the first Docs API call: Apps Script applies a Document's pending changes
 * only then (developers.google.com/apps-script/reference/document/document#saveAndClose()).
 *
 * Big runs: `shouldStop` is asked before each call; when it says the budget is nearly spent the
 * run stops cleanly, and the job continues later with `existingDocId`.
 */
import { LetterType } from '../../core/types';
import { Conditions } from '../../core/letters/conditions';
import { openTemplate } from './templates';
import { readContainer } from './templateWalk';
import { shareDoc } from './sharing';
import { copySection_ } from './copyElements';
import { DocTemplate, readDocTemplate } from './docsTemplate';
import { BodyEnd, letterRequests } from './letterRequests';
import { DocsElement, DocsRequest, docsApi } from './docsApi';
import { UserError } from '../../core/errors';

/**
 * Letters per Docs API call. The Docs API allows 60 write requests a minute per user
 * (developers.google.com/docs/api/limits), and one call per letter would meet that at about a
 * letter a second; ten letters a call is 30 calls for a 300-letter run.
 */
export const LETTERS_PER_CALL = 10;
/**
 * Requests per call at most. Google documents no limit on a batch's size; 500 is the lowest
 * figure reported in public code, so a call never holds more (a letter whose own requests are
 * more goes alone).
 */
export const MAX_REQUESTS_PER_CALL = 500;

export interface MergeLettersOptions {
  templateId: string;
  /** The new document's name, e.g. "AT1 letters – Year 9 – 26/01/2024". */
  title: string;
  /**
   * One entry per letter, in filing order: the field values for that letter, and the conditions
   * that decide which conditional paragraphs ("{{IfLegal}}…") it has (core/letters/conditions.ts).
   * A letter may name its own template (one family's AT2 next to another's PA letter in one
   * document); each template is read once. The header and footer are `templateId`'s.
   */
  letters: { values: Record<string, string>; conditions?: Partial<Conditions>; templateId?: string; type?: LetterType }[];
  /**
   * Called once per batchUpdate, after it: letters `from` … `from + ends.length − 1` are in the
   * document, `ends[k]` the body's end index after each. A job commits them together (one state
   * save, one Letters Log write).
   */
  onLettersDone?: (from: number, ends: number[]) => void;
  /** Letters per batchUpdate (default LETTERS_PER_CALL). */
  lettersPerCall?: number;
  /** Asked before each letter; true stops the run cleanly (e.g. the 6-minute budget is near). */
  shouldStop?: () => boolean;
  /** Continue a run that stopped: append to this document instead of creating one. */
  existingDocId?: string;
  /**
   * With `existingDocId`: the body end index reported with the last letter the job logged.
   * Anything after it is a letter made when the previous execution died before logging it, and is
   * removed before carrying on, so the document holds each logged letter once.
   */
  keepEnd?: number;
  /** The same for a run an older version of the add-on started: the body's child count then. */
  keepChildren?: number;
  /** The letter type, to name the template in messages. */
  type?: LetterType;
  /**
   * Called once the run's document exists (created or reopened), before any letter: the job
   * records its id at once, so a crash after letter 1 can be resumed in the same document.
   */
  onDocument?: (docId: string, url: string) => void;
  /**
   * A new document is shared with these staff (the staff who run letters), so another Head of
   * Year can continue the run and open it from the Letters Log (issue 15 §1).
   */
  shareWith?: string[];
  /** Who started the run, to name in the message when someone else cannot open its document. */
  startedBy?: string;
}

export interface MergeLettersResult {
  docId: string;
  url: string;
  /** Letters made by this call (a prefix of `letters`). */
  done: number;
  /** The body's end index at the end (what `keepEnd` wants next time). */
  bodyEnd: number;
  /** Sharing that did not work (no pupil data). */
  problems: string[];
}

export function mergeLetters(opts: MergeLettersOptions): MergeLettersResult {
  if (opts.letters.length === 0 && !opts.existingDocId) throw new Error('mergeLetters: there are no letters to merge.');
  const template = openTemplate(opts.templateId, opts.type);
  const templates = new Map<string, DocTemplate>([[opts.templateId, readDocTemplate(docsApi().Documents.get(opts.templateId))]]);
  const templateOf = (l: MergeLettersOptions['letters'][number]): DocTemplate => {
    const id = l.templateId || opts.templateId;
    let t = templates.get(id);
    if (!t) {
      openTemplate(id, l.type); // its own message when someone cannot open it
      templates.set(id, (t = readDocTemplate(docsApi().Documents.get(id))));
    }
    return t;
  };

  const created = !opts.existingDocId;
  const doc = opts.existingDocId ? openRunDocument_(opts.existingDocId, opts.startedBy) : DocumentApp.create(opts.title);
  const problems: string[] = [];
  const docId = doc.getId();
  const url = doc.getUrl();
  try {
    if (created && opts.shareWith && opts.shareWith.length) problems.push(...shareDoc(doc, opts.shareWith, 'The letters document').problems);
    if (created) {
      const values = opts.letters[0].values;
      const tplHeader = template.getHeader();
      const tplFooter = template.getFooter();
      if (tplHeader) copySection_(readContainer(tplHeader), doc.addHeader(), values);
      if (tplFooter) copySection_(readContainer(tplFooter), doc.addFooter(), values);
    }
    if (opts.onDocument) opts.onDocument(docId, url);
  } finally {
    // DocumentApp's changes are applied before the Docs API sees the document (and on an error,
    // what was written is kept: the job's state already names the document).
    doc.saveAndClose();
  }

  // A new document's body is one empty paragraph: the section break [0, 1) and "\n" [1, 2).
  let at: BodyEnd = { end: 2, finalEmpty: true };
  let first = true;
  if (!created) ({ at, first } = resumePoint_(docId, opts.keepEnd, opts.keepChildren));

  const perCall = Math.max(1, opts.lettersPerCall || LETTERS_PER_CALL);
  let done = 0;
  while (done < opts.letters.length) {
    if (opts.shouldStop && opts.shouldStop()) break;
    // The next letters, as many as fit one call (each letter whole: a call never splits one).
    const requests: DocsRequest[] = [];
    const ends: number[] = [];
    let next = at;
    let nextFirst = first;
    while (done + ends.length < opts.letters.length && ends.length < perCall) {
      const l = opts.letters[done + ends.length];
      const batch = letterRequests(templateOf(l), l.values, l.conditions, next, nextFirst);
      if (ends.length && requests.length + batch.requests.length > MAX_REQUESTS_PER_CALL) break;
      requests.push(...batch.requests);
      next = { end: batch.end, finalEmpty: batch.finalEmpty };
      nextFirst = false;
      ends.push(batch.end);
    }
    docsApi().Documents.batchUpdate({ requests }, docId);
    at = next;
    first = nextFirst;
    const from = done;
    done += ends.length;
    if (opts.onLettersDone) opts.onLettersDone(from, ends);
  }
  return { docId, url, done, bodyEnd: at.end, problems };
}

/**
 * Where a continued run writes next: the body's end (one Documents.get), after deleting a letter
 * the previous execution made but did not log. The kept part ends at `keepEnd`; the letter after
 * it began either by splitting the last paragraph (so a paragraph ends exactly at keepEnd, and the
 * new one starts there) or in the empty paragraph after a table (which starts at keepEnd − 1).
 * Deleting up to the body's final newline leaves one empty paragraph, where the next letter's
 * page break goes — the document an uninterrupted run makes.
 */
function resumePoint_(docId: string, keepEnd: number | undefined, keepChildren: number | undefined): { at: BodyEnd; first: boolean } {
  const content: DocsElement[] = (docsApi().Documents.get(docId).body || {}).content || [];
  const last = content[content.length - 1];
  const end = Number(last && last.endIndex) || 2;
  // An older run counted the body's children: child k is content[k + 1] (after the section break).
  let keep = keepEnd;
  if (keep === undefined && keepChildren !== undefined && content[keepChildren]) keep = Number(content[keepChildren].endIndex);
  if (keep !== undefined && keep < end - 1) {
    const from = content.some((el) => Number(el.endIndex) === keep) ? keep : keep - 1;
    if (from < end - 1) {
      docsApi().Documents.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: from, endIndex: end - 1 } } }] }, docId);
      return { at: { end: from + 1, finalEmpty: true }, first: from + 1 <= 2 };
    }
  }
  const finalEmpty = !!(last && last.paragraph && (last.paragraph.elements || []).every((e) => !e.pageBreak && (!e.textRun || e.textRun.content === '\n')));
  return { at: { end, finalEmpty }, first: end <= 2 && finalEmpty };
}

function openRunDocument_(id: string, startedBy?: string): GoogleAppsScript.Document.Document {
  try {
    return DocumentApp.openById(id);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const who = startedBy ? `, or ${startedBy}, who started the run, has not shared it with you` : ', or it is not shared with you';
    throw new UserError(`The letters document this run was writing (Google Doc id ${id}) cannot be opened — it may have been deleted${who} (${detail}). ` +
      `${startedBy ? `Ask ${startedBy} to press Continue in the letter run sidebar, or start` : 'Start'} the letter run again: letters already in the Letters Log are not made twice.`);
  }
}

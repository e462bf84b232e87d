/**
 * One letter run = ONE Google Doc to print: a page per family, in the school's own wording
 * (SPEC §5). Each letter is a copy of every element of the template's body (paragraphs, list
 * items, tables — formatting and all) with its placeholders filled in place; a page break goes
 * between letters, never after the last. The header and footer are copied once, since a document
 * has one of each: checkTemplate has already made sure they hold only fields that are the same in
 * every letter (school and run fields), so the first letter's values fill them.
 *
 * Big runs: Apps Script stops a script after 6 minutes. `shouldStop` is asked before each letter;
 * when it says the budget is nearly spent the run stops cleanly, and the job continues later with
 * `existingDocId` (same document, appended after what is there). `onLetterDone(i)` fires as soon
 * as letter i is complete so the job can write its Letters Log row at once: a crash never loses
 * the record of a letter that was made, and never records one that was not.
 *
 * Service calls per letter are a small constant: 2 per template element (copy + append), 1 Text
 * per paragraph with placeholders (2 more to reach a table cell), 2 per placeholder (insert +
 * delete), 1 page break, 1 to count the body. See test/gas/docs/mergeLetters.calls.test.ts.
 *
 * The body's size is COUNTED after each letter (Body.getNumChildren), never computed: Docs adds
 * an empty paragraph after a table that ends a section (a body always ends with a paragraph), so
 * appending a table can add two children, and how many depends on what came before. A count that
 * drifts makes `keepChildren` point into a finished letter, and a resumed run would then delete
 * real content and leave the document short of the Letters Log (issue 15 §5).
 */
import { LetterType } from '../../core/types';
import { Conditions, paragraphShown } from '../../core/letters/conditions';
import { openTemplate } from './templates';
import { fillParagraph, fillTable } from './text';
import { TplChild, readContainer } from './templateWalk';
import { shareDoc } from './sharing';
import { UserError } from '../../core/errors';

type Section = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

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
  /** Called after letter i is complete. `bodyChildren` is the body's child count at that point (see `keepChildren`). */
  onLetterDone?: (i: number, bodyChildren: number) => void;
  /** Asked before each letter; true stops the run cleanly (e.g. the 6-minute budget is near). */
  shouldStop?: () => boolean;
  /** Continue a run that stopped: append to this document instead of creating one. */
  existingDocId?: string;
  /**
   * With `existingDocId`: the body child count reported with the last letter the job logged.
   * Anything after it is a letter half-written when the previous execution died, and is removed
   * before carrying on, so no family gets a torn page.
   */
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
  /** The body's child count at the end (what `keepChildren` wants next time). */
  bodyChildren: number;
  /** Sharing that did not work (no pupil data). */
  problems: string[];
}

export function mergeLetters(opts: MergeLettersOptions): MergeLettersResult {
  if (opts.letters.length === 0 && !opts.existingDocId) throw new Error('mergeLetters: there are no letters to merge.');
  const template = openTemplate(opts.templateId, opts.type);
  const bodies = new Map<string, TplChild[]>([[opts.templateId, readContainer(template.getBody())]]);
  const bodyOf = (l: MergeLettersOptions['letters'][number]): TplChild[] => {
    const id = l.templateId || opts.templateId;
    let b = bodies.get(id);
    if (!b) bodies.set(id, (b = readContainer(openTemplate(id, l.type).getBody())));
    return b;
  };
  const tplHeader = template.getHeader();
  const tplFooter = template.getFooter();

  const doc = opts.existingDocId ? openRunDocument_(opts.existingDocId, opts.startedBy) : DocumentApp.create(opts.title);
  const problems: string[] = [];
  if (!opts.existingDocId && opts.shareWith && opts.shareWith.length) problems.push(...shareDoc(doc, opts.shareWith, 'The letters document').problems);
  let saved = false;
  try {
    if (opts.onDocument) opts.onDocument(doc.getId(), doc.getUrl());
    const body = doc.getBody();
    let count = body.getNumChildren();
    // A new document (or one a stopped run left with no letter yet) holds one empty paragraph,
    // which goes once the first letter is in so page 1 does not start with a blank line.
    let blank: GoogleAppsScript.Document.Element | null = null;
    // After a trim: the emptied paragraph the next letter's page break goes into.
    let breakHere: GoogleAppsScript.Document.Paragraph | null = null;
    if (!opts.existingDocId) {
      blank = body.getChild(0);
      const values = opts.letters[0].values;
      if (tplHeader) copySection_(readContainer(tplHeader), doc.addHeader(), values);
      if (tplFooter) copySection_(readContainer(tplFooter), doc.addFooter(), values);
    } else {
      if (opts.keepChildren !== undefined) {
        const trimmed = trimTo_(body, count, opts.keepChildren);
        count = trimmed.count;
        breakHere = trimmed.emptied;
      }
      if (count === 1) {
        const only = body.getChild(0);
        if (only.getType() === DocumentApp.ElementType.PARAGRAPH && only.asParagraph().getText() === '' && only.asParagraph().getNumChildren() === 0) blank = only;
      }
    }

    let done = 0;
    for (let i = 0; i < opts.letters.length; i++) {
      if (opts.shouldStop && opts.shouldStop()) break;
      if (breakHere) breakHere.appendPageBreak();
      else if (!blank) body.appendPageBreak();
      breakHere = null;
      const tplBody = bodyOf(opts.letters[i]);
      appendAll_(tplBody, body, opts.letters[i].values, opts.letters[i].conditions);
      if (blank && tplBody.length > 0 && tplBody[0].node.kind !== 'table') body.removeChild(blank);
      blank = null;
      count = body.getNumChildren();
      done++;
      if (opts.onLetterDone) opts.onLetterDone(i, count);
    }
    const result = { docId: doc.getId(), url: doc.getUrl(), done, bodyChildren: count, problems };
    saved = true;
    doc.saveAndClose();
    return result;
  } finally {
    // On an error, still flush what was written (the job's log already records those letters);
    // a second failure here must not hide the first.
    if (!saved) {
      try {
        doc.saveAndClose();
      } catch (_) {
        // the original error is the one to report
      }
    }
  }
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

/**
 * Removes what follows the first `keep` children (a half-written letter). Nothing before `keep`
 * is touched. Removed front to back, and never the body's final child (Docs refuses: "Can't
 * remove the last paragraph in a document section"): that one — a paragraph, since a body ends
 * with one — is emptied and returned, and the next letter's page break goes into it, so the
 * document is exactly what an uninterrupted run makes. Where Docs does allow the removal, it is
 * simply removed (robust to both readings).
 */
function trimTo_(body: GoogleAppsScript.Document.Body, count: number, keep: number): { count: number; emptied: GoogleAppsScript.Document.Paragraph | null } {
  const k = Math.max(keep, 1);
  if (count <= k) return { count, emptied: null };
  for (let n = count; n > k + 1; n--) body.removeChild(body.getChild(k));
  const last = body.getChild(k);
  if (last.getType() === DocumentApp.ElementType.PARAGRAPH) {
    const p = last.asParagraph();
    p.clear();
    p.setHeading(DocumentApp.ParagraphHeading.NORMAL);
    return { count: k + 1, emptied: p };
  }
  body.removeChild(last); // not a paragraph, so not the body's last child: Docs allows it
  return { count: k, emptied: null };
}

/** Copies a template header or footer into the new document's, replacing its empty paragraph. */
export function copySection_(children: TplChild[], target: GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection, values: Record<string, string>): void {
  const blank = target.getChild(0);
  appendAll_(children, target, values);
  if (children.length > 0 && children[0].node.kind !== 'table') target.removeChild(blank);
}

/**
 * Appends a filled copy of every template element this letter has (a paragraph whose leading
 * condition does not hold is left out, at no cost); returns how many elements were appended.
 */
export function appendAll_(children: TplChild[], target: Section, values: Record<string, string>, conditions?: Partial<Conditions>): number {
  let n = 0;
  for (const child of children) {
    if (child.node.kind === 'para' && child.node.afterTable) continue; // the target adds its own
    if (child.node.kind === 'para') {
      if (!paragraphShown(child.node.text, conditions)) continue;
      const el = child.element as GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;
      const copy = child.node.list
        ? target.appendListItem((el as GoogleAppsScript.Document.ListItem).copy())
        : target.appendParagraph((el as GoogleAppsScript.Document.Paragraph).copy());
      fillParagraph(copy, child.node.text, values);
      n++;
    } else if (child.node.kind === 'table') {
      const copy = target.appendTable((child.element as GoogleAppsScript.Document.Table).copy());
      fillTable(copy, child.node, values);
      n++;
    }
    // Other elements (a table of contents, say) have no place in a letter and are left out.
  }
  return n;
}

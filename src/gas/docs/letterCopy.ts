/**
 * One pupil's letter on its own, as a PDF (issue 6 §3: letters e-mailed to parents). The add-on
 * has no Drive scope, so it cannot delete a document; instead a run keeps ONE scratch document,
 * "Pastoral Tracker – letter copy – …", and for each pupil clears its body, fills in that pupil's
 * letter (the same template copy as the merged document: mergeLetters' appendAll_), saves it and
 * takes the PDF. A 300-letter run with e-mail on therefore creates 2 documents, not 301.
 *
 * Why save and reopen: Apps Script applies a document's pending changes on saveAndClose(); a PDF
 * taken before that can show the previous letter. So per letter: open, clear, fill, saveAndClose,
 * open again, getAs('application/pdf') — a fixed number of calls (plus the template's elements).
 */
import { LetterType } from '../../core/types';
import { Conditions } from '../../core/letters/conditions';
import { openTemplate } from './templates';
import { TplChild, readContainer } from './templateWalk';
import { appendAll_, copySection_ } from './copyElements';

export interface LetterCopyOptions {
  templateId: string;
  type?: LetterType;
  /** The scratch document's name when it has to be made. */
  title: string;
  /** The scratch document an earlier execution of this run made (reused when it still opens). */
  existingDocId?: string;
  /** Called when a scratch document is made, so the run records its id at once. */
  onDocument?: (docId: string) => void;
}

export interface LetterCopy {
  /** The scratch document this run fills ('' until the first letter). */
  docId(): string;
  /** This letter alone, as a PDF named `fileName` (with the letter's conditional paragraphs). */
  pdf(values: Record<string, string>, fileName: string, conditions?: Partial<Conditions>, templateId?: string, type?: LetterType): GoogleAppsScript.Base.Blob;
}

/** Opens the template once; the scratch document is made (or reopened) with the first letter. */
export function openLetterCopy(opts: LetterCopyOptions): LetterCopy {
  let tpl: { body: TplChild[]; header: TplChild[] | null; footer: TplChild[] | null } | null = null;
  // A run mixes letter types (one family's AT2, another's PA letter): each template's body is read once.
  const bodies = new Map<string, TplChild[]>();
  const bodyOf = (id: string | undefined, type?: LetterType): TplChild[] => {
    if (!id || id === opts.templateId) return template().body;
    let b = bodies.get(id);
    if (!b) bodies.set(id, (b = readContainer(openTemplate(id, type).getBody())));
    return b;
  };
  let id = opts.existingDocId || '';
  const template = () => {
    if (!tpl) {
      const doc = openTemplate(opts.templateId, opts.type);
      const h = doc.getHeader();
      const f = doc.getFooter();
      tpl = { body: readContainer(doc.getBody()), header: h ? readContainer(h) : null, footer: f ? readContainer(f) : null };
    }
    return tpl;
  };
  const open = (values: Record<string, string>): GoogleAppsScript.Document.Document => {
    if (id) {
      try {
        return DocumentApp.openById(id);
      } catch (e) {
        // Deleted by someone since the last execution: make a new one (nothing in it mattered).
      }
    }
    const t = template();
    const doc = DocumentApp.create(opts.title);
    // Header and footer hold only fields that are the same in every letter (checkTemplate), so
    // they are filled once, with the first letter's values.
    if (t.header) copySection_(t.header, doc.addHeader(), values);
    if (t.footer) copySection_(t.footer, doc.addFooter(), values);
    id = doc.getId();
    if (opts.onDocument) opts.onDocument(id);
    return doc;
  };
  return {
    docId: () => id,
    pdf(values, fileName, conditions, templateId, type) {
      const tplBody = bodyOf(templateId, type);
      const doc = open(values);
      try {
        const body = doc.getBody();
        body.clear();
        const blank = body.getChild(0);
        appendAll_(tplBody, body, values, conditions);
        if (tplBody.length > 0 && tplBody[0].node.kind !== 'table') body.removeChild(blank);
      } finally {
        doc.saveAndClose();
      }
      const blob = DocumentApp.openById(id).getAs('application/pdf');
      blob.setName(fileName);
      return blob;
    },
  };
}

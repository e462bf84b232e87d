/**
 * One pupil's letter on its own, as a PDF (issue 6 §3: letters e-mailed to parents). The add-on
 * has no Drive scope, so it cannot delete a document; instead a run keeps ONE scratch document,
 * "Pastoral Tracker – letter copy – …", and for each pupil replaces its body with that pupil's
 * letter and takes the PDF. A 300-letter run with e-mail on therefore creates 2 documents, not 301.
 *
 * The letter goes in the way it goes into the merged document (mergeLetters.ts): ONE Docs API
 * batchUpdate, which here first deletes the previous pupil's letter (everything but the body's
 * final newline, which cannot be deleted) — atomic, so the copy never holds two pupils' words —
 * then appends this one. The PDF is taken from DocumentApp.openById after it: the batch is
 * applied when the call returns. Per letter: batchUpdate, openById, getAs, setName.
 */
import { LetterType } from '../../core/types';
import { Conditions } from '../../core/letters/conditions';
import { openTemplate } from './templates';
import { readContainer } from './templateWalk';
import { copySection_ } from './copyElements';
import { DocTemplate, readDocTemplate } from './docsTemplate';
import { letterRequests } from './letterRequests';
import { DocsRequest, docsApi } from './docsApi';

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
  // A run mixes letter types (one family's AT2, another's PA letter): each template is read once.
  const templates = new Map<string, DocTemplate>();
  const templateOf = (id: string | undefined, type?: LetterType): DocTemplate => {
    const key = id || opts.templateId;
    let t = templates.get(key);
    if (!t) {
      openTemplate(key, key === opts.templateId ? opts.type : type); // Apps Script's message when it cannot be opened
      templates.set(key, (t = readDocTemplate(docsApi().Documents.get(key))));
    }
    return t;
  };
  let id = opts.existingDocId || '';
  /** The scratch body's end index, once known in this execution. */
  let end = 0;
  const ready = (values: Record<string, string>): void => {
    if (end) return;
    if (id) {
      try {
        const content = docsApi().Documents.get(id).body?.content || [];
        end = Number(content[content.length - 1]?.endIndex) || 2;
        return;
      } catch (e) {
        // Deleted by someone since the last execution: make a new one (nothing in it mattered).
      }
    }
    const tpl = openTemplate(opts.templateId, opts.type);
    const doc = DocumentApp.create(opts.title);
    // Header and footer hold only fields that are the same in every letter (checkTemplate), so
    // they are filled once, with the first letter's values.
    const h = tpl.getHeader();
    const f = tpl.getFooter();
    if (h) copySection_(readContainer(h), doc.addHeader(), values);
    if (f) copySection_(readContainer(f), doc.addFooter(), values);
    id = doc.getId();
    doc.saveAndClose();
    end = 2;
    if (opts.onDocument) opts.onDocument(id);
  };
  return {
    docId: () => id,
    pdf(values, fileName, conditions, templateId, type) {
      const tpl = templateOf(templateId, type);
      ready(values);
      const clear: DocsRequest[] = end > 2 ? [{ deleteContentRange: { range: { startIndex: 1, endIndex: end - 1 } } }] : [];
      const batch = letterRequests(tpl, values, conditions, { end: 2, finalEmpty: true }, true);
      docsApi().Documents.batchUpdate({ requests: clear.concat(batch.requests) }, id);
      end = batch.end;
      const blob = DocumentApp.openById(id).getAs('application/pdf');
      blob.setName(fileName);
      return blob;
    },
  };
}

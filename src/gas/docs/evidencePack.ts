/**
 * Writing an evidence pack (core/legal/pack.ts) as a Google Doc. Two steps, so the job can record
 * the document's id before anything about the pupil is in it:
 *   1. `createPackDocument` makes an empty document with a neutral name ("Evidence pack (being
 *      made)"): a crash before its id is recorded leaves an empty, unshared document that says
 *      nothing about anyone;
 *   2. `writePackDocument` fills it — from a cleared body, so a second attempt after a crash
 *      rewrites the same document instead of making another — gives it its real name, and shares
 *      it with the people named (the staff who run letters), and nobody else.
 *
 * Service calls per pack are a small constant plus a few per table cell that is shaded or linked
 * (2–3 each): the certificate tables themselves go in with one appendTable call each. The bench
 * (bench/legal.ts) measures it.
 */
import { PackBlock, PackDocument } from '../../core/legal/pack';
import { lineBreaks } from './text';

type Body = GoogleAppsScript.Document.Body;
type Document = GoogleAppsScript.Document.Document;

export const BEING_MADE = 'Evidence pack (being made)';
const MARGIN_PT = 54; // ¾ inch: the certificate's seven columns fit a portrait A4 page
const NOTE_COLOUR = '#555555';

export function createPackDocument(): { doc: Document; id: string; url: string } {
  const doc = DocumentApp.create(BEING_MADE);
  return { doc, id: doc.getId(), url: doc.getUrl() };
}

/**
 * Opens the document a crashed run made; null when it is gone (deleted, or not shared with this
 * user: Apps Script's "Document is missing"). Any other failure (a transient service error) is
 * thrown: making a second document then would leave two packs for the pupil.
 */
export function reopenPackDocument(id: string): Document | null {
  try {
    return DocumentApp.openById(id);
  } catch (e) {
    if (/is missing|not found|does not exist/i.test(e instanceof Error ? e.message : String(e))) return null;
    throw e;
  }
}

export function writePackDocument(doc: Document, pack: PackDocument, shareWith: string[]): void {
  const body = doc.getBody();
  body.clear(); // a new document's single empty paragraph, or a crashed attempt's half
  body.setMarginLeft(MARGIN_PT).setMarginRight(MARGIN_PT).setMarginTop(MARGIN_PT).setMarginBottom(MARGIN_PT);
  const first = body.getChild(0);
  for (const b of pack.blocks) writeBlock_(body, b);
  // The paragraph clear() leaves goes once something else is in the body (Docs keeps one).
  if (pack.blocks.length && pack.blocks[0].kind !== 'table') body.removeChild(first);
  doc.setName(pack.name);
  // Shared before it is closed: a closed Document cannot be changed without opening it again.
  if (shareWith.length && typeof (doc as any).addEditors === 'function') doc.addEditors(shareWith); // TEMP until local sharing lands (issue 15)
  doc.saveAndClose();
}

function writeBlock_(body: Body, b: PackBlock): void {
  if (b.kind === 'title') {
    body.appendParagraph(lineBreaks(b.text)).setHeading(DocumentApp.ParagraphHeading.TITLE);
  } else if (b.kind === 'heading') {
    body.appendParagraph(lineBreaks(b.text)).setHeading(DocumentApp.ParagraphHeading.HEADING2);
  } else if (b.kind === 'paragraph') {
    const p = body.appendParagraph(lineBreaks(b.text));
    if (b.text && (b.bold || b.note)) {
      const t = p.editAsText();
      if (b.bold) t.setBold(true);
      if (b.note) t.setItalic(true).setForegroundColor(NOTE_COLOUR);
    }
  } else if (b.kind === 'pageBreak') {
    body.appendPageBreak();
  } else {
    const table = body.appendTable(b.rows.map((r) => r.map(lineBreaks)));
    (b.widths || []).forEach((w, i) => {
      if (w) table.setColumnWidth(i, w);
    });
    for (const s of b.shade) table.getCell(s.row, s.col).setBackgroundColor(s.colour);
    for (const l of b.links) {
      if (b.rows[l.row][l.col]) table.getCell(l.row, l.col).editAsText().setLinkUrl(l.url);
    }
  }
}

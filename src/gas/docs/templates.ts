/**
 * Letter templates as real Google Docs: "Set up letter templates" builds one from the default
 * wording in core/letters (which staff then edit freely), and every run reads the staff's Doc back
 * to check its placeholders before a single letter is made.
 */
import { defaultTemplate, letterTitle } from '../../core/letters/defaultTemplates';
import { Block, TemplateSection } from '../../core/letters/templateDoc';
import { Settings } from '../../core/settings';
import { LetterType } from '../../core/types';
import { lineBreaks } from './text';
import { sectionsOf } from './templateWalk';
import { apiNodes } from './apiNodes';
import { docsApi } from './docsApi';
import { loadTemplateOwners } from './sharing';
import { currentUser } from '../session';
import { UserError } from '../../core/errors';

type Section = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

/** The Drive name of a template, e.g. "Pastoral Tracker template – AT1 letter — attendance …". */
export function templateDocName(type: LetterType): string {
  return `Pastoral Tracker template – ${letterTitle(type)}`;
}

/**
 * Builds a Google Doc from the default template for `type` and returns its id (the job stores it
 * in `settings.letters.templateIds[type]`).
 *
 * The school's name, address, phone and signatory stay as {{SchoolName}}, {{Signatory}} … in the
 * Doc and are filled from the settings at each run, so a new head teacher or phone number in
 * Settings reaches every letter without rebuilding templates. `settings` is taken so that the
 * signature stays stable if a setting ever shapes the template itself.
 */
export function createTemplateDocument(type: LetterType, settings: Settings, share?: (doc: GoogleAppsScript.Document.Document) => void): string {
  void settings;
  const tpl = defaultTemplate(type);
  const doc = DocumentApp.create(templateDocName(type));
  writeBlocks_(doc.addHeader(), tpl.header);
  writeBlocks_(doc.getBody(), tpl.body);
  writeBlocks_(doc.addFooter(), tpl.footer);
  if (share) share(doc);
  const id = doc.getId();
  doc.saveAndClose();
  return id;
}

/**
 * Writes blocks after the one empty paragraph a new section starts with, then removes that
 * paragraph (Docs keeps at least one paragraph in a section, so it can only go once another
 * exists; and it stays when the section would otherwise start with a table, which Docs keeps a
 * paragraph in front of).
 */
function writeBlocks_(section: Section, blocks: Block[]): void {
  const first = section.getChild(0);
  let wrote = false;
  for (const b of blocks) {
    if (b.kind === 'table') {
      section.appendTable((b.rows || []).map((row) => row.map(lineBreaks)));
    } else {
      writeParagraph_(section, b);
      wrote = true;
    }
  }
  if (wrote && blocks[0].kind !== 'table') section.removeChild(first);
}

function writeParagraph_(section: Section, b: Block): void {
  const runs = b.kind === 'spacer' ? [] : b.runs || [{ text: b.text || '' }];
  const p = section.appendParagraph(lineBreaks(runs.map((r) => r.text).join('')));
  if (b.kind === 'heading') p.setHeading(DocumentApp.ParagraphHeading.HEADING1);
  // Docs' default paragraph has no space after it; a letter reads better with a little.
  else if (b.kind === 'paragraph') p.setSpacingAfter(6);
  if (b.spaceBefore) p.setSpacingBefore(b.spaceBefore);
  if (b.align === 'center') p.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  if (b.align === 'right') p.setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
  // Bold runs: one Text for the paragraph, then bold each run's offsets (no call for plain runs).
  if (runs.some((r) => r.bold && r.text !== '')) {
    const text = p.editAsText();
    let at = 0;
    for (const r of runs) {
      const len = lineBreaks(r.text).length;
      if (r.bold && len > 0) text.setBold(at, at + len - 1, true);
      at += len;
    }
  }
}

/**
 * Every piece of text in a template Doc — body, header, footer and their tables — as the sections
 * checkTemplate takes. `type` names the letter in the message when the Doc cannot be opened.
 */
export function readTemplate(docId: string, type?: LetterType): { sections: TemplateSection[] } {
  // One Docs API call (Documents.get) for the whole template, where walking it with DocumentApp
  // took a call per paragraph, table row and cell — about 200 for a default template, 1.3 s
  // projected each, five of them in an attendance letters preview.
  const doc = openWith(docId, type, (id) => docsApi().Documents.get(id));
  const style = doc.documentStyle || {};
  const header = style.defaultHeaderId && doc.headers ? doc.headers[style.defaultHeaderId] : undefined;
  const footer = style.defaultFooterId && doc.footers ? doc.footers[style.defaultFooterId] : undefined;
  const sections = [
    ...(header ? sectionsOf('header', apiNodes(header.content || [])) : []),
    ...sectionsOf('body', apiNodes((doc.body && doc.body.content) || [])),
    ...(footer ? sectionsOf('footer', apiNodes(footer.content || [])) : []),
  ];
  return { sections };
}

/**
 * Opens a template, turning Apps Script's "Document is missing" (a deleted or unshared template)
 * into a message a Head of Year can act on: whose template it is and whom to ask (issue 15 §1).
 */
export function openTemplate(docId: string, type?: LetterType): GoogleAppsScript.Document.Document {
  return openWith(docId, type, (id) => DocumentApp.openById(id));
}

/** `open(docId)`, with a missing, deleted or unshared template said as openTemplate says it (DocumentApp or the Docs API). */
function openWith<T>(docId: string, type: LetterType | undefined, open: (id: string) => T): T {
  const what = type ? `The ${letterTitle(type)} template` : 'The letter template';
  if (!docId) {
    throw new UserError(`${what} has not been made yet. Run "Set up letter templates" from the Pastoral Tracker menu, then try again.`);
  }
  try {
    return open(docId);
  } catch (e) {
    if (!isMissingDocument(e)) throw e;
    throw new UserError(cannotOpenMessage(what, docId, type ? loadTemplateOwners()[type] || '' : '', e));
  }
}

/**
 * Apps Script's answer for a Doc that is deleted or not shared with the person: "Document is
 * missing (perhaps it was deleted, or you don't have read access?)"; Drive words it "Access denied"
 * or "not found". Anything else (a service error, a time-out) is not about the Doc and is thrown
 * as it is, so a moment's outage is never reported as a deleted template, nor makes Set up letter
 * templates replace one.
 */
export function isMissingDocument(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /document is missing|perhaps it was deleted|read access|access denied|not found|permission/i.test(m);
}

/** The Doc, or null when it cannot be opened by the person asking (deleted, or not shared with them). */
export function tryOpenDocument(id: string): GoogleAppsScript.Document.Document | null {
  try {
    return DocumentApp.openById(id);
  } catch (e) {
    if (!isMissingDocument(e)) throw e;
    return null;
  }
}

/** Why a template cannot be opened, naming its maker when the tracker knows who that was. */
export function cannotOpenMessage(what: string, docId: string, owner: string, e: unknown): string {
  // Google's own words, without the exception's class ("GoogleJsonResponseException: API call to … failed with error:").
  const detail = e instanceof Error ? e.message.replace(/^Exception:\s*/, '').replace(/^GoogleJsonResponseException: API call to \S+ failed with error:\s*/, '') : String(e);
  const me = currentUser().toLowerCase();
  if (owner && owner.toLowerCase() !== me) {
    return `${what} (Google Doc id ${docId}) belongs to ${owner} and is not shared with you, so you cannot open it (${detail}). ` +
      `Ask ${owner} to run Letters → Set up letter templates — it shares every template with the staff who run letters on the Staff tab — or to share the Doc with you, then try again.`;
  }
  if (owner) {
    return `${what} (Google Doc id ${docId}) was made by you but can no longer be opened — it has probably been deleted (${detail}). ` +
      'Run Letters → Set up letter templates to make a new one, then try again.';
  }
  return `${what} (Google Doc id ${docId}) cannot be opened — it may have been deleted, or it is not shared with you (${detail}). ` +
    'Ask whoever made it to share it with you (in Google Drive it shows its owner), or, if it was deleted, ask the owner of this spreadsheet to run Letters → Set up letter templates.';
}

/**
 * Local DocumentApp (developers.google.com/apps-script/reference/document/document-app).
 * Documents live in memory for the env; `_documents()` lists them for export to .docx.
 */
import type { LocalEnv } from '../env';
import { newId } from '../shared';
import { LocalDocument } from './document';
import { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading, VerticalAlignment } from './enums';
import './table'; // registers the Table factory used by appendTable

/** Apps Script's message when an id is unknown or not shared with the user. */
export const DOC_MISSING = 'Exception: Document is missing (perhaps it was deleted, or you don\'t have read access?)';

export class LocalDocumentApp {
  readonly ParagraphHeading = ParagraphHeading;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly VerticalAlignment = VerticalAlignment;
  readonly ElementType = ElementType;
  readonly GlyphType = GlyphType;
  readonly Attribute = Attribute;
  private readonly docs = new Map<string, LocalDocument>();

  constructor(private readonly env: LocalEnv) {}

  create(name: string): LocalDocument {
    const doc = new LocalDocument(this.env, newId(this.env, '1DocLocal'), String(name));
    this.docs.set(doc._id, doc);
    return doc._proxy;
  }
  openById(id: string): LocalDocument {
    const d = this.docs.get(String(id));
    if (!d) throw new Error(DOC_MISSING);
    d._closed = false;
    return d._proxy;
  }
  openByUrl(url: string): LocalDocument {
    const m = /\/document\/d\/([^/]+)/.exec(String(url));
    return this.openById(m ? m[1] : '');
  }
  /** A Sheets add-on has no active document. */
  getActiveDocument(): null {
    return null;
  }

  /** Local only: every document created, in creation order (raw, uncounted). */
  _documents(): LocalDocument[] {
    return [...this.docs.values()];
  }
  /** Local only: remove a document (as if trashed in Drive). */
  _delete(id: string): void {
    this.docs.delete(id);
  }
}

export function createDocumentApp(env: LocalEnv): GoogleAppsScript.Document.DocumentApp {
  return env.counted(new LocalDocumentApp(env), 'DocumentApp') as unknown as GoogleAppsScript.Document.DocumentApp;
}

/**
 * Local DocumentApp (developers.google.com/apps-script/reference/document/document-app).
 * Documents live in memory for the env; `_documents()` lists them for export to .docx.
 *
 * "Documents are private to whoever created them": create() makes the document in the Drive of
 * the user the script runs as (the effective user), shared with nobody; openById by anyone else
 * fails with Apps Script's "Document is missing" message until the owner shares it
 * (Document.addEditors, document.ts). Drive folders, domain-wide sharing and "anyone with the
 * link" are not modelled: a document is opened by its owner and the people it names.
 */
import type { LocalEnv } from '../env';
import { effectiveUser } from '../execution';
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
    const me = effectiveUser(this.env);
    const doc = new LocalDocument(this.env, newId(this.env, '1DocLocal'), String(name), me);
    doc._by = me;
    this.docs.set(doc._id, doc);
    return doc._proxy;
  }
  openById(id: string): LocalDocument {
    const d = this.docs.get(String(id));
    const me = effectiveUser(this.env);
    if (!d || !d._canOpen(me)) throw new Error(DOC_MISSING);
    d._closed = false;
    d._by = me;
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
  /** Local only: a document by id whoever asks (tests and the exporter). */
  _get(id: string): LocalDocument | undefined {
    return this.docs.get(id);
  }
  /** Local only: remove a document (as if trashed in Drive). */
  _delete(id: string): void {
    this.docs.delete(id);
  }
}

export function createDocumentApp(env: LocalEnv): GoogleAppsScript.Document.DocumentApp {
  return env.counted(new LocalDocumentApp(env), 'DocumentApp') as unknown as GoogleAppsScript.Document.DocumentApp;
}

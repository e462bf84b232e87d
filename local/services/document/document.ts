/**
 * Document: a body with an optional header and footer. getAs('application/pdf') returns a Blob
 * whose content is a plain-text rendering (headings, paragraphs, tab-separated table rows, a
 * form feed per page break) — not a real PDF: the local run exports real letters as .docx.
 */
import type { LocalEnv } from '../env';
import { makeBlob, type LocalBlob } from '../blob';
import { LocalBody, LocalFooterSection, LocalHeaderSection, type LocalContainer } from './container';
import type { DocNode } from './node';
import { LocalParagraph } from './paragraph';

export class LocalDocument {
  readonly _raw = this;
  _proxy: LocalDocument;
  _body: LocalBody;
  _header: LocalHeaderSection | null = null;
  _footer: LocalFooterSection | null = null;
  _closed = false;

  constructor(private readonly env: LocalEnv, readonly _id: string, public _name: string) {
    this._body = new LocalBody(env);
    this._proxy = env.counted(this, 'Document');
  }

  getId(): string { return this._id; }
  getName(): string { return this._name; }
  setName(name: string): LocalDocument { this._name = String(name); return this._proxy; }
  getUrl(): string { return `https://docs.google.com/document/d/${this._id}/edit`; }
  getBody(): LocalBody { return this._body._proxy; }
  getHeader(): LocalHeaderSection | null { return this._header ? this._header._proxy : null; }
  getFooter(): LocalFooterSection | null { return this._footer ? this._footer._proxy : null; }
  /** Apps Script: "Adds a document header section, if none already exists." */
  addHeader(): LocalHeaderSection {
    if (this._header) throw new Error('Exception: Document already has a header.');
    this._header = new LocalHeaderSection(this.env);
    return this._header._proxy;
  }
  addFooter(): LocalFooterSection {
    if (this._footer) throw new Error('Exception: Document already has a footer.');
    this._footer = new LocalFooterSection(this.env);
    return this._footer._proxy;
  }
  /** Saved on every change locally; closing marks it so tests can check the job closed it. */
  saveAndClose(): void {
    this._closed = true;
  }
  getAs(contentType: string): LocalBlob {
    if (contentType !== 'application/pdf') {
      throw new Error(`Exception: Converting from application/vnd.google-apps.document to ${contentType} is not supported.`);
    }
    return makeBlob(this.env, Buffer.from(renderText(this), 'utf8'), 'application/pdf', `${this._name}.pdf`);
  }
  getBlob(): LocalBlob {
    return this.getAs('application/pdf');
  }
}

/** Plain-text rendering of a document (used by getAs and by tests). */
export function renderText(doc: LocalDocument): string {
  const parts: string[] = [];
  if (doc._header) parts.push(sectionText(doc._header), '---');
  parts.push(sectionText(doc._body));
  if (doc._footer) parts.push('---', sectionText(doc._footer));
  return parts.join('\n');
}

function sectionText(c: LocalContainer): string {
  return c._kids.map(nodeText).join('\n');
}

function nodeText(n: DocNode): string {
  if (n instanceof LocalParagraph) {
    return n._kids.map((k) => (k._type === 'PAGE_BREAK' ? '\f' : k._text())).join('');
  }
  return n._text();
}

/**
 * Document: a body with an optional header and footer. getAs('application/pdf') returns a Blob
 * whose content is a plain-text rendering (headings, paragraphs, tab-separated table rows, a
 * form feed per page break) — not a real PDF: the local run exports real letters as .docx.
 *
 * Sharing (developers.google.com/apps-script/reference/document/document#addEditors(String)):
 * a document belongs to whoever created it and is shared with nobody; addEditor(s)/addViewer(s)
 * share it, getEditors/getViewers say with whom. The Document class has no getOwner() (that is
 * DriveApp's, a scope the add-on does not ask for): the owner is `_owner`, for tests only. Only the owner or an editor may share
 * (a viewer cannot change sharing in Drive); the refusal's wording is ours.
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
  /** Drive sharing: the creator, and the people it is shared with (lower-case e-mails). */
  _owner: string;
  readonly _editors = new Set<string>();
  readonly _viewers = new Set<string>();

  constructor(private readonly env: LocalEnv, readonly _id: string, public _name: string, owner = '') {
    this._body = new LocalBody(env);
    this._proxy = env.counted(this, 'Document');
    this._owner = owner.toLowerCase();
  }

  /** Can `email` open this document (owner, editor or viewer)? */
  _canOpen(email: string): boolean {
    const e = String(email || '').toLowerCase();
    return !!e && (e === this._owner || this._editors.has(e) || this._viewers.has(e));
  }
  _canEdit(email: string): boolean {
    const e = String(email || '').toLowerCase();
    return !!e && (e === this._owner || this._editors.has(e));
  }
  /** Set by DocumentApp on open: the person the script runs as, who must be allowed to share. */
  _by = '';

  addEditor(who: string | { getEmail(): string }): LocalDocument { return this.addEditors([who]); }
  addEditors(who: Array<string | { getEmail(): string }>): LocalDocument {
    this.checkCanShare();
    for (const e of emailsOf(who)) if (e !== this._owner) { this._editors.add(e); this._viewers.delete(e); }
    return this._proxy;
  }
  addViewer(who: string | { getEmail(): string }): LocalDocument { return this.addViewers([who]); }
  addViewers(who: Array<string | { getEmail(): string }>): LocalDocument {
    this.checkCanShare();
    for (const e of emailsOf(who)) if (e !== this._owner && !this._editors.has(e)) this._viewers.add(e);
    return this._proxy;
  }
  removeEditor(who: string | { getEmail(): string }): LocalDocument {
    this.checkCanShare();
    for (const e of emailsOf([who])) this._editors.delete(e);
    return this._proxy;
  }
  getEditors(): Array<{ getEmail(): string }> { return [...this._editors].map((e) => this.userOf(e)); }
  getViewers(): Array<{ getEmail(): string }> { return [...this._viewers].map((e) => this.userOf(e)); }

  private checkCanShare(): void {
    if (this._by && !this._canEdit(this._by)) throw new Error('Exception: Access denied: you can view this document but not change who it is shared with.');
  }
  private userOf(email: string): { getEmail(): string } {
    return this.env.counted({ getEmail: () => email, toString: () => email }, 'User');
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

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** Lower-case e-mails from strings or User objects; a malformed one is refused as Apps Script does. */
function emailsOf(who: Array<string | { getEmail(): string }>): string[] {
  return (Array.isArray(who) ? who : [who]).map((w) => {
    const e = String(typeof w === 'string' ? w : w && w.getEmail ? w.getEmail() : '').trim().toLowerCase();
    if (!EMAIL.test(e)) throw new Error(`Exception: Invalid argument: ${e || 'emailAddress'}`);
    return e;
  });
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

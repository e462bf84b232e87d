/**
 * Sharing a letter Doc with the staff who run letters (issue 15 §1, core/letters/sharing.ts says
 * who). Document.addEditors (developers.google.com/apps-script/reference/document/
 * document#addEditors(String)) needs no Drive scope; only the owner or an editor may call it.
 * And who made each template, kept in the document's properties (staff e-mails only): Apps
 * Script's Document has no getOwner(), and a person who cannot open a template cannot ask Docs
 * whose it is — so the add-on remembers, to tell them whom to ask.
 */
type Document = GoogleAppsScript.Document.Document;

const OWNERS_KEY = 'pastoralTracker.templateOwners';

export interface Shared {
  /** Addresses it is now shared with (added by this call or already editors). */
  shared: string[];
  problems: string[];
}

/** Adds `emails` as editors: one call, or one per address when Google refuses the batch. */
export function shareDoc(doc: Document, emails: string[], what: string): Shared {
  const out: Shared = { shared: [], problems: [] };
  if (!emails.length) return out;
  try {
    doc.addEditors(emails);
    out.shared = emails.slice();
    return out;
  } catch (e) {
    // One refused address (a sharing policy) must not stop the others: try each on its own.
  }
  for (const email of emails) {
    try {
      doc.addEditor(email);
      out.shared.push(email);
    } catch (e) {
      out.problems.push(`${what} could not be shared with ${email} (${e instanceof Error ? e.message.replace(/^Exception:\s*/, '') : String(e)}).`);
    }
  }
  return out;
}

/** Who made each template, by letter type ('' when not recorded). */
export function loadTemplateOwners(): Record<string, string> {
  const raw = PropertiesService.getDocumentProperties().getProperty(OWNERS_KEY);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch (e) {
    return {};
  }
}

export function saveTemplateOwners(owners: Record<string, string>): void {
  PropertiesService.getDocumentProperties().setProperty(OWNERS_KEY, JSON.stringify(owners));
}

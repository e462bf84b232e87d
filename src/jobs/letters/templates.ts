/**
 * "Set up letter templates": one Google Doc per letter type from the default wording, for every
 * type with no template yet. The ids go into the settings (`letters.templateIds`), and who made
 * each into the document's properties. Staff's edited templates are never replaced (issue 15 §1):
 *  - a template the person can open is kept, and shared again with the staff who run letters
 *    (core/letters/sharing.ts) — so a Head of Year who joined since is added;
 *  - a template the person can NOT open is someone else's, not shared with them: it is kept, and
 *    the message says whose it is and asks them to share it. Only its own maker (who can no
 *    longer open it: it was deleted) gets a new one — or, for a template made before the tracker
 *    recorded makers, the tracker's owner (gas/owner.ts).
 */
import { LETTER_TYPES, letterTitle, templateTypeOf } from '../../core/letters/defaultTemplates';
import { checkTemplate } from '../../core/letters/placeholders';
import { letterStaff } from '../../core/letters/sharing';
import { Settings } from '../../core/settings';
import { LetterType } from '../../core/types';
import { createTemplateDocument, readTemplate, tryOpenDocument } from '../../gas/docs/templates';
import { recentlyChecked, rememberChecked } from '../../gas/templateChecks';
import { loadTemplateOwners, saveTemplateOwners, shareDoc } from '../../gas/docs/sharing';
import { currentUser } from '../../gas/session';
import { loadOverrides, saveSettings } from '../../gas/settingsStore';
import { trackerOwners } from '../../gas/owner';
import { loadTabs } from '../load';
import { UserError } from '../../core/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TemplateSetupResult {
  created: Array<{ type: LetterType; id: string; replaced: boolean }>;
  kept: LetterType[];
  /** Templates that belong to someone else and are not shared with the person asking. */
  notShared: Array<{ type: LetterType; owner: string }>;
  /** Addresses the templates are shared with. */
  sharedWith: string[];
  problems: string[];
  message: string;
}

export function setUpLetterTemplatesJob(settings: Settings, ss?: Spreadsheet): TemplateSetupResult {
  const ids: Record<string, string> = { ...settings.letters.templateIds };
  const owners = loadTemplateOwners();
  const me = currentUser().toLowerCase();
  const result: TemplateSetupResult = { created: [], kept: [], notShared: [], sharedWith: [], problems: [], message: '' };
  const staff = ss ? letterStaff(loadTabs(ss, ['Staff']).data.Staff || [], settings) : { emails: [], problems: [] };
  const shareWith = staff.emails.filter((e) => e !== me);
  result.problems.push(...staff.problems);
  let owners_: string[] | null = null;
  const isTrackerOwner = (email: string) => (owners_ || (owners_ = trackerOwners())).indexOf(email) >= 0;

  for (const type of LETTER_TYPES) {
    const existing = ids[type];
    if (existing) {
      const doc = tryOpenDocument(existing);
      if (doc) {
        result.kept.push(type);
        share(doc, type);
        continue;
      }
      const owner = (owners[type] || '').toLowerCase();
      const mine = owner ? owner === me : !!me && isTrackerOwner(me);
      if (!mine) {
        result.notShared.push({ type, owner });
        continue;
      }
    }
    ids[type] = createTemplateDocument(type, settings, (doc) => share(doc, type));
    owners[type] = me;
    result.created.push({ type, id: ids[type], replaced: !!existing });
  }
  if (result.created.length) {
    const overrides = loadOverrides();
    const problems = saveSettings({ ...overrides, letters: { ...(overrides.letters || {}), templateIds: ids } });
    if (problems.length) throw new UserError(`The template ids could not be saved: ${problems.join(' ')}`);
    saveTemplateOwners(owners);
  }
  result.message = describeTemplateSetup(result);
  return result;

  function share(doc: GoogleAppsScript.Document.Document, type: LetterType): void {
    if (!shareWith.length) return;
    const r = shareDoc(doc, shareWith, `The ${letterTitle(type)} template`);
    for (const e of r.shared) if (result.sharedWith.indexOf(e) < 0) result.sharedWith.push(e);
    // Someone else's template the person may open but not share (a viewer): not a problem to report each time.
    result.problems.push(...r.problems.filter((p) => !/Access denied/.test(p)));
  }
}

export function describeTemplateSetup(r: TemplateSetupResult): string {
  const names = (ts: LetterType[]) => ts.map(letterTitle).join(', ');
  const lines: string[] = [];
  if (r.created.length) {
    lines.push(`Made ${r.created.length} letter template(s) in your Google Drive: ${names(r.created.map((c) => c.type))}.` +
      (r.created.some((c) => c.replaced) ? ' (Some replace templates of yours that could no longer be opened.)' : '') +
      ' Edit the wording in each Doc freely; keep the {{Field}} placeholders.');
  }
  if (r.kept.length) lines.push(r.created.length ? `Kept your ${r.kept.length} existing template(s).` : `Every letter type already has a template (${r.kept.length}). Nothing was replaced.`);
  const byOwner = new Map<string, LetterType[]>();
  for (const n of r.notShared) byOwner.set(n.owner, (byOwner.get(n.owner) || []).concat([n.type]));
  byOwner.forEach((types, owner) => {
    lines.push(owner
      ? `Not replaced: the ${names(types)} template(s) belong to ${owner} and are not shared with you. Ask ${owner} to run Letters → Set up letter templates (it shares them with the staff who run letters) or to share the Docs with you.`
      : `Not replaced: the ${names(types)} template(s) are not shared with you and the tracker does not know who made them. Ask whoever made them (Google Drive shows the owner) to share them with you.`);
  });
  if (r.sharedWith.length) lines.push(`Shared with the ${r.sharedWith.length} staff who run letters (Staff tab roles in Settings → letters).`);
  lines.push(...r.problems);
  return lines.join('\n');
}

/** A template's problems, checked before anything is written; throws naming each field and place. */
export function checkRunTemplate(settings: Settings, type: LetterType): string {
  const id = settings.letters.templateIds[templateTypeOf(type)] || '';
  if (!id) throw new UserError(`There is no ${letterTitle(type)} template yet. Run Letters → Set up letter templates, then try again.`);
  let problems;
  try {
    problems = checkTemplate(readTemplate(id, type), letterTitle(type));
  } catch (e) {
    throw new UserError(e instanceof Error ? e.message : String(e));
  }
  if (problems.length) {
    throw new UserError(`No letters were made: fix the template first.\n${problems.map((p) => p.message).join('\n')}`);
  }
  return id;
}

/**
 * Every template the letters need, checked (each once): letter type → template id. `trustRecent`
 * (the preview only): a template that passed in the last ten minutes is not read again
 * (gas/templateChecks.ts); a run never passes it.
 */
export function checkRunTemplates(settings: Settings, types: LetterType[], opts: { trustRecent?: boolean } = {}): Record<string, string> {
  const wanted = types.map((t) => settings.letters.templateIds[templateTypeOf(t)] || '').filter((id) => id !== '');
  const recent = opts.trustRecent ? recentlyChecked(wanted) : new Set<string>();
  const ids: Record<string, string> = {};
  const passed: string[] = [];
  for (const t of types) {
    if (ids[t]) continue;
    const id = settings.letters.templateIds[templateTypeOf(t)] || '';
    if (id && recent.has(id)) {
      ids[t] = id;
      continue;
    }
    ids[t] = checkRunTemplate(settings, t);
    passed.push(ids[t]);
  }
  if (opts.trustRecent) rememberChecked(passed);
  return ids;
}

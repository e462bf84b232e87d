/**
 * "Set up letter templates": one Google Doc per letter type from the default wording, for every
 * type with no template yet — or whose template can no longer be opened (deleted, unshared). The
 * ids go into the settings (`letters.templateIds`). A second run makes nothing: staff's edited
 * templates are never replaced.
 */
import { LETTER_TYPES, letterTitle } from '../../core/letters/defaultTemplates';
import { Settings } from '../../core/settings';
import { LetterType } from '../../core/types';
import { createTemplateDocument, openTemplate } from '../../gas/docs/templates';
import { loadOverrides, saveSettings } from '../../gas/settingsStore';

export interface TemplateSetupResult {
  created: Array<{ type: LetterType; id: string; replaced: boolean }>;
  kept: LetterType[];
  message: string;
}

export function setUpLetterTemplatesJob(settings: Settings): TemplateSetupResult {
  const ids: Record<string, string> = { ...settings.letters.templateIds };
  const result: TemplateSetupResult = { created: [], kept: [], message: '' };
  for (const type of LETTER_TYPES) {
    const existing = ids[type];
    if (existing && opens(existing, type)) {
      result.kept.push(type);
      continue;
    }
    ids[type] = createTemplateDocument(type, settings);
    result.created.push({ type, id: ids[type], replaced: !!existing });
  }
  if (result.created.length) {
    const overrides = loadOverrides();
    const problems = saveSettings({ ...overrides, letters: { ...(overrides.letters || {}), templateIds: ids } });
    if (problems.length) throw new Error(`The template ids could not be saved: ${problems.join(' ')}`);
  }
  const names = (ts: LetterType[]) => ts.map(letterTitle).join(', ');
  result.message = result.created.length
    ? `Made ${result.created.length} letter template(s) in your Google Drive: ${names(result.created.map((c) => c.type))}.` +
      (result.created.some((c) => c.replaced) ? ' (Some replace templates that could no longer be opened.)' : '') +
      (result.kept.length ? ` Kept your ${result.kept.length} existing template(s).` : '') +
      ' Edit the wording in each Doc freely; keep the {{Field}} placeholders.'
    : `Every letter type already has a template (${result.kept.length}). Nothing was changed.`;
  return result;
}

function opens(id: string, type: LetterType): boolean {
  try {
    openTemplate(id, type);
    return true;
  } catch (e) {
    return false;
  }
}

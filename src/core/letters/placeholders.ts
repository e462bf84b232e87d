/**
 * Checking a template before a run (SPEC §5): every `{{Field}}` in the body, header, footer and
 * tables must be a known field, braces must pair up, and the header and footer (shared by every
 * letter in one merged document) may hold only fields that are the same in every letter. Any
 * problem stops the run: a letter home with "{{PupilNmae}}" in it is worse than no letter.
 */
import { FIELD_NAMES, isKnownField, isSharedField } from './fields';
import { TemplateSection } from './templateDoc';
import { findPlaceholders } from './placeholderSyntax';
import { isCondition, misplacedConditions } from './conditions';

export type { Placeholder } from './placeholderSyntax';
export { findPlaceholders } from './placeholderSyntax';

export type ProblemKind = 'unknownField' | 'emptyPlaceholder' | 'unbalancedBraces' | 'pupilFieldInHeaderFooter' | 'misplacedCondition';

export interface TemplateProblem {
  kind: ProblemKind;
  where: TemplateSection['where'];
  path: string;
  /** The field as written (unknown / misplaced fields). */
  field?: string;
  /** The known field it most likely meant. */
  suggestion?: string;
  message: string;
}

/** Problems that stop the run, one message each, in the order they appear. Empty = good to go. */
export function checkTemplate(doc: { sections: TemplateSection[] }, templateName?: string): TemplateProblem[] {
  const prefix = templateName ? `${templateName} template: ` : '';
  const problems: TemplateProblem[] = [];
  for (const s of doc.sections) {
    const place = describePlace(s);
    for (const ph of findPlaceholders(s.text)) {
      const written = s.text.slice(ph.start, ph.end);
      if (ph.name === '') {
        problems.push({ kind: 'emptyPlaceholder', where: s.where, path: s.path, message: `${prefix}Empty placeholder ${written} in ${place}: write a field name between the braces, or delete it.` });
      } else if (!isKnownField(ph.name)) {
        const suggestion = suggestField(ph.name);
        const hint = suggestion ? ` — did you mean {{${suggestion}}}?` : ' — it is not one of the fields listed in the letters sidebar.';
        problems.push({ kind: 'unknownField', where: s.where, path: s.path, field: ph.name, suggestion, message: `${prefix}Unknown field {{${ph.name}}} in ${place}${hint}` });
      } else if ((s.where === 'header' || s.where === 'footer') && !isSharedField(ph.name) && !isCondition(ph.name)) {
        problems.push({
          kind: 'pupilFieldInHeaderFooter', where: s.where, path: s.path, field: ph.name,
          message: `${prefix}{{${ph.name}}} is in the ${place}. A run makes one document that shares one header and footer across every letter, so only school fields such as {{SchoolName}} and {{SchoolAddress}} can go there: move {{${ph.name}}} into the body.`,
        });
      }
    }
    // A condition governs the paragraph it starts; anywhere else nobody could tell what it covers.
    const misplaced = s.where === 'body' ? misplacedConditions(s.text) : findPlaceholders(s.text).map((p) => p.name).filter(isCondition);
    for (const name of misplaced) {
      problems.push({
        kind: 'misplacedCondition', where: s.where, path: s.path, field: name,
        message: `${prefix}{{${name}}} is in ${place}, but a condition can only start a paragraph of the body: put it at the very beginning of the paragraph it decides (e.g. "{{${name}}}Parents and carers …"), or delete it.`,
      });
    }
    const stray = strayBrace(s.text);
    if (stray >= 0) {
      problems.push({
        kind: 'unbalancedBraces', where: s.where, path: s.path,
        message: `${prefix}Unbalanced braces in ${place} near "${snippet(s.text, stray)}": every field is written with two braces each side, like {{PupilName}}.`,
      });
    }
  }
  return problems;
}

/** The known field a mistyped name most likely meant, or undefined when none is close. */
export function suggestField(name: string): string | undefined {
  const n = normalise(name);
  if (n === '') return undefined;
  // Allow about one slip per three letters, never more than three.
  const limit = Math.max(1, Math.min(3, Math.floor(n.length / 3)));
  let best: string | undefined;
  let bestDist = limit + 1;
  for (const f of FIELD_NAMES) {
    const d = editDistance(n, normalise(f));
    if (d < bestDist) {
      best = f;
      bestDist = d;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1, so "PupilNmae" is one slip from "PupilName".
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = [];
  for (let i = 0; i < rows; i++) {
    d.push(new Array(cols).fill(0));
    d[i][0] = i;
  }
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// Case, spaces and punctuation are the commonest slips ({{pupil name}}, {{Pupil_Name}}).
function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Offset of the first brace not part of a well-formed placeholder, or -1. */
function strayBrace(text: string): number {
  let masked = text;
  for (const ph of findPlaceholders(text)) masked = masked.slice(0, ph.start) + ' '.repeat(ph.end - ph.start) + masked.slice(ph.end);
  const m = /[{}]/.exec(masked);
  return m ? m.index : -1;
}

function snippet(text: string, at: number): string {
  const from = Math.max(0, at - 15);
  const to = Math.min(text.length, at + 15);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

function describePlace(s: TemplateSection): string {
  return `${s.where === 'table' ? 'body' : s.where} ${s.path}`;
}

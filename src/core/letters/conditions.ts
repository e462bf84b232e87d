/**
 * Wording that fits the case (SPEC §5): a paragraph of a template that starts with a condition,
 * e.g. "{{IfLegal}}Parents and carers have a legal duty …", is in a letter only when the condition
 * holds for that letter; the marker itself is never printed. Staff edit every variant's wording in
 * the Google Doc like any other paragraph, and see both versions side by side.
 *
 * Several markers at the start all have to hold ("{{IfPA}}{{IfLegal}}…"). A marker anywhere else
 * (mid-sentence, in a table, header or footer) is refused by the template check, because nothing
 * could say which words it governs.
 */
import { findPlaceholders } from './placeholderSyntax';

export interface ConditionDef {
  name: string;
  help: string;
}

export const CONDITIONS: ConditionDef[] = [
  { name: 'IfLegal', help: 'Paragraph only for pupils of compulsory school age whose unauthorised absence reaches the setting (legal wording: s.444, penalty notices, court).' },
  { name: 'IfSupport', help: 'Paragraph only where the legal wording does not apply: support, and a request for medical evidence.' },
  { name: 'IfFirst', help: 'Paragraph only for the first letter of this kind to the family this school year.' },
  { name: 'IfRepeat', help: 'Paragraph only when the family already had a letter of this kind this school year ("again", "still").' },
  { name: 'IfPA', help: 'Paragraph only when the letter also covers persistent absence, for the first time this school year.' },
  { name: 'IfPAAgain', help: 'Paragraph only when the letter covers persistent absence and the family had a persistent absence letter earlier this school year.' },
];

export type ConditionName = 'IfLegal' | 'IfSupport' | 'IfFirst' | 'IfRepeat' | 'IfPA' | 'IfPAAgain';
export type Conditions = Record<ConditionName, boolean>;

const NAMES = CONDITIONS.map((c) => c.name);

export function isCondition(name: string): boolean {
  return NAMES.indexOf(name) >= 0;
}

/** The conditions written at the very start of a paragraph (spaces before and between allowed). */
export function leadingConditions(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const ph of findPlaceholders(text)) {
    if (text.slice(at, ph.start).trim() !== '' || !isCondition(ph.name)) break;
    out.push(ph.name);
    at = ph.end;
  }
  return out;
}

/** Conditions written anywhere but at the start of the paragraph (the check refuses them). */
export function misplacedConditions(text: string): string[] {
  const lead = leadingConditions(text).length;
  return findPlaceholders(text).slice(lead).filter((ph) => isCondition(ph.name)).map((ph) => ph.name);
}

/**
 * Whether a paragraph is in this letter: every condition it starts with must hold. A caller that
 * knows no conditions gets only the unconditional paragraphs — never "first" and "again" side by
 * side.
 */
export function paragraphShown(text: string, conditions: Partial<Conditions> | undefined): boolean {
  for (const name of leadingConditions(text)) if (!conditions || conditions[name as ConditionName] !== true) return false;
  return true;
}

/** Every condition false: the starting point for a letter. */
export function noConditions(): Conditions {
  return { IfLegal: false, IfSupport: false, IfFirst: false, IfRepeat: false, IfPA: false, IfPAAgain: false };
}

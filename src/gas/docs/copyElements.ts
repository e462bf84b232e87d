/**
 * Copying template elements with DocumentApp, element by element (2 calls an element, 2 a
 * placeholder). Used where it happens once per run — the letters document's header and footer —
 * and for the one-letter PDF copies (letterCopy.ts). A letter in the merged document is one Docs
 * API batchUpdate instead (mergeLetters.ts).
 */
import { Conditions, paragraphShown } from '../../core/letters/conditions';
import { fillParagraph, fillTable } from './text';
import { TplChild } from './templateWalk';

type Section = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

/** Copies a template header or footer into the new document's, replacing its empty paragraph. */
export function copySection_(children: TplChild[], target: GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection, values: Record<string, string>): void {
  const blank = target.getChild(0);
  appendAll_(children, target, values);
  if (children.length > 0 && children[0].node.kind !== 'table') target.removeChild(blank);
}

/**
 * Appends a filled copy of every template element this letter has (a paragraph whose leading
 * condition does not hold is left out, at no cost); returns how many elements were appended.
 */
export function appendAll_(children: TplChild[], target: Section, values: Record<string, string>, conditions?: Partial<Conditions>): number {
  let n = 0;
  for (const child of children) {
    if (child.node.kind === 'para' && child.node.afterTable) continue; // the target adds its own
    if (child.node.kind === 'para') {
      if (!paragraphShown(child.node.text, conditions)) continue;
      const el = child.element as GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;
      const copy = child.node.list
        ? target.appendListItem((el as GoogleAppsScript.Document.ListItem).copy())
        : target.appendParagraph((el as GoogleAppsScript.Document.Paragraph).copy());
      fillParagraph(copy, child.node.text, values);
      n++;
    } else if (child.node.kind === 'table') {
      const copy = target.appendTable((child.element as GoogleAppsScript.Document.Table).copy());
      fillTable(copy, child.node, values);
      n++;
    }
    // Other elements (a table of contents, say) have no place in a letter and are left out.
  }
  return n;
}

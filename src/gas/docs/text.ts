/**
 * Filling placeholders inside the letters of a merged document, in place, so formatting survives.
 *
 * Values go in literally: `Text.insertText` takes plain text (no regex, so "$&", "$1", "\\" and
 * "{{Surname}}" in a pupil's name come out as typed), and the edits are planned once from the
 * template's text by core/letters `planRuns` (last placeholder first, so earlier offsets hold).
 */
import { planRuns } from '../../core/letters/merge';
import { CellNode, TableNode, TplNode } from './templateWalk';


/**
 * A value's line breaks as Google Docs keeps them inside one paragraph. Docs holds a line break
 * within a paragraph (Shift+Enter) as "\r" in the text Apps Script's `getText()` returns, and
 * Apps Script's `insertText`/`setText` turn "\n" into that same "\r", so an address stays one
 * paragraph with one line per line. (The Docs REST API differs: there an inserted "\n" starts a
 * new paragraph — developers.google.com/docs/api/concepts/rules-behavior#insert_text — which is
 * why we never send "\n" and normalise "\r\n" from spreadsheet cells too.)
 */
export function lineBreaks(value: string): string {
  return value.replace(/\r\n|\n/g, '\r');
}

/**
 * Fills one Text whose plain text (read from the template) is `plain`. Each placeholder costs two
 * calls: the value is inserted just after the placeholder's closing brace — so it takes the
 * placeholder's own formatting, as inserted text takes the style of the character before it
 * (developers.google.com/docs/api/concepts/rules-behavior#insert_text) — then the placeholder is
 * deleted. A blank value is one call (the delete).
 */
export function fillText(text: GoogleAppsScript.Document.Text, plain: string, values: Record<string, string>): void {
  for (const e of planRuns(plain, values)) {
    const value = lineBreaks(e.value);
    if (value !== '') text.insertText(e.endInclusive + 1, value);
    text.deleteText(e.start, e.endInclusive);
  }
}

/** Does any placeholder in this node have a value to fill? (Pure: no service call.) */
export function needsFill(node: TplNode, values: Record<string, string>): boolean {
  if (node.kind === 'para') return planRuns(node.text, values).length > 0;
  if (node.kind === 'table') return node.rows.some((row) => row.some((cell) => cellNeedsFill_(cell, values)));
  return false;
}

function cellNeedsFill_(cell: CellNode, values: Record<string, string>): boolean {
  return cell.children.some((k) => needsFill(k, values));
}

/** Fills a paragraph or list item just appended to the letters document. */
export function fillParagraph(p: GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem, plain: string, values: Record<string, string>): void {
  if (planRuns(plain, values).length > 0) fillText(p.editAsText(), plain, values);
}

/**
 * Fills a table just appended to the letters document, touching only the cells with placeholders.
 * A cell holding one paragraph is edited through the cell's own Text (2 calls to reach it);
 * otherwise each paragraph in it is reached by index.
 */
export function fillTable(table: GoogleAppsScript.Document.Table, node: TableNode, values: Record<string, string>): void {
  node.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cellNeedsFill_(cell, values)) return;
      const docCell = table.getCell(r, c);
      const only = cell.children.length === 1 ? cell.children[0] : null;
      if (only && only.kind === 'para') {
        fillText(docCell.editAsText(), only.text, values);
        return;
      }
      cell.children.forEach((k, i) => {
        if (!needsFill(k, values)) return;
        const child = docCell.getChild(i);
        if (k.kind === 'para') fillParagraph(k.list ? child.asListItem() : child.asParagraph(), k.text, values);
        else if (k.kind === 'table') fillTable(child.asTable(), k, values);
      });
    }),
  );
}

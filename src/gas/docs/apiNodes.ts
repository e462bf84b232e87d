/**
 * A template part (body, header, footer or table cell) as the Docs API returns it (Documents.get:
 * a list of StructuralElements), turned into the plain tree templateWalk.ts reads from DocumentApp,
 * so the check before a run (checkTemplate) sees the same paragraphs and cells from one call:
 *  - the section break the API lists first in a body is not a child in DocumentApp: left out;
 *  - a paragraph's text is its text runs' content without the closing "\n", a line break
 *    ("\u000b" in the API) as "\r", the way DocumentApp's getText gives it; a picture has no text;
 *  - a paragraph with a bullet is a list item;
 *  - a table is its rows of cells, each cell's own content walked the same way (tables in cells too).
 * From developers.google.com/docs/api/reference/rest/v1/documents (StructuralElement, Paragraph,
 * ParagraphElement, Table, TableCell).
 */
import { DocsElement, DocsParagraph } from './docsApi';
import { TplNode } from './templateWalk';

export function apiNodes(content: DocsElement[]): TplNode[] {
  const out: TplNode[] = [];
  for (const el of content) {
    if (el.sectionBreak) continue;
    if (el.paragraph) out.push({ kind: 'para', list: !!el.paragraph.bullet, text: paragraphText(el.paragraph) });
    else if (el.table) {
      out.push({
        kind: 'table',
        rows: (el.table.tableRows || []).map((row) => (row.tableCells || []).map((cell) => ({ children: apiNodes(cell.content || []) }))),
      });
    } else out.push({ kind: 'other' });
  }
  return out;
}

function paragraphText(p: DocsParagraph): string {
  let text = '';
  for (const e of p.elements || []) if (e.textRun) text += String(e.textRun.content || '');
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return text.split('\u000b').join('\r');
}

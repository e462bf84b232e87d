/**
 * Reading a (staff-edited) template Doc into a plain tree, once per run. The merge's header and
 * footer copy use it: it copies the template's real elements (formatting and all) and needs to know
 * which paragraphs hold placeholders, so it reads the text once here rather than once per letter.
 * The check before a run builds the same tree from one Docs API read (apiNodes.ts) and turns it
 * into sections here (`sectionsOf`).
 *
 * Numbering follows core/letters/templateDoc.ts `templateSections`: paragraphs (headings and list
 * items included) 1, 2, 3 … and tables 1, 2 … counted separately in each part, so a message reads
 * "body paragraph 4" or "body table 1 row 2 cell 1" as a person would count them on screen.
 */
import { TemplateSection } from '../../core/letters/templateDoc';


/** A paragraph or list item: its text, to find placeholders in. */
export interface ParaNode {
  kind: 'para';
  /** A list item (copied with appendListItem, reached with asListItem). */
  list: boolean;
  text: string;
  /**
   * The empty paragraph Docs keeps after a table that ends a section (a section always ends with a
   * paragraph). Not copied: appending the table to a letter makes the target add its own.
   */
  afterTable?: boolean;
}

/** A table: each cell's own contents, row by row. */
export interface TableNode {
  kind: 'table';
  rows: CellNode[][];
}

/** Anything else (page break paragraph-less elements, horizontal rules, table of contents …). */
export interface OtherNode {
  kind: 'other';
}

export type TplNode = ParaNode | TableNode | OtherNode;

/**
 * A child of a body, header, footer or table cell, with its element already cast (Paragraph,
 * ListItem, Table), so that copy() per letter returns the right type with no further cast call.
 */
export type TplChild =
  | { node: ParaNode; element: GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem }
  | { node: TableNode; element: GoogleAppsScript.Document.Table }
  | { node: OtherNode; element: GoogleAppsScript.Document.Element };

export interface CellNode {
  children: TplNode[];
}

/** The children of a section (body, header, footer) or of a table cell. */
export function readContainer(container: GoogleAppsScript.Document.ContainerElement | GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection): TplChild[] {
  const out: TplChild[] = [];
  const n = container.getNumChildren();
  for (let i = 0; i < n; i++) {
    out.push(readElement_(container.getChild(i)));
  }
  const last = out[out.length - 1];
  const before = out[out.length - 2];
  if (last && before && before.node.kind === 'table' && last.node.kind === 'para' && !last.node.list && last.node.text === '' && (last.element as GoogleAppsScript.Document.Paragraph).getNumChildren() === 0) {
    last.node.afterTable = true;
  }
  return out;
}

function readElement_(element: GoogleAppsScript.Document.Element): TplChild {
  const type = element.getType();
  if (type === DocumentApp.ElementType.PARAGRAPH) {
    const p = element.asParagraph();
    return { element: p, node: { kind: 'para', list: false, text: p.getText() } };
  }
  if (type === DocumentApp.ElementType.LIST_ITEM) {
    const li = element.asListItem();
    return { element: li, node: { kind: 'para', list: true, text: li.getText() } };
  }
  if (type === DocumentApp.ElementType.TABLE) {
    const t = element.asTable();
    return { element: t, node: readTable_(t) };
  }
  return { element, node: { kind: 'other' } };
}

function readTable_(table: GoogleAppsScript.Document.Table): TableNode {
  const rows: CellNode[][] = [];
  const nRows = table.getNumRows();
  for (let r = 0; r < nRows; r++) {
    const row = table.getRow(r);
    const cells: CellNode[] = [];
    const nCells = row.getNumCells();
    for (let c = 0; c < nCells; c++) cells.push({ children: readContainer(row.getCell(c)).map((k) => k.node) });
    rows.push(cells);
  }
  return { kind: 'table', rows };
}

/**
 * The sections checkTemplate takes, for one part of the template. Body tables are `where: 'table'`;
 * a table in a header or footer stays in that part, since that decides which fields may go there.
 * A cell holding more than one paragraph (or a table inside a cell) is one section per paragraph,
 * named "table 1 row 2 cell 1 paragraph 2" (and "… cell 1 table 1 row 1 cell 1" for nesting).
 */
export function sectionsOf(part: 'header' | 'body' | 'footer', children: TplNode[]): TemplateSection[] {
  const out: TemplateSection[] = [];
  const tableWhere = part === 'body' ? 'table' : part;
  let para = 0;
  let table = 0;
  for (const node of children) {
    // Blank lines are not counted, as core's templateSections does not count spacers: "paragraph
    // 4" is the fourth paragraph with words in it, the way a person counts down the page.
    if (node.kind === 'para' && node.text.trim() !== '') {
      para++;
      out.push({ where: part, path: `paragraph ${para}`, text: node.text });
    } else if (node.kind === 'table') {
      table++;
      pushTable_(out, tableWhere, `table ${table}`, node);
    }
  }
  return out;
}

function pushTable_(out: TemplateSection[], where: TemplateSection['where'], prefix: string, node: TableNode): void {
  node.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const cellPath = `${prefix} row ${r + 1} cell ${c + 1}`;
      const paras = cell.children.filter((k): k is ParaNode => k.kind === 'para' && k.text.trim() !== '');
      // Every cell is a section (as in core's templateSections), even an empty one; a cell with
      // several lines of words names each one.
      if (paras.length <= 1) out.push({ where, path: cellPath, text: paras.length ? paras[0].text : '' });
      else paras.forEach((k, i) => out.push({ where, path: `${cellPath} paragraph ${i + 1}`, text: k.text }));
      let table = 0;
      for (const k of cell.children) {
        if (k.kind === 'table') pushTable_(out, where, `${cellPath} table ${++table}`, k);
      }
    }),
  );
}

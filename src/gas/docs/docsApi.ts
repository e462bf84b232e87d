/**
 * The Docs API advanced service (`Docs`), as far as the add-on uses it. Enabled in
 * appsscript.json (dependencies.enabledAdvancedServices: userSymbol "Docs", serviceId "docs",
 * version "v1"); it runs under the `documents` scope the add-on already has. @types/google-apps-script
 * types `Docs` loosely, so the shapes used are declared here, from
 * developers.google.com/docs/api/reference/rest/v1/documents (Document, StructuralElement) and
 * …/documents/request (Request).
 */

export type DocsRequest = Record<string, unknown>;

export interface DocsTextRun { content?: string; textStyle?: Record<string, unknown> }
export interface DocsParagraph {
  elements?: Array<{ startIndex?: number; endIndex?: number; textRun?: DocsTextRun; pageBreak?: unknown; inlineObjectElement?: { inlineObjectId?: string; textStyle?: Record<string, unknown> } }>;
  paragraphStyle?: Record<string, unknown>;
  bullet?: { listId?: string; nestingLevel?: number };
}
export interface DocsTableCell { startIndex?: number; endIndex?: number; content?: DocsElement[]; tableCellStyle?: Record<string, unknown> }
export interface DocsTable {
  rows?: number;
  columns?: number;
  tableRows?: Array<{ tableCells?: DocsTableCell[] }>;
  tableStyle?: { tableColumnProperties?: Array<{ widthType?: string; width?: { magnitude?: number; unit?: string } }> };
}
export interface DocsElement { startIndex?: number; endIndex?: number; paragraph?: DocsParagraph; table?: DocsTable; sectionBreak?: unknown; tableOfContents?: unknown }
export interface DocsDocument {
  documentId?: string;
  body?: { content?: DocsElement[] };
  /** The default header and footer (the ones DocumentApp's getHeader and getFooter give). */
  documentStyle?: { defaultHeaderId?: string; defaultFooterId?: string };
  headers?: Record<string, { headerId?: string; content?: DocsElement[] }>;
  footers?: Record<string, { footerId?: string; content?: DocsElement[] }>;
  lists?: Record<string, { listProperties?: { nestingLevels?: Array<{ glyphType?: string; glyphSymbol?: string }> } }>;
  inlineObjects?: Record<string, { inlineObjectProperties?: { embeddedObject?: {
    imageProperties?: { contentUri?: string };
    size?: { width?: { magnitude?: number }; height?: { magnitude?: number } };
  } } }>;
}

export interface DocsService {
  Documents: {
    get(documentId: string, optionalArgs?: Record<string, unknown>): DocsDocument;
    batchUpdate(resource: { requests: DocsRequest[] }, documentId: string): { documentId?: string; replies?: unknown[] };
  };
}

/** The `Docs` global Apps Script provides once the service is enabled (typed loosely by @types). */
export function docsApi(): DocsService {
  return Docs as unknown as DocsService;
}

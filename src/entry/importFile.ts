/**
 * Data → Import a file… (issue 16): the sidebar and the two calls it makes. Thin: each checks the
 * caller (jobs/importFile.ts) and takes the document lock for the chunk that writes.
 */
import { withDocumentLock } from '../gas/lock';
import { tell, errorMessage } from '../gas/ui';
import { include } from './ui';
import { checkImportAccess, checkFileHeader, importFileChunk, fileNames, FILE_TARGETS, CHUNK_CHARS, HeaderCheck, ChunkResult } from '../jobs/importFile';

export function showImportFile(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    checkImportAccess(ss);
  } catch (e) {
    tell('Import a file', errorMessage(e));
    return;
  }
  const t = HtmlService.createTemplateFromFile('importFile');
  (t as any).include = include;
  (t as any).boot = JSON.stringify({ targets: FILE_TARGETS, names: fileNames(), chunkChars: CHUNK_CHARS });
  SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle('Import a file'));
}

export function importFileCheck(req: unknown): HeaderCheck {
  return checkFileHeader(SpreadsheetApp.getActiveSpreadsheet(), req);
}

export function importFilePart(req: unknown): ChunkResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock('Import a file', () => importFileChunk(ss, req), 30000);
}

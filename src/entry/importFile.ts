/**
 * Data → Import a file… (issue 16): the sidebar and the two calls it makes. Thin: the wrappers
 * check the caller (settings level: the owner, SLT, the attendance officer or the intervention
 * team) and the chunk that writes takes the document lock.
 */
import { menuItem, sidebarCall } from './wrap';
import { withDocumentLock } from '../gas/lock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { checkFileHeader, importFileChunk, fileNames, FILE_TARGETS, CHUNK_CHARS, HeaderCheck, ChunkResult } from '../jobs/importFile';

/** Menu: Data → Import a file… */
export const showImportFile = menuItem('Import a file', 'settings', () =>
  showSidebar('importFile', 'Import a file', { boot: JSON.stringify({ targets: FILE_TARGETS, names: fileNames(), chunkChars: CHUNK_CHARS }) }),
);

/** Sidebar: step 1, the file's header rows checked before anything is written. */
export const importFileCheck = sidebarCall('settings', (_caller, req: unknown): HeaderCheck => checkFileHeader(activeSpreadsheet(), req));

/** Sidebar: step 2, one chunk of rows. */
export const importFilePart = sidebarCall('settings', (_caller, req: unknown): ChunkResult =>
  withDocumentLock('Import a file', () => importFileChunk(activeSpreadsheet(), req), 30000),
);

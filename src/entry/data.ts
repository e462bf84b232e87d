/**
 * Entry points for the tracker's data (issue 3) besides the menu's import items (general.ts):
 * `continueImport` is the one-off trigger a big import sets when it runs out of time. It removes
 * itself, carries on from the checkpoint, and sets itself again if there is still more to do.
 */
import { importStaged, describePause, CONTINUE_IMPORT } from '../jobs/importData';
import { formatImportReport } from '../core/records/merge';
import { clearContinuation } from '../gas/continuation';
import { withDocumentLock } from '../gas/lock';
import { tell } from '../gas/ui';

export function continueImport(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  clearContinuation(ss, CONTINUE_IMPORT);
  const result = withDocumentLock('Import', () => importStaged(ss));
  const text = [result.reports.length ? formatImportReport(result.reports) : 'Nothing left to import.', describePause(result)]
    .filter((t) => t !== '')
    .join('\n\n');
  // From a trigger there is no screen: tell() writes the first line (counts only) to the log.
  tell('Import', text);
  return text;
}

/**
 * Attendance entry points (issue 5; names from menu.ts). Each takes the document lock, runs a job
 * for today, and tells the person the outcome. Messages carry counts, never pupil names (a trigger
 * has no UI and `tell` then writes to the execution log).
 */
import { reviewAttendanceJob, describeAttendanceJob } from '../jobs/attendance/job';
import { runAttendanceReview } from '../jobs/attendance/review';
import { LIST_TABS, TIER_LISTS } from '../jobs/attendance/lists';
import { todayIso } from '../jobs/load';
import { loadSettings } from '../gas/settingsStore';
import { withDocumentLock, BusyError } from '../gas/lock';
import { TrackerError } from '../gas/tables';
import { tell, toast } from '../gas/ui';
import { toUk } from '../core/dates';

/** Errors a person can fix are told; anything else is rethrown (Apps Script shows and logs it). */
function told<T>(title: string, fn: () => T): T | string {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TrackerError || e instanceof BusyError) {
      tell(title, e.message);
      return e.message;
    }
    throw e;
  }
}

/** Menu: Attendance → Review attendance. */
export function reviewAttendanceNow(): string {
  return told('Review attendance', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    toast('Reviewing attendance…');
    const result = withDocumentLock('Review attendance', () => reviewAttendanceJob(ss, loadSettings(), todayIso()));
    const text = describeAttendanceJob(result);
    tell('Review attendance', text);
    return text;
  }) as string;
}

export interface CodingReviewView {
  asOf: string;
  pupils: Array<{ kind: string; regGroup: string; upn: string; name: string; date: string; session: string; code: string; message: string }>;
  registers: Array<{ kind: string; regGroup: string; date: string; session: string; message: string }>;
}

const KIND: Record<string, string> = {
  gap: 'Gap', oldN: 'Old N', withdrawn: 'Withdrawn code', unknown: 'Unknown code', incomplete: 'Incomplete register', missing: 'Register not taken',
};

/** The coding review now, read-only (also callable from a sidebar with google.script.run). */
export function codingReviewData(): CodingReviewView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const asOf = todayIso();
  const { review } = withDocumentLock('Coding review', () => runAttendanceReview(ss, loadSettings(), asOf));
  const byUpn = new Map(review.pupils.map((p) => [p.upn, p]));
  return {
    asOf,
    pupils: review.lists.coding.pupils.map((i) => {
      const p = byUpn.get(i.upn);
      return { kind: KIND[i.kind], regGroup: p ? p.regGroup : '', upn: i.upn, name: p ? p.name : '', date: toUk(i.date), session: i.session, code: i.code, message: i.message };
    }),
    registers: review.lists.coding.registers.map((r) => ({ kind: KIND[r.kind], regGroup: r.regGroup, date: toUk(r.date), session: r.session, message: r.message })),
  };
}

/** Scriptlets print with <?= ?>, which HTML-escapes every value (names and codes are staff-typed). */
const CODING_REVIEW_HTML = `<!DOCTYPE html><html><head><base target="_top"><style>
body{font-family:Arial,sans-serif;font-size:13px;margin:8px}h3{margin:12px 0 4px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:3px;text-align:left;vertical-align:top}
.muted{color:#666}
</style></head><body>
<p>Coding review for <?= view.asOf.split('-').reverse().join('/') ?>. Pupils with an issue are <b>held</b> from letters until it is fixed in the register.</p>
<h3>Registers (<?= view.registers.length ?>)</h3>
<? if (!view.registers.length) { ?><p class="muted">Every register is complete.</p><? } else { ?>
<table><tr><th>Reg group</th><th>Date</th><th>Issue</th></tr>
<? for (var i = 0; i < view.registers.length; i++) { var r = view.registers[i]; ?>
<tr><td><?= r.regGroup ?></td><td><?= r.date ?> <?= r.session ?></td><td><?= r.kind ?></td></tr>
<? } ?></table><? } ?>
<h3>Pupils (<?= view.pupils.length ?>)</h3>
<? if (!view.pupils.length) { ?><p class="muted">No coding issues: no pupil is held.</p><? } else { ?>
<table><tr><th>Pupil</th><th>Date</th><th>Issue</th></tr>
<? for (var j = 0; j < view.pupils.length; j++) { var p = view.pupils[j]; ?>
<tr><td><?= p.name ?><br><span class="muted"><?= p.regGroup ?> · <?= p.upn ?></span></td><td><?= p.date ?> <?= p.session ?></td><td><?= p.kind ?><? if (p.code) { ?> "<?= p.code ?>"<? } ?></td></tr>
<? } ?></table><? } ?>
</body></html>`;

/** Menu: Attendance → Coding review (a sidebar listing today's coding issues). */
export function showCodingReview(): void {
  told('Coding review', () => {
    const view = codingReviewData();
    const t = HtmlService.createTemplate(CODING_REVIEW_HTML);
    (t as unknown as { view: CodingReviewView }).view = view;
    const html = t.evaluate().setTitle('Coding review');
    SpreadsheetApp.getUi().showSidebar(html);
  });
}

/** Menu: Attendance → Attendance lists: opens the Tier Lists tab and says what each list holds. */
export function showAttendanceLists(): string {
  return told('Attendance lists', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const tiers = ss.getSheetByName(TIER_LISTS.name);
    if (!tiers) {
      const text = 'There are no attendance lists yet. Choose Attendance → Review attendance first.';
      tell('Attendance lists', text);
      return text;
    }
    ss.setActiveSheet(tiers);
    const lines = LIST_TABS.map((tab) => {
      const sheet = ss.getSheetByName(tab.name);
      const n = sheet ? Math.max(0, sheet.getLastRow() - 1) : 0;
      return `${tab.name}: ${sheet ? `${n} row${n === 1 ? '' : 's'}` : 'not made yet'}`;
    });
    const text = `The lists from the last attendance review (re-run Review attendance to refresh them):\n${lines.join('\n')}`;
    tell('Attendance lists', text);
    return text;
  }) as string;
}

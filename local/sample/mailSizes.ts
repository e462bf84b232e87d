/**
 * What the morning trigger sends, measured (issue 21): the sample school with seed 002's QA
 * calendar, the daily run on the days that make the biggest e-mails — Monday (QA reminders, the
 * weekly digests, mentoring packs), Wednesday 24 January (Years 7–9 tier letters with their
 * lists) and Thursday 25 January (the coding review) — and every message's HTML and text body in
 * bytes, by job. Used by `npm run bench` (bench/emails.ts) and test/jobs/emailSize.test.ts.
 */
import { readFileSync } from 'fs';
import { performance } from 'perf_hooks';
import { makeTracker, sampleSchool } from './tracker';
import { SAMPLE_QA_CALENDAR_FILE } from './school';
import { QA_GRID_TAB, importQaCalendarJob } from '../../src/jobs/qa/calendar';
import { dailyRunJob } from '../../src/jobs/daily';
import { loadSettings } from '../../src/gas/settingsStore';
import { londonMidnight } from '../../src/core/dates';
import type { SentMail } from '../services/mail';

export const MAIL_DAYS = ['2024-01-22', '2024-01-24', '2024-01-25'];

/** A "Your morning" message is one person's QA and mentoring e-mails merged (core/email/oneMessage.ts). */
export type MailJob = 'QA morning' | 'weekly digests' | 'mentoring' | 'morning (QA + mentoring)';

export interface MailSize {
  job: MailJob;
  subject: string;
  to: string;
  htmlBytes: number;
  textBytes: number;
  attachments: number;
}

export interface MailSizeRun {
  pupils: number;
  sizes: MailSize[];
  calls: number;
  projectedMs: number;
  computeMs: number;
  problems: string[];
}

export function jobOf(subject: string): MailJob {
  if (/^QA calendar /.test(subject)) return 'QA morning';
  if (/^Your morning /.test(subject)) return 'morning (QA + mentoring)';
  if (/^Weekly pastoral digest/.test(subject)) return 'weekly digests';
  return 'mentoring';
}

export function measureMail(pupils: number, days: string[] = MAIL_DAYS): MailSizeRun {
  const t = makeTracker({ school: sampleSchool(pupils, days[days.length - 1]) });
  try {
    const rows = readFileSync(SAMPLE_QA_CALENDAR_FILE, 'utf8').split('\n').map((l) => l.split('\t'));
    const width = Math.max(...rows.map((r) => r.length));
    t.ss.insertSheet(QA_GRID_TAB).getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.concat(new Array(width - r.length).fill(''))));
    importQaCalendarJob(t.ss, loadSettings(), days[0]);
    const sent = (t.g.services.MailApp as unknown as { _sent: SentMail[] })._sent;
    t.g.env.resetCounts();
    const problems: string[] = [];
    const t0 = performance.now();
    for (const d of days) {
      t.g.env.now = new Date(londonMidnight(d).getTime() + 7 * 3600 * 1000);
      problems.push(...dailyRunJob(t.ss, loadSettings(), d).problems);
    }
    const computeMs = performance.now() - t0;
    const sizes = sent.map((m) => ({
      job: jobOf(m.subject),
      subject: m.subject,
      to: m.to.join(', '),
      htmlBytes: Buffer.byteLength(m.htmlBody || '', 'utf8'),
      textBytes: Buffer.byteLength(m.body || '', 'utf8'),
      attachments: m.attachments.length,
    }));
    return { pupils, sizes, calls: t.g.env.total, projectedMs: t.g.env.simulatedMs, computeMs, problems };
  } finally {
    t.uninstall();
  }
}

/** The largest message of each job (by its larger body). */
export function largestByJob(sizes: MailSize[]): Map<MailJob, MailSize & { count: number }> {
  const out = new Map<MailJob, MailSize & { count: number }>();
  for (const s of sizes) {
    const had = out.get(s.job);
    const big = (x: MailSize) => Math.max(x.htmlBytes, x.textBytes);
    if (!had) out.set(s.job, { ...s, count: 1 });
    else {
      had.count++;
      if (big(s) > big(had)) out.set(s.job, { ...s, count: had.count });
    }
  }
  return out;
}

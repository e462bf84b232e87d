/**
 * The QA calendar's part of out/report.json (SPEC §8):
 *   qa:     [{ date, task, reminded: [e-mail addresses] }]  — who was reminded of each task today
 *   emails: [{ to, subject }]                               — every e-mail sent (morning + digests)
 * Addresses are staff addresses; subjects carry no pupil data (checked before sending).
 */
import { MorningResult } from './morning';
import { DigestResult } from './digests';
import { MailOutcome } from '../../gas/mail';

export interface QaReportPart {
  qa: { date: string; task: string; reminded: string[] }[];
  emails: { to: string; subject: string }[];
}

export function qaReportPart(result: MorningResult | null, digests?: DigestResult | null): QaReportPart {
  const qa = new Map<string, { date: string; task: string; reminded: string[] }>();
  for (const r of result ? result.reminders : []) {
    const k = `${r.date}|${r.task}`;
    let e = qa.get(k);
    if (!e) qa.set(k, (e = { date: r.date, task: r.task, reminded: [] }));
    for (const a of r.reminded) if (e.reminded.indexOf(a) < 0) e.reminded.push(a);
  }
  const emails: { to: string; subject: string }[] = [];
  const add = (m: MailOutcome | null | undefined) => {
    for (const s of m ? m.sent : []) emails.push({ to: s.redirectedTo || s.to.join(', '), subject: s.subject });
  };
  add(result && result.mail);
  add(result && result.digests && result.digests.mail);
  if (digests && (!result || result.digests !== digests)) add(digests.mail);
  return { qa: Array.from(qa.values()), emails };
}

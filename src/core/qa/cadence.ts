/**
 * How often the same reminder is sent (issue 21): a task to do arrives on its day; an item that is
 * waiting on someone — a QA or review prompt, an overdue chase — arrives the first morning it
 * applies and then again only every `email.chaseEveryDays` days (default 7) while nothing about
 * it changes. Anything that changes it (the task marked Done, a new follow-up date, a different
 * reason) makes it a new item, sent the next morning.
 *
 * The memory is one date per item and recipient: when it was last sent. The job keeps it in the
 * hidden "QA Reminders" tab (task dates, task names and staff addresses only: no pupil data).
 * Re-planning the same day gives the same plan whether or not the memory was written, so a run
 * that stopped half-way and runs again sends the same e-mails — and the Mail Log sends each once.
 */
import { IsoDate, addDays, daysBetween } from '../dates';
import { QaItem, QaMessage } from './today';

export type ReminderMemory = Map<string, IsoDate>;

/** The item as one line of memory: task, what is asked, why, and of whom. */
export function reminderKey(item: QaItem, email: string): string {
  return [item.task.date, item.task.task, item.action, item.reason, String(email).trim().toLowerCase()].join('|');
}

export interface QuietItem {
  item: QaItem;
  lastSent: IsoDate;
  next: IsoDate;
}

export interface CadencedMessage extends QaMessage {
  /** Still open, sent within the last `everyDays`: named in one line, not repeated in full. */
  quiet: QuietItem[];
}

/**
 * Splits each message's items into those due today and those reminded recently. A message left
 * with nothing due is not sent (its quiet items wait for their day).
 */
export function applyCadence(messages: QaMessage[], memory: ReminderMemory, everyDays: number, isSchoolDay?: (d: IsoDate) => boolean): CadencedMessage[] {
  const out: CadencedMessage[] = [];
  for (const msg of messages) {
    const due: QaItem[] = [];
    const quiet: QuietItem[] = [];
    for (const item of msg.items) {
      const last = item.action === 'do' ? undefined : memory.get(reminderKey(item, msg.to));
      if (!last || last === msg.date || daysBetween(last, msg.date) >= everyDays) due.push(item);
      else quiet.push({ item, lastSent: last, next: nextSchoolDay(addDays(last, everyDays), isSchoolDay) });
    }
    if (due.length) out.push({ ...msg, items: due, quiet });
  }
  return out;
}

function nextSchoolDay(d: IsoDate, isSchoolDay?: (d: IsoDate) => boolean): IsoDate {
  if (!isSchoolDay) return d;
  for (let i = 0; i < 28; i++) {
    const x = addDays(d, i);
    if (isSchoolDay(x)) return x;
  }
  return d;
}

/**
 * The memory after a run: every item of a delivered message is remembered as sent on that
 * message's date; items no longer planned (done, changed, resolved) are forgotten.
 */
export function updateMemory(memory: ReminderMemory, planned: QaMessage[], delivered: CadencedMessage[]): ReminderMemory {
  const live = new Set<string>();
  for (const msg of planned) for (const item of msg.items) if (item.action !== 'do') live.add(reminderKey(item, msg.to));
  const next: ReminderMemory = new Map();
  memory.forEach((d, k) => {
    if (live.has(k)) next.set(k, d);
  });
  for (const msg of delivered) {
    for (const item of msg.items) {
      if (item.action === 'do') continue;
      const k = reminderKey(item, msg.to);
      const had = next.get(k);
      if (!had || had < msg.date) next.set(k, msg.date);
    }
  }
  return next;
}

/**
 * The memory behind "chased weekly, not daily" (core/qa/cadence.ts): the hidden "QA Reminders" tab,
 * one row per waiting item and recipient — task date, task, what was asked, why, the staff address
 * and the date it was last sent. No pupil data. Read once at the start of the morning run and
 * written once at the end, only when it changed. Test-mode sends keep their own rows (Key starts
 * "test|"), as the Mail Log does, so a real run after testing still reminds everyone.
 */
import { IsoDate } from '../../core/dates';
import { ReminderMemory } from '../../core/qa/cadence';
import { cellDate, cellText, Cell, toCell } from '../../gas/cells';
import { ListTab, readGenerated, writeGenerated } from '../attendance/generatedTabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const QA_REMINDERS: ListTab = { name: 'QA Reminders', header: ['Key', 'Last Sent'], hidden: true };
const TEST = 'test|';

export interface StoredReminders {
  memory: ReminderMemory;
  /** Rows of the other mode (test or real), kept as they are. */
  other: Array<[string, IsoDate]>;
  before: string;
}

export function readReminders(ss: Spreadsheet, testMode: boolean): StoredReminders {
  const values = readGenerated(ss, QA_REMINDERS.name);
  const memory: ReminderMemory = new Map();
  const other: Array<[string, IsoDate]> = [];
  for (let r = 1; r < values.length; r++) {
    const key = cellText(values[r][0]);
    const date = cellDate(values[r][1]);
    if (!key || !date) continue;
    const isTest = key.indexOf(TEST) === 0;
    if (isTest === testMode) memory.set(isTest ? key.slice(TEST.length) : key, date);
    else other.push([key, date]);
  }
  return { memory, other, before: serialise(memory) };
}

function serialise(m: ReminderMemory): string {
  return Array.from(m.entries()).sort().map((e) => e.join('\u0001')).join('\u0002');
}

/** Write the memory back (one generated-tab write), unless nothing changed. */
export function writeReminders(ss: Spreadsheet, stored: StoredReminders, memory: ReminderMemory, testMode: boolean): boolean {
  if (serialise(memory) === stored.before) return false;
  const rows: Cell[][] = [];
  memory.forEach((d, k) => rows.push([(testMode ? TEST : '') + k, toCell(d, 'date')]));
  for (const [k, d] of stored.other) rows.push([k, toCell(d, 'date')]);
  rows.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  writeGenerated(ss, QA_REMINDERS, rows);
  return true;
}

/** What was done about it: interventions, the letters sent and the QA calendar (SPEC §5, §6). */
import type { TabDef } from '../tabs';
import { dateCol, INTERVENTION_STATUS, LETTER_STATUS, QA_STATUS, upnCol } from './columns';

export const INTERVENTIONS: TabDef = { name: 'Interventions', key: ['key'], columns: [
  { header: 'Date', field: 'date', kind: 'date', owned: true },
  upnCol,
  // Who, so the row reads without a look-up (issue 20); written with each new row.
  { header: 'Pupil', field: 'pupilName', kind: 'text', owned: true },
  { header: 'Year', field: 'year', kind: 'number', owned: true },
  { header: 'Reg Group', field: 'regGroup', kind: 'text', owned: true },
  { header: 'Area', field: 'area', kind: 'text', owned: true },
  { header: 'Action', field: 'action', kind: 'text', owned: true },
  { header: 'Owner', field: 'owner', kind: 'text', owned: true },
  { header: 'Due', field: 'due', kind: 'date', owned: true },
  { header: 'Status', field: 'status', kind: 'enum', options: INTERVENTION_STATUS },
  { header: 'Outcome', field: 'outcome', kind: 'text' },
  { header: 'Entry Value', field: 'entryValue', kind: 'text', owned: true },
  { header: 'Exit Value', field: 'exitValue', kind: 'text' },
  // The add-on's memory of each row, last and hidden when Set up makes it (issue 20).
  { header: 'Key', field: 'key', kind: 'text', owned: true },
] };

export const LETTERS_LOG: TabDef = {
  // History imports as schools keep it — Date, Type, UPN (issue 16): the Key is made by the
  // add-on when a file has none (core/records/lettersLog.ts), so it is not required.
  name: 'Letters Log',
  key: ['key'],
  columns: [
  { header: 'Date', field: 'date', kind: 'date', owned: true, required: true, aliases: ['Date Sent', 'Letter Date', 'Sent On', 'Date Produced'] },
  { header: 'Type', field: 'type', kind: 'text', owned: true, required: true, aliases: ['Letter Type', 'Letter'] },
  upnCol,
  // Who and what, so the log reads without a look-up (issue 18); written by letter runs.
  { header: 'Pupil', field: 'pupilName', kind: 'text', owned: true },
  { header: 'Year', field: 'year', kind: 'number', owned: true },
  { header: 'Reg Group', field: 'regGroup', kind: 'text', owned: true },
  { header: 'Addressee', field: 'addressee', kind: 'text', owned: true },
  { header: 'Batch Document', field: 'link', kind: 'text', owned: true, aliases: ['Link', 'Document', 'Document Link'] },
  { header: 'By', field: 'by', kind: 'text', owned: true, aliases: ['Sent By', 'Produced By'] },
  { header: 'Status', field: 'status', kind: 'enum', options: LETTER_STATUS, aliases: ['Letter Status'] },
  // The add-on's memory of each letter, last and hidden when Set up makes it (issue 20).
  { header: 'Key', field: 'key', kind: 'text', owned: true, aliases: ['Letter Key'] },
] };

export const QA_CALENDAR: TabDef = { name: 'QA Calendar', key: ['date', 'task'], columns: [
  dateCol,
  { header: 'Task', field: 'task', kind: 'text', required: true },
  { header: 'Owner Chain', field: 'ownerChain', kind: 'text', aliases: ['Task completed by/ QA by', 'Owners'], required: true },
  { header: 'Checking For', field: 'checkingFor', kind: 'text' },
  { header: 'Follow Up By', field: 'followUpBy', kind: 'text', aliases: ['Follow up with staff by'] },
  { header: 'Review By', field: 'reviewBy', kind: 'text', aliases: ['Review system by'] },
  { header: 'Status', field: 'status', kind: 'enum', options: QA_STATUS },
  { header: 'Done On', field: 'doneOn', kind: 'date' },
  { header: 'Done By', field: 'doneBy', kind: 'text' },
] };

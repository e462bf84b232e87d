/** What was done about it: interventions, the letters sent and the QA calendar (SPEC §5, §6). */
import type { TabDef } from '../tabs';
import { dateCol, INTERVENTION_STATUS, LETTER_STATUS, owned, QA_STATUS, upnCol, whoColumns } from './columns';

export const INTERVENTIONS: TabDef = { name: 'Interventions', key: ['key'], columns: [
  owned('Date', 'date', 'date'),
  upnCol,
  ...whoColumns,
  owned('Area', 'area'),
  owned('Action', 'action'),
  owned('Owner', 'owner'),
  owned('Due', 'due', 'date'),
  { header: 'Status', field: 'status', kind: 'enum', options: INTERVENTION_STATUS },
  { header: 'Outcome', field: 'outcome', kind: 'text' },
  owned('Entry Value', 'entryValue'),
  { header: 'Exit Value', field: 'exitValue', kind: 'text' },
  // The add-on's memory of each row, last and hidden when Set up makes it (issue 20).
  owned('Key', 'key'),
] };

export const LETTERS_LOG: TabDef = {
  // History imports as schools keep it — Date, Type, UPN (issue 16): the Key is made by the
  // add-on when a file has none (core/records/lettersLog.ts), so it is not required.
  name: 'Letters Log',
  key: ['key'],
  columns: [
  owned('Date', 'date', 'date', { required: true, aliases: ['Date Sent', 'Letter Date', 'Sent On', 'Date Produced'] }),
  owned('Type', 'type', 'text', { required: true, aliases: ['Letter Type', 'Letter'] }),
  upnCol,
  ...whoColumns, // written by letter runs (issue 18)
  owned('Addressee', 'addressee'),
  owned('Batch Document', 'link', 'text', { aliases: ['Link', 'Document', 'Document Link'] }),
  owned('By', 'by', 'text', { aliases: ['Sent By', 'Produced By'] }),
  { header: 'Status', field: 'status', kind: 'enum', options: LETTER_STATUS, aliases: ['Letter Status'] },
  // The add-on's memory of each letter, last and hidden when Set up makes it (issue 20).
  owned('Key', 'key', 'text', { aliases: ['Letter Key'] }),
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

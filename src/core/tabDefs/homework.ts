/** Homework (SPEC §3): staff's log of missed homework, the calendar of homework set, and the tracker the add-on rebuilds from them. */
import type { TabDef } from '../tabs';
import { owned, pupilColumns, pupilDayTab, YES_NO } from './columns';
import { DEFAULT_SETTINGS, homeworkReasons } from '../settings';

export const HOMEWORK_LOG = pupilDayTab('Homework Log', ['upn', 'subject', 'date'], [
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Class', field: 'className', kind: 'text', aliases: ['Class Group', 'Teaching Group'] },
  { header: 'Teacher', field: 'teacher', kind: 'text' },
  { header: 'Reason', field: 'reason', kind: 'enum', options: homeworkReasons(DEFAULT_SETTINGS), required: true }, // the school's own: tabsFor
  { header: 'Subject Detention', field: 'subjectDetention', kind: 'yesno', options: YES_NO },
  { header: 'Detention Attended', field: 'detentionAttended', kind: 'yesno', options: YES_NO },
  { header: 'CL Detention', field: 'clDetention', kind: 'yesno', options: YES_NO },
  { header: 'Notes', field: 'notes', kind: 'text' },
]);

export const HOMEWORK_TRACKER: TabDef = { name: 'Homework Tracker', key: ['upn'], generated: true, columns: [
  ...pupilColumns,
  owned('PP', 'pp', 'yesno'),
  owned('EAL', 'eal', 'yesno'),
  owned('SEN', 'sen', 'yesno'),
  owned('Weeks Pink (year to date)', 'weeksPink', 'number', { aliases: ['Weeks Pink'] }),
  owned('Weeks Red (year to date)', 'weeksRed', 'number', { aliases: ['Weeks Red'] }),
  owned('Lates (year to date)', 'lates', 'number'),
  owned('Persistent', 'persistent', 'yesno'),
  owned('This Week Action', 'action'),
  // One column per school week (headed by its Monday, dd/mm/yyyy) is added by the refresh.
] };

export const HOMEWORK_SET: TabDef = { name: 'Homework Set', key: ['className', 'subject', 'dateSet'], columns: [
  { header: 'Date Set', field: 'dateSet', kind: 'date', aliases: ['Set On', 'Date'], required: true },
  { header: 'Class', field: 'className', kind: 'text', required: true },
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Year', field: 'year', kind: 'number', aliases: ['NC Year', 'Year Group'], required: true },
  { header: 'Teacher', field: 'teacher', kind: 'text' },
  { header: 'Due', field: 'due', kind: 'date', aliases: ['Due Date'] },
] };

/** Homework (SPEC §3): staff's log of missed homework, the calendar of homework set, and the tracker the add-on rebuilds from them. */
import type { TabDef } from '../tabs';
import { dateCol, upnCol, YES_NO } from './columns';
import { DEFAULT_SETTINGS, homeworkReasons } from '../settings';

export const HOMEWORK_LOG: TabDef = { name: 'Homework Log', key: ['upn', 'subject', 'date'], columns: [
  dateCol,
  upnCol,
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Class', field: 'className', kind: 'text', aliases: ['Class Group', 'Teaching Group'] },
  { header: 'Teacher', field: 'teacher', kind: 'text' },
  { header: 'Reason', field: 'reason', kind: 'enum', options: homeworkReasons(DEFAULT_SETTINGS), required: true }, // the school's own: tabsFor
  { header: 'Subject Detention', field: 'subjectDetention', kind: 'yesno', options: YES_NO },
  { header: 'Detention Attended', field: 'detentionAttended', kind: 'yesno', options: YES_NO },
  { header: 'CL Detention', field: 'clDetention', kind: 'yesno', options: YES_NO },
  { header: 'Notes', field: 'notes', kind: 'text' },
] };

export const HOMEWORK_TRACKER: TabDef = { name: 'Homework Tracker', key: ['upn'], generated: true, columns: [
  { ...upnCol, owned: true },
  { header: 'Name', field: 'name', kind: 'text', owned: true },
  { header: 'Year', field: 'year', kind: 'number', owned: true },
  { header: 'Reg Group', field: 'regGroup', kind: 'text', owned: true },
  { header: 'PP', field: 'pp', kind: 'yesno', owned: true },
  { header: 'EAL', field: 'eal', kind: 'yesno', owned: true },
  { header: 'SEN', field: 'sen', kind: 'yesno', owned: true },
  { header: 'Weeks Pink (year to date)', field: 'weeksPink', kind: 'number', owned: true, aliases: ['Weeks Pink'] },
  { header: 'Weeks Red (year to date)', field: 'weeksRed', kind: 'number', owned: true, aliases: ['Weeks Red'] },
  { header: 'Lates (year to date)', field: 'lates', kind: 'number', owned: true },
  { header: 'Persistent', field: 'persistent', kind: 'yesno', owned: true },
  { header: 'This Week Action', field: 'action', kind: 'text', owned: true },
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

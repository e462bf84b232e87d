/** Mentoring against FFT targets (SPEC §7): progress, meetings, slips and the intervention sessions. */
import type { TabDef } from '../tabs';
import { dateCol, upnCol, YES_NO } from './columns';

export const PROGRESS: TabDef = { name: 'Progress', key: ['upn', 'subject'], columns: [
  upnCol,
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Target', field: 'target', kind: 'text', aliases: ['FFT Target', 'Target Grade'] },
  { header: 'Current', field: 'current', kind: 'text', aliases: ['Working At', 'Current Grade'] },
  { header: 'Predicted', field: 'predicted', kind: 'text', aliases: ['Predicted Grade'] },
  { header: 'Status', field: 'status', kind: 'text', owned: true },
  { header: 'Previous Status', field: 'previousStatus', kind: 'text', owned: true },
  { header: 'Movement', field: 'movement', kind: 'text', owned: true },
] };

export const MENTOR_MEETINGS: TabDef = { name: 'Mentor Meetings', key: ['upn', 'date'], columns: [
  dateCol,
  upnCol,
  { header: 'Mentor', field: 'mentor', kind: 'text', required: true },
  { header: 'Type', field: 'type', kind: 'enum', options: ['Formal', 'Informal'] },
  { header: 'Notes', field: 'notes', kind: 'text' },
  { header: 'Next Meeting', field: 'nextMeeting', kind: 'date' },
] };

export const MENTORING_SLIPS: TabDef = { name: 'Mentoring Slips', key: ['date', 'upn', 'from'], columns: [
  dateCol,
  upnCol,
  { header: 'From', field: 'from', kind: 'text', required: true },
  { header: 'Kind', field: 'kind', kind: 'enum', options: ['Positive', 'Concern'], required: true },
  { header: 'Comment', field: 'comment', kind: 'text' },
  { header: 'Target', field: 'target', kind: 'text' },
  { header: 'Sent To Mentor', field: 'sentToMentor', kind: 'date', owned: true },
] };

export const SESSIONS: TabDef = { name: 'Sessions', key: ['date', 'upn', 'subject'], columns: [
  dateCol,
  upnCol,
  { header: 'Slot', field: 'slot', kind: 'enum', options: ['After school', 'Lunchtime'], required: true },
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Time', field: 'time', kind: 'text' },
  { header: 'Teacher', field: 'teacher', kind: 'text' },
  { header: 'Requested By', field: 'requestedBy', kind: 'text' },
] };

export const SESSION_REGISTER: TabDef = { name: 'Session Register', key: ['date', 'upn', 'subject'], columns: [
  dateCol,
  upnCol,
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Attended', field: 'attended', kind: 'yesno', options: YES_NO },
  { header: 'Followed Up', field: 'followedUp', kind: 'date', owned: true },
] };

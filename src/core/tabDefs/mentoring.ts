/** Mentoring against FFT targets (SPEC §7): progress, meetings, slips and the intervention sessions. */
import type { TabDef } from '../tabs';
import { owned, pupilDayTab, upnCol, YES_NO } from './columns';

export const PROGRESS: TabDef = { name: 'Progress', key: ['upn', 'subject'], columns: [
  upnCol,
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Target', field: 'target', kind: 'text', aliases: ['FFT Target', 'Target Grade'] },
  { header: 'Current', field: 'current', kind: 'text', aliases: ['Working At', 'Current Grade'] },
  { header: 'Predicted', field: 'predicted', kind: 'text', aliases: ['Predicted Grade'] },
  owned('Status', 'status'),
  owned('Previous Status', 'previousStatus'),
  owned('Movement', 'movement'),
] };

export const MENTOR_MEETINGS = pupilDayTab('Mentor Meetings', ['upn', 'date'], [
  { header: 'Mentor', field: 'mentor', kind: 'text', required: true },
  { header: 'Type', field: 'type', kind: 'enum', options: ['Formal', 'Informal'] },
  { header: 'Notes', field: 'notes', kind: 'text' },
  { header: 'Next Meeting', field: 'nextMeeting', kind: 'date' },
]);

export const MENTORING_SLIPS = pupilDayTab('Mentoring Slips', ['date', 'upn', 'from'], [
  { header: 'From', field: 'from', kind: 'text', required: true },
  { header: 'Kind', field: 'kind', kind: 'enum', options: ['Positive', 'Concern'], required: true },
  { header: 'Comment', field: 'comment', kind: 'text' },
  { header: 'Target', field: 'target', kind: 'text' },
  owned('Sent To Mentor', 'sentToMentor', 'date'),
]);

export const SESSIONS = pupilDayTab('Sessions', ['date', 'upn', 'subject'], [
  { header: 'Slot', field: 'slot', kind: 'enum', options: ['After school', 'Lunchtime'], required: true },
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Time', field: 'time', kind: 'text' },
  { header: 'Teacher', field: 'teacher', kind: 'text' },
  { header: 'Requested By', field: 'requestedBy', kind: 'text' },
]);

export const SESSION_REGISTER = pupilDayTab('Session Register', ['date', 'upn', 'subject'], [
  { header: 'Subject', field: 'subject', kind: 'text', required: true },
  { header: 'Attended', field: 'attended', kind: 'yesno', options: YES_NO },
  owned('Followed Up', 'followedUp', 'date'),
]);

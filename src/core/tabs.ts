/**
 * The tracker's tabs (SPEC §2): every column the add-on knows, by header. Columns are found by
 * header wherever staff moved them (case, spacing and non-breaking spaces ignored, MIS aliases
 * accepted). `owned` columns are written by the add-on; every other column belongs to staff and is
 * never written by a job. Set up tracker adds missing tabs and columns from this list.
 */
export type ColumnKind = 'text' | 'date' | 'number' | 'yesno' | 'enum' | 'percent';

export interface ColumnDef {
  header: string;
  field: string;
  kind: ColumnKind;
  aliases?: string[];
  options?: string[]; // drop-down values for enum columns
  owned?: boolean; // the add-on writes this column
  required?: boolean; // an import or job cannot work without it
}

/** The tabs of SPEC §2, by the name staff see: a misspelt tab name is a type error, not a lost read. */
export type TabName =
  'Students' |
  'Staff' |
  'Homework Log' |
  'Homework Tracker' |
  'Homework Set' |
  'Attendance Marks' |
  'Attendance' |
  'Attendance Summary' |
  'Lates to Lesson' |
  'Interventions' |
  'Letters Log' |
  'Contacts' |
  'QA Calendar' |
  'Progress' |
  'Mentor Meetings' |
  'Mentoring Slips' |
  'Sessions' |
  'Session Register' |
  'Legal';

export interface TabDef {
  name: TabName;
  /** Fields that identify a row; rows are matched by these, never by position. */
  key: string[];
  columns: ColumnDef[];
  /** Tabs the add-on rebuilds whole (no staff data in them). */
  generated?: boolean;
}

const YES_NO = ['Yes', 'No'];
export const INTERVENTION_STATUS = ['Open', 'Done', 'Cancelled'];
export const LETTER_STATUS = ['Produced', 'Sent', 'Out of date', 'Cancelled'];
export const QA_STATUS = ['', 'Done', "QA'd", 'Reviewed'];
import { LEGAL_OUTCOMES, LEGAL_STEPS } from './legal/steps';
import { DEFAULT_SETTINGS, Settings, homeworkReasons } from './settings';

/** The rungs a Head of Year may allow out of order on the Attendance tab (SPEC §4.2). */
export const HOY_OVERRIDE_OPTIONS = ['', 'AT2', 'panel', 'EWO'];

const upnCol: ColumnDef = { header: 'UPN', field: 'upn', kind: 'text', aliases: ['Unique Pupil Number', 'Pupil UPN'], required: true };

export const TABS: TabDef[] = [
  {
    name: 'Students',
    key: ['upn'],
    columns: [
      upnCol,
      { header: 'Adno', field: 'adno', kind: 'text', aliases: ['Admission No', 'Admission Number', 'Adm No'] },
      { header: 'Forename', field: 'forename', kind: 'text', aliases: ['Legal Forename', 'First Name', 'Preferred Forename'], required: true },
      { header: 'Surname', field: 'surname', kind: 'text', aliases: ['Legal Surname', 'Last Name'], required: true },
      { header: 'Year', field: 'year', kind: 'number', aliases: ['NC Year', 'Year Group', 'Yr'], required: true },
      { header: 'Reg Group', field: 'regGroup', kind: 'text', aliases: ['Form', 'Reg', 'Registration Group', 'Tutor Group'], required: true },
      { header: 'PP', field: 'pp', kind: 'yesno', aliases: ['Pupil Premium'], options: YES_NO },
      { header: 'EAL', field: 'eal', kind: 'yesno', options: YES_NO },
      { header: 'SEN', field: 'sen', kind: 'yesno', aliases: ['SEN Status', 'SEND'], options: YES_NO },
      { header: 'Parent Name', field: 'parentName', kind: 'text', aliases: ['Primary Contact', 'Contact Name', 'Parent/Carer'] },
      { header: 'Parent Email', field: 'parentEmail', kind: 'text', aliases: ['Contact Email', 'Parent/Carer Email', 'Primary Contact Email'] },
      { header: 'Address', field: 'address', kind: 'text', aliases: ['Home Address', 'Contact Address'] },
      { header: 'Mentor', field: 'mentor', kind: 'text' },
      { header: 'Leaving Date', field: 'leavingDate', kind: 'date', aliases: ['Date of Leaving', 'Leave Date'] },
      // Attendance (SPEC §4.1): compulsory school age from the birth date; figures from admission.
      { header: 'Date of Birth', field: 'dateOfBirth', kind: 'date', aliases: ['DOB', 'Birth Date', 'D.O.B.'] },
      { header: 'Admission Date', field: 'admissionDate', kind: 'date', aliases: ['Date of Admission', 'Adm Date'] },
    ],
  },
  {
    name: 'Staff',
    key: ['email'],
    columns: [
      { header: 'Name', field: 'name', kind: 'text', aliases: ['Staff Name'], required: true },
      { header: 'Email', field: 'email', kind: 'text', aliases: ['E-mail', 'Email Address'], required: true },
      { header: 'Role', field: 'roles', kind: 'text', aliases: ['Roles'], required: true },
      { header: 'Year', field: 'year', kind: 'number', aliases: ['Year Group', 'NC Year'] },
      { header: 'Reg Group', field: 'regGroup', kind: 'text', aliases: ['Form', 'Reg', 'Tutor Group'] },
      { header: 'Department', field: 'department', kind: 'text', aliases: ['Subject', 'Dept'] },
    ],
  },
  {
    name: 'Homework Log',
    key: ['upn', 'subject', 'date'],
    columns: [
      { header: 'Date', field: 'date', kind: 'date', required: true },
      upnCol,
      { header: 'Subject', field: 'subject', kind: 'text', required: true },
      { header: 'Class', field: 'className', kind: 'text', aliases: ['Class Group', 'Teaching Group'] },
      { header: 'Teacher', field: 'teacher', kind: 'text' },
      { header: 'Reason', field: 'reason', kind: 'enum', options: homeworkReasons(DEFAULT_SETTINGS), required: true }, // the school's own: tabsFor
      { header: 'Subject Detention', field: 'subjectDetention', kind: 'yesno', options: YES_NO },
      { header: 'Detention Attended', field: 'detentionAttended', kind: 'yesno', options: YES_NO },
      { header: 'CL Detention', field: 'clDetention', kind: 'yesno', options: YES_NO },
      { header: 'Notes', field: 'notes', kind: 'text' },
    ],
  },
  {
    name: 'Homework Tracker',
    key: ['upn'],
    generated: true,
    columns: [
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
    ],
  },
  {
    name: 'Homework Set',
    key: ['className', 'subject', 'dateSet'],
    columns: [
      { header: 'Date Set', field: 'dateSet', kind: 'date', aliases: ['Set On', 'Date'], required: true },
      { header: 'Class', field: 'className', kind: 'text', required: true },
      { header: 'Subject', field: 'subject', kind: 'text', required: true },
      { header: 'Year', field: 'year', kind: 'number', aliases: ['NC Year', 'Year Group'], required: true },
      { header: 'Teacher', field: 'teacher', kind: 'text' },
      { header: 'Due', field: 'due', kind: 'date', aliases: ['Due Date'] },
    ],
  },
  {
    name: 'Attendance Marks',
    key: ['upn', 'date', 'session'],
    columns: [
      upnCol,
      { header: 'Date', field: 'date', kind: 'date', required: true },
      { header: 'Session', field: 'session', kind: 'enum', options: ['AM', 'PM'], required: true },
      { header: 'Code', field: 'code', kind: 'enum', aliases: ['Mark'] },
    ],
  },
  {
    name: 'Attendance',
    key: ['upn'],
    columns: [
      { ...upnCol, owned: true },
      { header: 'Name', field: 'name', kind: 'text', owned: true },
      { header: 'Year', field: 'year', kind: 'number', owned: true },
      { header: 'Reg Group', field: 'regGroup', kind: 'text', owned: true },
      { header: 'Possible', field: 'possible', kind: 'number', owned: true },
      { header: 'Present', field: 'attended', kind: 'number', owned: true },
      { header: 'Authorised', field: 'authorised', kind: 'number', owned: true },
      { header: 'Unauthorised', field: 'unauthorised', kind: 'number', owned: true },
      { header: 'L', field: 'lates', kind: 'number', owned: true },
      { header: 'U', field: 'uCount', kind: 'number', owned: true },
      { header: 'G', field: 'gCount', kind: 'number', owned: true },
      { header: '%', field: 'percent', kind: 'percent', owned: true },
      // Issue 17: the year's figures start here; the exact figure where it decides PA/SA.
      { header: 'Figures From', field: 'countedFrom', kind: 'date', owned: true },
      { header: 'Exact %', field: 'exactNote', kind: 'text', owned: true },
      { header: 'Stage', field: 'stage', kind: 'text', owned: true },
      { header: 'PA', field: 'pa', kind: 'yesno', owned: true },
      { header: 'SA', field: 'sa', kind: 'yesno', owned: true },
      { header: 'Compulsory School Age', field: 'compulsory', kind: 'yesno', owned: true },
      { header: 'Penalty Threshold', field: 'penalty', kind: 'yesno', owned: true },
      { header: 'Penalty First Met', field: 'penaltyFirstMet', kind: 'date', owned: true },
      { header: 'Penalty Window', field: 'penaltyWindow', kind: 'text', owned: true },
      { header: 'Notify LA', field: 'notifyLa', kind: 'yesno', owned: true },
      { header: 'Rung', field: 'rung', kind: 'text', owned: true },
      { header: 'Letters Due', field: 'lettersDue', kind: 'text', owned: true },
      // What the family was last sent about attendance: "AT1 + PA produced 26/01/2024" (issue 18).
      { header: 'Last Letter', field: 'lastLetter', kind: 'text', owned: true },
      { header: 'Held', field: 'held', kind: 'text', owned: true },
      { header: 'Next Action', field: 'nextAction', kind: 'text', owned: true },
      // Issue 19: what is due next in the pupil's legal case (core/legal/dueNext.ts).
      { header: 'Legal Next', field: 'legalNext', kind: 'text', owned: true },
      { header: 'Review Due', field: 'reviewDue', kind: 'date', owned: true },
      { header: 'Sessions Needed', field: 'sessionsNeeded', kind: 'text', owned: true },
      { header: 'Early Warning', field: 'earlyWarning', kind: 'text', owned: true },
      // Staff's: the Head of Year allows a ladder rung out of order (core/attendance/overrides.ts).
      { header: 'HoY Override', field: 'hoyOverride', kind: 'enum', options: HOY_OVERRIDE_OPTIONS },
      { header: 'Notes', field: 'notes', kind: 'text' },
    ],
  },
  {
    // For schools without session marks: the MIS's attendance summary per pupil (issue 3).
    name: 'Attendance Summary',
    key: ['upn'],
    columns: [
      upnCol,
      { header: 'Possible', field: 'possible', kind: 'number', aliases: ['Possible Sessions'], required: true },
      { header: 'Attended', field: 'attended', kind: 'number', aliases: ['Present', 'Attendance Marks', 'Sessions Attended'], required: true },
      { header: 'Authorised', field: 'authorised', kind: 'number', aliases: ['Authorised Absences', 'Authorised Absence'] },
      { header: 'Unauthorised', field: 'unauthorised', kind: 'number', aliases: ['Unauthorised Absences', 'Unauthorised Absence'] },
    ],
  },
  {
    name: 'Lates to Lesson',
    key: ['upn', 'date', 'lesson'],
    columns: [
      { header: 'Date', field: 'date', kind: 'date', required: true },
      upnCol,
      { header: 'Lesson', field: 'lesson', kind: 'text', aliases: ['Period'], required: true },
      { header: 'Minutes', field: 'minutes', kind: 'number', aliases: ['Minutes Late', 'Mins'] },
    ],
  },
  {
    name: 'Interventions',
    key: ['key'],
    columns: [
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
    ],
  },
  {
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
    ],
  },
  {
    // A pupil's contacts as SIMS and Arbor export them (SPEC §2, issue 16): who letters are
    // addressed to. One row per pupil and contact; key UPN + Name.
    name: 'Contacts',
    key: ['upn', 'name'],
    columns: [
      { ...upnCol, aliases: ['Unique Pupil Number', 'Pupil UPN', 'Student UPN'] },
      // An export's bare "Forename"/"Surname" is often the pupil's, so only contact-named headers
      // are read as the contact's name parts.
      { header: 'Name', field: 'name', kind: 'text', aliases: ['Contact Name', 'Contact Full Name', 'Guardian Name', 'Guardian Full Name', 'Parent Name', 'Parent/Carer', 'Parent/Carer Name'] },
      { header: 'Contact Forename', field: 'forename', kind: 'text', aliases: ['Contact First Name', 'Guardian Forename', 'Guardian First Name', 'Parent Forename'] },
      { header: 'Contact Surname', field: 'surname', kind: 'text', aliases: ['Contact Last Name', 'Guardian Surname', 'Guardian Last Name', 'Parent Surname'] },
      { header: 'Title', field: 'title', kind: 'text', aliases: ['Contact Title', 'Guardian Title'] },
      { header: 'Relationship', field: 'relationship', kind: 'text', aliases: ['Relationship To Pupil', 'Relationship To Student', 'Relationship To Child', 'Contact Relationship', 'Relation'] },
      { header: 'Parental Responsibility', field: 'parentalResponsibility', kind: 'yesno', options: YES_NO, aliases: ['Has Parental Responsibility', 'Parental Resp', 'Parental Responsibility?', 'PR'] },
      { header: 'Priority', field: 'priority', kind: 'number', aliases: ['Contact Priority', 'Priority Order', 'Contact Order'] },
      { header: 'Address', field: 'address', kind: 'text', aliases: ['Home Address', 'Contact Address', 'Full Address', 'Postal Address', 'Address Block'] },
      { header: 'Email', field: 'email', kind: 'text', aliases: ['E-mail', 'Email Address', 'Contact Email', 'Primary Email', 'Main Email'] },
      { header: 'Lives With Pupil', field: 'livesWithPupil', kind: 'yesno', options: YES_NO, aliases: ['Lives With Student', 'Lives With Child', 'Lives With', 'Resides With Pupil', 'Same Address As Pupil'] },
      { header: 'Salutation', field: 'salutation', kind: 'text', aliases: ['Letter Salutation', 'Dear', 'Addressee Salutation'] },
      { header: 'Correspondence', field: 'correspondence', kind: 'yesno', options: YES_NO, aliases: ['Receives Correspondence', 'Send Correspondence', 'Correspondence Allowed'] },
    ],
  },
  {
    name: 'QA Calendar',
    key: ['date', 'task'],
    columns: [
      { header: 'Date', field: 'date', kind: 'date', required: true },
      { header: 'Task', field: 'task', kind: 'text', required: true },
      { header: 'Owner Chain', field: 'ownerChain', kind: 'text', aliases: ['Task completed by/ QA by', 'Owners'], required: true },
      { header: 'Checking For', field: 'checkingFor', kind: 'text' },
      { header: 'Follow Up By', field: 'followUpBy', kind: 'text', aliases: ['Follow up with staff by'] },
      { header: 'Review By', field: 'reviewBy', kind: 'text', aliases: ['Review system by'] },
      { header: 'Status', field: 'status', kind: 'enum', options: QA_STATUS },
      { header: 'Done On', field: 'doneOn', kind: 'date' },
      { header: 'Done By', field: 'doneBy', kind: 'text' },
    ],
  },
  {
    name: 'Progress',
    key: ['upn', 'subject'],
    columns: [
      upnCol,
      { header: 'Subject', field: 'subject', kind: 'text', required: true },
      { header: 'Target', field: 'target', kind: 'text', aliases: ['FFT Target', 'Target Grade'] },
      { header: 'Current', field: 'current', kind: 'text', aliases: ['Working At', 'Current Grade'] },
      { header: 'Predicted', field: 'predicted', kind: 'text', aliases: ['Predicted Grade'] },
      { header: 'Status', field: 'status', kind: 'text', owned: true },
      { header: 'Previous Status', field: 'previousStatus', kind: 'text', owned: true },
      { header: 'Movement', field: 'movement', kind: 'text', owned: true },
    ],
  },
  {
    name: 'Mentor Meetings',
    key: ['upn', 'date'],
    columns: [
      { header: 'Date', field: 'date', kind: 'date', required: true },
      upnCol,
      { header: 'Mentor', field: 'mentor', kind: 'text', required: true },
      { header: 'Type', field: 'type', kind: 'enum', options: ['Formal', 'Informal'] },
      { header: 'Notes', field: 'notes', kind: 'text' },
      { header: 'Next Meeting', field: 'nextMeeting', kind: 'date' },
    ],
  },
  {
    name: 'Mentoring Slips',
    key: ['date', 'upn', 'from'],
    columns: [
      { header: 'Date', field: 'date', kind: 'date', required: true },
      upnCol,
      { header: 'From', field: 'from', kind: 'text', required: true },
      { header: 'Kind', field: 'kind', kind: 'enum', options: ['Positive', 'Concern'], required: true },
      { header: 'Comment', field: 'comment', kind: 'text' },
      { header: 'Target', field: 'target', kind: 'text' },
      { header: 'Sent To Mentor', field: 'sentToMentor', kind: 'date', owned: true },
    ],
  },
  {
    name: 'Sessions',
    key: ['date', 'upn', 'subject'],
    columns: [
      { header: 'Date', field: 'date', kind: 'date', required: true },
      upnCol,
      { header: 'Slot', field: 'slot', kind: 'enum', options: ['After school', 'Lunchtime'], required: true },
      { header: 'Subject', field: 'subject', kind: 'text', required: true },
      { header: 'Time', field: 'time', kind: 'text' },
      { header: 'Teacher', field: 'teacher', kind: 'text' },
      { header: 'Requested By', field: 'requestedBy', kind: 'text' },
    ],
  },
  {
    name: 'Session Register',
    key: ['date', 'upn', 'subject'],
    columns: [
      { header: 'Date', field: 'date', kind: 'date', required: true },
      upnCol,
      { header: 'Subject', field: 'subject', kind: 'text', required: true },
      { header: 'Attended', field: 'attended', kind: 'yesno', options: YES_NO },
      { header: 'Followed Up', field: 'followedUp', kind: 'date', owned: true },
    ],
  },
  {
    // The legal steps (SPEC §4.4, issue 19): staff's tab, typed with drop-downs or imported from
    // legal.csv; the add-on appends its own rows when it records a step and never edits a row.
    // Penalty notices go to each parent separately, so the parent is part of a row's identity.
    name: 'Legal',
    key: ['upn', 'date', 'step', 'parent'],
    columns: [
      { header: 'Date', field: 'date', kind: 'date', aliases: ['Date Issued', 'Issued On', 'Step Date'], required: true },
      upnCol,
      { header: 'Step', field: 'step', kind: 'enum', options: LEGAL_STEPS, aliases: ['Legal Step', 'Action'], required: true },
      { header: 'Parent', field: 'parent', kind: 'text', aliases: ['Parent/Carer', 'Issued To', 'Recipient'] },
      { header: 'Amount', field: 'amount', kind: 'text', aliases: ['Penalty Amount', 'Fine'] },
      { header: 'Period End', field: 'periodEnd', kind: 'date', aliases: ['Improvement Period End', 'Return Date'] },
      { header: 'Outcome', field: 'outcome', kind: 'enum', options: LEGAL_OUTCOMES },
      { header: 'By', field: 'by', kind: 'text', aliases: ['Recorded By', 'Issued By'] },
    ],
  },
];

/**
 * The tabs as this school has them: the Homework Log's reasons are the school's own
 * (settings.homework), so a school that renames a reason gets it in the drop-down and accepted.
 */
export function tabsFor(settings: Settings): TabDef[] {
  const reasons = homeworkReasons(settings);
  return TABS.map((t) => (t.name !== 'Homework Log' ? t : { ...t, columns: t.columns.map((c) => (c.field === 'reason' ? { ...c, options: reasons } : c)) }));
}

export function tabDef(name: TabName): TabDef {
  const t = TABS.find((x) => x.name === name);
  if (!t) throw new Error(`Unknown tab "${name}"`);
  return t;
}

/** Header text as compared: lower case, spaces/underscores/nbsp collapsed, punctuation ignored. */
export function normaliseHeader(h: unknown): string {
  return String(h ?? '')
    .replace(/\u00a0/g, ' ')
    .toLowerCase()
    .replace(/[_\-./]+/g, ' ')
    .replace(/[^a-z0-9%# ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The CSV file name for a tab in `--data DIR` (SPEC §8): lower case with hyphens. */
export function csvNameFor(tab: string): string {
  return `${tab.toLowerCase().replace(/\s+/g, '-')}.csv`;
}

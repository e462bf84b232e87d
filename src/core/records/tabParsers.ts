/**
 * One builder per importable tab: reads a row by field name (RowReader) into the tab's record.
 * Which cells are required, and how each is read, lives here; parse.ts does the looping.
 */
import {
  HomeworkMiss, HomeworkSet, Intervention, LateToLesson, LetterLogEntry, Mark, ProgressEntry, Pupil,
  QaTask, StaffMember,
} from '../types';
import { Contact, MentorMeeting, MentoringSlip, SessionAttendance, SessionRequest } from '../types';
import { RowReader } from './rowReader';
import { ClassifyCode, YearRange } from './cells';
import { canonicalRole } from './staffRoles';
import { LEGAL_STEPS, LegalRecord, stepKind } from '../legal/steps';

/** Every tab the importer reads, with the record it becomes. */
export interface TabRecords {
  Students: Pupil;
  Staff: StaffMember;
  'Homework Log': HomeworkMiss;
  'Homework Set': HomeworkSet;
  'Attendance Marks': Mark;
  'Lates to Lesson': LateToLesson;
  Interventions: Intervention;
  Legal: LegalRecord;
  'Letters Log': LetterLogEntry;
  'QA Calendar': QaTask;
  Progress: ProgressEntry;
  'Mentor Meetings': MentorMeeting;
  'Mentoring Slips': MentoringSlip;
  Sessions: SessionRequest;
  'Session Register': SessionAttendance;
  Contacts: Contact;
}
export type ImportableTab = keyof TabRecords;

export interface BuildContext {
  classifyCode: ClassifyCode;
  years: YearRange;
  /** Homework Log reasons (the school's settings); the Reason column's default options when absent. */
  homeworkReasons?: string[];
}

type Builders = { [K in ImportableTab]: (r: RowReader, ctx: BuildContext) => TabRecords[K] };

export const BUILDERS: Builders = {
  Students: (r, ctx) => ({
    upn: r.upn(),
    adno: r.text('adno'),
    ...r.each('name', 'forename', 'surname'),
    year: r.year('year', ctx.years) || 0,
    regGroup: r.text('regGroup'),
    pp: r.yesNo('pp', ['PP', 'Pupil Premium', 'FSM', 'Ever 6', 'Ever6']),
    eal: r.yesNo('eal', ['EAL']),
    sen: r.sen('sen'),
    parentName: r.name('parentName'),
    parentEmail: r.emailList('parentEmail'),
    ...r.each('text', 'address', 'mentor'),
    ...r.each('date', 'leavingDate', 'dateOfBirth', 'admissionDate'),
  }),
  Staff: (r, ctx) => ({
    name: r.name('name'),
    email: r.email('email'),
    roles: r.list('roles', /[,;]/).map(canonicalRole),
    year: r.year('year', ctx.years),
    ...r.each('text', 'regGroup', 'department'),
  }),
  'Homework Log': (r, ctx) => ({
    row: r.row,
    date: r.date('date'),
    upn: r.upn(),
    ...r.each('text', 'subject', 'className', 'teacher'),
    reason: r.oneOf('reason', ctx.homeworkReasons),
    ...r.each('yesNoText', 'subjectDetention', 'detentionAttended', 'clDetention'),
    notes: r.text('notes'),
  }),
  'Homework Set': (r, ctx) => ({
    dateSet: r.date('dateSet'),
    ...r.each('text', 'className', 'subject'),
    year: r.year('year', ctx.years) || 0,
    teacher: r.text('teacher'),
    due: r.date('due'),
  }),
  'Attendance Marks': (r, ctx) => ({
    upn: r.upn(),
    date: r.date('date'),
    session: r.session('session'),
    code: r.code('code', ctx.classifyCode),
  }),
  'Lates to Lesson': (r) => ({
    date: r.date('date'),
    upn: r.upn(),
    lesson: r.text('lesson'),
    minutes: r.number('minutes') || 0, // blank minutes: the late is still counted (SPEC §4.3)
  }),
  Interventions: (r) => ({
    key: r.text('key'),
    date: r.date('date'),
    upn: r.upn(),
    ...r.each('text', 'area', 'action', 'owner'),
    due: r.date('due'),
    status: r.oneOf('status'),
    ...r.each('text', 'outcome', 'entryValue', 'exitValue'),
  }),
  // Steps are read leniently ("NTI", "fixed penalty notice") but must be a step the rules know:
  // a row the rules cannot place would be a notice silently not counted.
  Legal: (r) => {
    const step = r.text('step');
    if (step && !stepKind(step)) r.fail('step', `"${step}" is not a legal step (use one of: ${LEGAL_STEPS.join(', ')}).`);
    return {
      date: r.date('date'),
      upn: r.upn(),
      step,
      ...r.each('text', 'parent', 'amount'),
      periodEnd: r.date('periodEnd'),
      ...r.each('text', 'outcome', 'by'),
    };
  },
  // Type and Status read leniently ("AT1 letter", "Posted"); a blank Key is made afterwards
  // from the whole history (core/records/lettersLog.ts, called by parse.ts).
  'Letters Log': (r) => ({
    key: r.text('key'),
    date: r.date('date'),
    type: r.letterType('type'),
    upn: r.upn(),
    ...r.each('text', 'link', 'by'),
    status: r.letterStatus('status'),
  }),
  'QA Calendar': (r) => ({
    date: r.date('date'),
    task: r.text('task'),
    // "Attendance officer > Pastoral manager > SLT attendance": first does, second QAs, third reviews.
    // The column is required; a blank cell is not refused: a training day or INSET row has no
    // chain, and a task without one is reported by the morning plan ("no one was reminded").
    ownerChain: String(r.raw('ownerChain') ?? '').trim() === '' ? [] : r.list('ownerChain', />/),
    ...r.each('text', 'checkingFor', 'followUpBy', 'reviewBy'),
    status: r.oneOf('status'),
    doneOn: r.date('doneOn'),
    doneBy: r.text('doneBy'),
  }),
  Progress: (r) => ({
    upn: r.upn(),
    ...r.each('text', 'subject', 'target', 'current', 'predicted', 'status'),
  }),
  'Mentor Meetings': (r) => ({
    date: r.date('date'),
    upn: r.upn(),
    mentor: r.text('mentor'),
    type: r.oneOf('type'),
    notes: r.text('notes'),
    nextMeeting: r.date('nextMeeting'),
  }),
  'Mentoring Slips': (r) => ({
    date: r.date('date'),
    upn: r.upn(),
    from: r.text('from'),
    kind: r.oneOf('kind'),
    ...r.each('text', 'comment', 'target'),
    sentToMentor: r.date('sentToMentor'),
  }),
  Sessions: (r) => ({
    date: r.date('date'),
    upn: r.upn(),
    slot: r.oneOf('slot'),
    ...r.each('text', 'subject', 'time', 'teacher', 'requestedBy'),
  }),
  Contacts: (r) => {
    const forename = r.name('forename');
    const surname = r.name('surname');
    let name = r.name('name');
    if (!name) name = [forename, surname].filter((x) => x !== '').join(' ');
    if (!name && !r.problems.length) r.fail(r.has('name') ? 'name' : 'upn', 'the contact has no name (Name, or Contact Forename and Contact Surname).');
    const priority = r.number('priority', 1);
    return {
      upn: r.upn(),
      name,
      forename,
      surname,
      title: r.name('title'),
      relationship: r.text('relationship'),
      parentalResponsibility: r.yesNoOrNull('parentalResponsibility'),
      priority,
      address: r.text('address'),
      email: r.email('email'),
      livesWithPupil: r.yesNoOrNull('livesWithPupil'),
      salutation: r.name('salutation'),
      correspondence: r.yesNoOrNull('correspondence', ['Yes - all', 'All']),
    };
  },
  'Session Register': (r) => ({
    date: r.date('date'),
    upn: r.upn(),
    subject: r.text('subject'),
    attended: r.yesNoText('attended'),
    followedUp: r.date('followedUp'),
  }),
};

/**
 * Every number, code list and role a rule uses, with the defaults from SPEC.md. Schools change
 * thresholds, so rules take a `Settings` argument and never a literal. gas/settingsStore.ts keeps
 * the school's overrides in the document's properties; `withDefaults` fills in the rest.
 */
import { IsoDate } from './dates';
import { LETTERS_ROLES } from './access';

export type FftBenchmark = 'FFT50' | 'FFT20' | 'FFT5';

export interface TermDates {
  /** A half term: first and last calendar day (inclusive). */
  name: string;
  start: IsoDate;
  end: IsoDate;
}

export interface Settings {
  school: {
    name: string;
    address: string; // lines separated by \n
    phone: string;
    signatory: string; // name of the person who signs letters
    signatoryRole: string;
    /** Staff e-mail goes only to these domains (lower case, no @). */
    allowedDomains: string[];
  };
  homework: {
    pinkAt: number; // misses in a week → pink (SPEC §3: 2)
    redAt: number; // misses in a week → red (3 or more)
    persistentWeeks: number; // pink or red in this many …
    persistentWindow: number; // … of the last this many school weeks (3 of 6)
    missReasons: string[]; // reasons that count as a miss
    lateReason: string;
    countLateAsMiss: boolean;
    sopWindowWeeks: number; // homework set vs SOP looks back this many school weeks (4)
    coreSubjects: string[];
    practicalSubjects: string[];
  };
  attendance: {
    rewardAbove: number; // % > 97 → reward
    level1From: number; // 94 ≤ % ≤ 97 → level1; below → level2
    persistentAbsenceFrom: number; // absence % ≥ 10 → PA
    severeAbsenceFrom: number; // absence % ≥ 50 → SA
    at1MonitorWeeks: number; // 4 school weeks
    at2MonitorWeeks: number; // 4
    panelMonitorWeeks: number; // 5
    penaltySessions: number; // 10 sessions …
    penaltyWindowWeeks: number; // … of G N O U within 10 school weeks
    penaltyCodes: string[];
    consecutiveDaysForLa: number; // 10 school days absent without permission in a row
    punctualityLates: number; // 5+ L in the half term
    lateToLessonCount: number; // 5+ Lates to Lesson rows in the half term
    holidaySessions: number; // 6+ G sessions (3 days) in the term
    nOlderThanSchoolDays: number; // N marks older than 5 school days are a coding issue
    earlyWarningWeeks: number; // trend over the last 4 school weeks
    /** Figures, stage, PA and SA cover the academic year to date: it starts on the 1st of this month (9 = September). */
    academicYearStartMonth: number;
    /** Below this many possible sessions this year it is too early to tell: figures, but no stage, letter or rung (20). */
    minimumSessions: number;
  };
  letters: {
    templateIds: Record<string, string>; // letter type → Docs id
    emailParents: boolean; // PDF of each letter to the parent (off by default)
    maxRunMillis: number; // stop a run cleanly before Apps Script's 6-minute limit
    /** Staff tab roles whose holders run letters: templates and letter documents are shared with them. */
    shareWithRoles: string[];
    /** Legal wording (s.444, penalty notices) only from this many unauthorised sessions this year (SPEC §5). */
    legalWordingFromUnauthorised: number;
  };
  progress: {
    benchmark: FftBenchmark;
    belowSubjectsForRac: number; // Below in 3+ subjects → Raising Achievement Coordinator
    /**
     * Below target from this many sub-grades under the target (3 sub-grades = a whole grade):
     * with 3, 6- and 5+ against a target of 6 are on target, 5 is below. 1 = any sub-grade.
     */
    belowTargetSubGrades: number;
    mentorMeetingDays: number; // a formal meeting is due monthly
    mentoredYears: number[];
    /** KS3 grade words in order, lowest first (e.g. Emerging, Developing, Secure, Mastered); absent → 9–1 only. */
    ks3Scale?: string[];
  };
  /** The legal steps (SPEC §4.4; DfE national framework for penalty notices, August 2024). */
  legal: {
    improvementWeeks: number; // a Notice to Improve's improvement period, in school weeks (3–6; 4)
    noticeYears: number; // penalty notices to one parent for one child are counted over this many years (3)
    noticeLimit: number; // … and at most this many in that time (2): the next case is "consider prosecution"
    reducedAmount: number; // £80 for a first notice paid within `reducedWithinDays`
    fullAmount: number; // £160 within `payWithinDays`, and always for a second notice
    reducedWithinDays: number; // 21
    payWithinDays: number; // 28
    countNoticesFrom: IsoDate; // notices before the framework (19 August 2024) do not count towards the limit
  };
  calendar: {
    halfTerms: TermDates[]; // empty → inferred from the register (SPEC §2a)
    breakWeeks: number; // a break of ≥ this many weeks with no sessions ends a half term
  };
  triggers: {
    morningHour: number; // the daily run, before school
    /** The one switch every user's morning trigger obeys (issue 15 §7). */
    enabled: boolean;
    digestWeekday: number; // 0 = Monday
    /** Who is e-mailed when the morning run fails: holders of the first of these roles anyone holds. */
    failureAlertRoles: string[];
  };
  /** Staff e-mails (docs/emails.md). */
  email: {
    senderName: string; // '' → "Pastoral Tracker — <school name>"
    noReply: boolean; // Google Workspace only: send from a no-reply address (replies go nowhere)
    chaseEveryDays: number; // an unchanged overdue or waiting QA item is sent again after this many days (7)
    inlineRows: number; // a list up to this many rows is printed in the e-mail; a longer one is attached as CSV (20)
    maxBodyKb: number; // every HTML and text body is kept under this (150; Google's limit is 200 consumer / 400 Workspace)
  };
  /** National figures shown beside the school's on the Dashboard (issue 20): blank until the school fills them in. */
  dashboard: {
    nationalAttendance: number | null; // % attendance, e.g. the DfE's figure for secondary schools this year
    nationalPaRate: number | null; // % of pupils persistently absent
    nationalLabel: string; // where the figures come from, e.g. "DfE, secondary, autumn 2023"
  };
  /** Test mode: every e-mail goes to the person running the add-on, not the recipients. */
  testMode: boolean;
}

/**
 * How long a run may go on starting new work (4.5 minutes): Apps Script stops an execution at 6,
 * which leaves 90 s for the chunk in hand (about 15 s for 400,000 cells), saving the checkpoint
 * and the continuation trigger. Letter runs and evidence packs read it as letters.maxRunMillis;
 * imports use it as it is.
 */
export const RUN_BUDGET_MS = 4.5 * 60 * 1000;

export const DEFAULT_SETTINGS: Settings = {
  school: {
    name: 'Our School',
    address: '1 School Lane\nTown\nAB1 2CD',
    phone: '',
    signatory: 'Head of Year',
    signatoryRole: 'Head of Year',
    allowedDomains: [],
  },
  homework: {
    pinkAt: 2,
    redAt: 3,
    persistentWeeks: 3,
    persistentWindow: 6,
    missReasons: ['Not completed', 'Not to a good standard'],
    lateReason: 'Late',
    countLateAsMiss: false,
    sopWindowWeeks: 4,
    coreSubjects: ['English', 'Maths', 'Science'],
    practicalSubjects: ['PE', 'Drama', 'Music', 'Art', 'Design Technology', 'Food'],
  },
  attendance: {
    rewardAbove: 97,
    level1From: 94,
    persistentAbsenceFrom: 10,
    severeAbsenceFrom: 50,
    at1MonitorWeeks: 4,
    at2MonitorWeeks: 4,
    panelMonitorWeeks: 5,
    penaltySessions: 10,
    penaltyWindowWeeks: 10,
    penaltyCodes: ['G', 'N', 'O', 'U'],
    consecutiveDaysForLa: 10,
    punctualityLates: 5,
    lateToLessonCount: 5,
    holidaySessions: 6,
    nOlderThanSchoolDays: 5,
    earlyWarningWeeks: 4,
    academicYearStartMonth: 9,
    minimumSessions: 20,
  },
  letters: {
    templateIds: {},
    emailParents: false,
    maxRunMillis: RUN_BUDGET_MS,
    // Everyone who may run letters, and an attendance lead by that name.
    shareWithRoles: [...LETTERS_ROLES, 'Attendance lead'],
    // 10 unauthorised sessions is what can lead to a penalty notice (national framework, 2024).
    legalWordingFromUnauthorised: 10,
  },
  progress: {
    benchmark: 'FFT50',
    belowSubjectsForRac: 3,
    belowTargetSubGrades: 3, // a whole grade (issue 20): sub-grades within it are on target
    mentorMeetingDays: 31,
    mentoredYears: [10, 11],
  },
  legal: {
    improvementWeeks: 4,
    noticeYears: 3,
    noticeLimit: 2,
    reducedAmount: 80,
    fullAmount: 160,
    reducedWithinDays: 21,
    payWithinDays: 28,
    countNoticesFrom: '2024-08-19',
  },
  calendar: {
    halfTerms: [],
    breakWeeks: 1,
  },
  triggers: {
    morningHour: 7,
    enabled: true,
    digestWeekday: 0,
    failureAlertRoles: ['Attendance lead', 'SLT attendance', 'Attendance officer'],
  },
  email: {
    senderName: '',
    noReply: false,
    chaseEveryDays: 7,
    inlineRows: 20,
    maxBodyKb: 150,
  },
  dashboard: { nationalAttendance: null, nationalPaRate: null, nationalLabel: '' },
  testMode: false,
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends any[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type SettingsOverrides = DeepPartial<Settings>;

/** The Homework Log's reasons, as the school names them: the misses, then Late (SPEC §3). */
export function homeworkReasons(s: Settings): string[] {
  return s.homework.missReasons.concat([s.homework.lateReason]);
}

/** The defaults with a school's overrides laid over them (objects merged, arrays replaced). */
export function withDefaults(overrides: SettingsOverrides = {}): Settings {
  return merge(DEFAULT_SETTINGS, overrides) as Settings;
}

function merge(base: any, over: any): any {
  if (over === undefined) return clone(base);
  if (Array.isArray(base) || typeof base !== 'object' || base === null) return clone(over);
  const out: any = {};
  for (const k of Object.keys(base)) out[k] = merge(base[k], over[k]);
  for (const k of Object.keys(over)) if (!(k in base)) out[k] = clone(over[k]);
  return out;
}

function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/**
 * Google's own consumer mail: an owner signed in with one of these has no school domain, so no
 * domain is assumed for them (mail to every Gmail address on the Staff tab would not be "the
 * school's domain").
 */
export const CONSUMER_MAIL_DOMAINS = ['gmail.com', 'googlemail.com'];

/**
 * The school's e-mail domain defaults to the tracker owner's (issue 16: in Google, the installing
 * user's Workspace domain), so a first run shows the e-mails. A domain set in Settings overrides.
 */
export function withOwnerDomain(s: Settings, ownerEmail: string): Settings {
  if (s.school.allowedDomains.length) return s;
  const at = String(ownerEmail || '').lastIndexOf('@');
  const domain = at < 0 ? '' : String(ownerEmail).slice(at + 1).trim().toLowerCase();
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) || CONSUMER_MAIL_DOMAINS.indexOf(domain) >= 0) return s;
  return { ...s, school: { ...s.school, allowedDomains: [domain] } };
}

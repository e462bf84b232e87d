/**
 * The default wording of the attendance ladder's letters, drawn from the school's own policy
 * (seed 004, the staged approach to attendance) and the DfE's "Working together to improve school
 * attendance" (2024): support first, legal words only where the law applies. Staff edit the Google
 * Doc made from this; thresholds and dates are fields, not numbers.
 *
 * How the wording fits the case (SPEC §5, conditions.ts): a paragraph starting with {{IfLegal}} is
 * only for pupils of compulsory school age whose unauthorised absence reaches the setting; one
 * starting with {{IfSupport}} is for everyone else (medical evidence, help). {{IfPA}} / {{IfPAAgain}}
 * carry the persistent absence paragraph inside the one letter a family gets; {{IfFirst}} /
 * {{IfRepeat}} say "again" and "still" to a family written to before this school year.
 *
 * Voice and signature agree: AT1, AT2 and PA speak as the pupil's Head of Year, who signs them;
 * the panel and EWO letters speak as the attendance officer, who signs them (see signatory.ts).
 * The review date appears once, in the sentence that says what happens until then.
 */
import { LetterType } from '../types';
import { OTHER_WORDING } from './wordingOther';

/** A paragraph, or a small table of label/value rows (the panel's date, time and place). */
export type Part = string | { table: string[][] };

export interface Wording {
  /** The title of the template document and of the letter type in menus and the Letters Log. */
  title: string;
  /** Who speaks and signs: the pupil's Head of Year, or the attendance officer. */
  voice: 'headOfYear' | 'attendanceLead';
  /** Paragraphs before the figures table. */
  opening: Part[];
  /** Which figures table the letter shows. */
  figures: 'attendance' | 'punctuality' | 'lateToLesson' | 'homework';
  /** Paragraphs after the figures table. */
  closing: Part[];
}

export const CONTACT = 'If there is anything affecting {{PupilForename}}\'s attendance that we should know about, please contact the school. We are here to help.';

/** Inside a ladder letter: the persistent absence paragraph, first time or again this school year. */
export const PA_PARAGRAPHS = [
  '{{IfPA}}{{PupilForename}} has now missed {{AbsencePercent}} of the sessions this school year. A pupil who misses {{PersistentAbsenceThreshold}} or more of the sessions (mornings and afternoons) they could attend is persistently absent, so I must also let you know that {{PupilForename}} is now in the persistent absence category. Heads of Year and Assistant Principals review every pupil in this category each half term.',
  '{{IfPAAgain}}{{PupilForename}} has missed {{AbsencePercent}} of the sessions this school year, so {{PupilForename}} is still in the persistent absence category (missing {{PersistentAbsenceThreshold}} or more of sessions), as when we wrote to you about it earlier this year.',
];

export const SUPPORT =
  '{{IfSupport}}If {{PupilForename}} has been unwell or has a medical condition, please send us any medical evidence you have (an appointment card, a prescription, or a letter from the doctor or hospital), so that the absence is recorded correctly, and tell us what would help: we can agree a plan with you and, where it helps, involve the school nurse or other services.';

const LEGAL =
  '{{IfLegal}}Parents and carers have a legal duty to make sure that their child attends school regularly. Under section 444 of the Education Act 1996, a parent whose child of compulsory school age fails to attend school regularly may be guilty of an offence. {{PupilForename}} has {{Unauthorised}} sessions of unauthorised absence this school year. Unauthorised absence can lead to a penalty notice from the local authority and, in the end, to prosecution in the magistrates\' court. We would much rather work with you so that it never comes to that.';

const UNAUTHORISED_REMINDER =
  '{{IfLegal}}{{PupilForename}} has {{Unauthorised}} sessions of unauthorised absence this school year. Please make sure {{PupilForename}} is in school every day unless ill, and let us know the reason on the first morning of any absence.';

const LADDER_WORDING: Record<'AT1' | 'AT2' | 'panel' | 'EWO' | 'PA', Wording> = {
  AT1: {
    title: 'AT1 letter — attendance cause for concern',
    voice: 'headOfYear',
    opening: [
      '{{IfFirst}}I am writing because {{PupilForename}}\'s attendance has fallen below our expectation of more than {{RewardThreshold}}. It is now {{AttendancePercent}}, which is a cause for concern.',
      '{{IfRepeat}}I wrote to you earlier this school year about {{PupilForename}}\'s attendance. It improved after that, but I am sorry to say that it has fallen again: it is now {{AttendancePercent}}, below our expectation of more than {{RewardThreshold}}.',
      ...PA_PARAGRAPHS,
      'Good attendance matters: pupils who are in school every day learn more, keep up with their friends and do better in their exams. Every session missed is learning that has to be caught up.',
      SUPPORT,
      UNAUTHORISED_REMINDER,
      'As Head of Year I will track {{PupilForename}}\'s attendance closely over the next {{MonitorWeeks}} school weeks, until {{ReviewDate}}. You are welcome to ask for a meeting at any time, and in some cases I may ask you to come in to meet me.',
    ],
    figures: 'attendance',
    closing: [CONTACT],
  },
  AT2: {
    title: 'AT2 letter — attendance cause for concern level 2',
    voice: 'headOfYear',
    opening: [
      '{{IfFirst}}I wrote to you recently about {{PupilForename}}\'s attendance. I am sorry to say that it has not improved: it is now {{AttendancePercent}}, below {{Level1Threshold}}, which is cause for concern level 2.',
      '{{IfRepeat}}Earlier this school year I wrote to you because {{PupilForename}}\'s attendance had fallen below {{Level1Threshold}}. I am sorry to say that it has fallen below that level again: it is now {{AttendancePercent}}, which is cause for concern level 2.',
      ...PA_PARAGRAPHS,
      LEGAL,
      SUPPORT,
      'I would like to meet you to talk about our concerns and to find out about anything that makes it hard for {{PupilForename}} to attend, including any additional needs. Please contact the school to arrange the meeting; our Attendance Officer will join us where possible.',
      'At the meeting we will agree a written plan of action, with attendance targets for {{PupilForename}}. I will check progress against the targets over the following {{MonitorWeeks}} school weeks, until {{ReviewDate}}.',
    ],
    figures: 'attendance',
    closing: [CONTACT],
  },
  panel: {
    title: 'Governors\' attendance panel invitation',
    voice: 'attendanceLead',
    opening: [
      '{{IfLegal}}Despite the letters and the meeting with {{PupilForename}}\'s Head of Year, {{PupilForename}}\'s attendance has not improved: it is now {{AttendancePercent}}. {{PupilForename}}\'s attendance will now be considered by the school\'s Governors\' Attendance Panel, and I am writing to invite you to the panel.',
      '{{IfSupport}}{{PupilForename}}\'s attendance is still {{AttendancePercent}}, despite the support agreed with {{PupilForename}}\'s Head of Year. We would like to look, with you, at what more the school and other services can do, and I am writing to invite you to a meeting of the school\'s Governors\' Attendance Panel.',
      'The panel will meet:',
      { table: [['Date', '{{PanelDate}}'], ['Time', '{{PanelTime}}'], ['Place', '{{PanelPlace}}']] },
      ...PA_PARAGRAPHS,
      '{{IfLegal}}This is the beginning of a legal process. At the panel we will set attendance targets, which I will check every week for {{MonitorWeeks}} school weeks, until {{ReviewDate}}, and I will tell you if {{PupilForename}} is not meeting them. All communication and correspondence is recorded, as it may be used as evidence in court.',
      '{{IfLegal}}If attendance does not improve or the targets are not met, and there is no good reason, I will refer the case to the Local Authority Education Welfare Service for legal consideration, which can lead to a penalty notice or to prosecution under section 444 of the Education Act 1996.',
      '{{IfSupport}}At the panel we will agree weekly attendance targets and the support that will help {{PupilForename}} to meet them. I will check them every week for {{MonitorWeeks}} school weeks, until {{ReviewDate}}. Please bring any medical evidence you have, such as appointment letters or a letter from the doctor or hospital.',
    ],
    figures: 'attendance',
    closing: ['Please contact the school to confirm that you can attend, or to ask for another time.'],
  },
  EWO: {
    title: 'Referral to the Education Welfare Officer',
    voice: 'attendanceLead',
    opening: [
      '{{PupilForename}}\'s attendance is still a serious concern at {{AttendancePercent}}, and the targets agreed at the Governors\' Attendance Panel have not been met.',
      'I have therefore asked the school\'s Education Welfare Officer (EWO) to work with you. The EWO will contact you to meet and agree an Attendance Improvement Plan, which is there to support {{PupilForename}} and you.',
      ...PA_PARAGRAPHS,
      '{{IfLegal}}Where attendance does not improve and the targets in the plan are not met, the EWO will consider referring the case to the Local Authority Education Welfare Service for legal consideration, which can lead to a penalty notice or to prosecution under section 444 of the Education Act 1996.',
      SUPPORT,
    ],
    figures: 'attendance',
    closing: ['Please make sure the school has your current telephone number so that the EWO can reach you.'],
  },
  PA: {
    title: 'Persistent absence letter',
    voice: 'headOfYear',
    opening: [
      '{{IfPA}}I am writing to let you know that {{PupilForename}} is now in the persistent absence category. A pupil is persistently absent when they miss {{PersistentAbsenceThreshold}} or more of the sessions (mornings and afternoons) they could attend, and {{PupilForename}} has missed {{AbsencePercent}} of sessions this school year.',
      '{{IfPAAgain}}I wrote to you earlier this school year because {{PupilForename}} was in the persistent absence category. I am sorry to say that {{PupilForename}} is still persistently absent: {{PupilForename}} has missed {{AbsencePercent}} of sessions this school year, and a pupil who misses {{PersistentAbsenceThreshold}} or more of the sessions they could attend is persistently absent.',
      'Missing this much school has a real effect on learning and friendships. Heads of Year and Assistant Principals review every pupil in the persistent absence category each half term.',
      SUPPORT,
      UNAUTHORISED_REMINDER,
      'I would like to work with you on a plan to improve {{PupilForename}}\'s attendance. Please contact the school so that we can agree it together. I will review {{PupilForename}}\'s attendance again on {{ReviewDate}}.',
    ],
    figures: 'attendance',
    closing: [CONTACT],
  },
};

/** Every letter type that has a template (tier letters are the ladder's letters: SPEC §4.3). */
export const WORDING: Record<TemplateType, Wording> = { ...LADDER_WORDING, ...OTHER_WORDING };

export type TemplateType = Exclude<LetterType, 'tier1' | 'tier2' | 'tier3'>;

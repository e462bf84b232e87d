/**
 * The default wording of each letter, drawn from the school's own policies (seed 004, the staged
 * approach to attendance; seeds 000/001 for homework; seed 002 for tiers, punctuality and lates to
 * lessons). Staff edit the Google Doc made from this; thresholds are fields, not numbers, so a
 * school that changes a setting does not have to rewrite its letters.
 */
import { LetterType } from '../types';

export interface Wording {
  /** The title of the template document and of the letter type in menus and the Letters Log. */
  title: string;
  /** Paragraphs before the figures table. */
  opening: string[];
  /** Which figures table the letter shows. */
  figures: 'attendance' | 'punctuality' | 'lateToLesson' | 'homework';
  /** Paragraphs after the figures table (the next review date goes here). */
  closing: string[];
}

const CONTACT = 'If there is anything affecting {{PupilForename}}\'s attendance that we should know about, please contact the school. We are here to help.';
const REVIEW = 'We will review {{PupilForename}}\'s attendance again on {{ReviewDate}}.';
const LEGAL =
  'Parents and carers have a legal duty to make sure that their child attends school regularly. Under section 444 of the Education Act 1996, a parent whose child of compulsory school age fails to attend school regularly may be guilty of an offence. The local authority can issue a penalty notice for unauthorised absence and can prosecute in the magistrates\' court.';

export const WORDING: Record<LetterType, Wording> = {
  AT1: {
    title: 'AT1 letter — attendance cause for concern',
    opening: [
      'I am writing because {{PupilForename}}\'s attendance has fallen below {{RewardThreshold}}. It is now {{AttendancePercent}}, which is a cause for concern.',
      'Good attendance matters: pupils who are in school every day learn more, keep up with their friends and do better in their exams. Every session missed is learning that has to be caught up.',
      'As Head of Year I will track {{PupilForename}}\'s attendance closely over the next {{MonitorWeeks}} school weeks. In some cases we may ask you to come in to meet us; you are also welcome to ask for a meeting.',
    ],
    figures: 'attendance',
    closing: [CONTACT, REVIEW],
  },
  AT2: {
    title: 'AT2 letter — attendance cause for concern level 2, legal implications',
    opening: [
      'I wrote to you recently about {{PupilForename}}\'s attendance. I am sorry to say that it has not improved: it is now {{AttendancePercent}}, below {{Level1Threshold}}, which is cause for concern level 2.',
      LEGAL,
      'I would like to meet you to discuss our concerns and to find out about anything that is making it difficult for {{PupilForename}} to attend, including any additional educational needs. Please contact the school to arrange the meeting; our Attendance Officer will join us where possible.',
      'At the meeting we will agree and write down a plan of action, with attendance targets for {{PupilForename}}. I will monitor progress against the targets over the following {{MonitorWeeks}} school weeks.',
    ],
    figures: 'attendance',
    closing: [REVIEW],
  },
  panel: {
    title: 'Governors\' attendance panel invitation',
    opening: [
      'Despite our letters and meeting about {{PupilForename}}\'s attendance, it has not improved and is now {{AttendancePercent}}. {{PupilForename}}\'s attendance will now be considered by the school\'s Governors\' Attendance Panel, and you are invited to attend the panel. The school will confirm the date and time with you.',
      'This is the beginning of a legal process. At the panel, attendance targets will be set; the Attendance Officer will monitor them every week for {{MonitorWeeks}} school weeks and will tell you if {{PupilForename}} is not meeting them. All communication and correspondence is recorded, as it may be used as evidence in court.',
      'If attendance does not improve or the targets are not met, and there is no known reason, the Attendance Officer will refer the case to the Local Authority Education Welfare Service for legal consideration, which can lead to a penalty notice or prosecution under section 444 of the Education Act 1996.',
    ],
    figures: 'attendance',
    closing: ['Please contact the school to confirm that you will attend the panel.', REVIEW],
  },
  EWO: {
    title: 'Referral to the Education Welfare Officer',
    opening: [
      '{{PupilForename}}\'s attendance remains a serious concern at {{AttendancePercent}}, and the targets agreed at the Governors\' Attendance Panel have not been met.',
      '{{PupilForename}}\'s case has now been passed to the school\'s Education Welfare Officer (EWO), who will contact you to meet and agree an Attendance Improvement Plan. The plan is there to support {{PupilForename}} and you.',
      'Where attendance does not improve and the targets in the plan are not met, the EWO will consider referring the case to the Local Authority Education Welfare Service for legal consideration.',
    ],
    figures: 'attendance',
    closing: ['Please make sure the school has your current telephone number so that the EWO can reach you.', REVIEW],
  },
  PA: {
    title: 'Persistent absence letter',
    opening: [
      'I am writing to let you know that {{PupilForename}} is now in the persistent absence category. A pupil is persistently absent when they miss {{PersistentAbsenceThreshold}} or more of the sessions (mornings and afternoons) they could attend. {{PupilForename}} has missed {{AbsencePercent}} of sessions this year.',
      'Missing this much school has a real effect on learning and friendships. Heads of Year and Assistant Principals review every pupil in the persistent absence category each half term.',
      'We would like to work with you to plan a course of action to improve {{PupilForename}}\'s attendance. Please contact the school so that we can agree it together.',
    ],
    figures: 'attendance',
    closing: [CONTACT, REVIEW],
  },
  tier1: {
    title: 'Tier 1 attendance letter',
    opening: [
      'Our attendance review for Year {{Year}} places {{PupilForename}} in {{TierName}}: attendance is {{AttendancePercent}}, below our expectation of more than {{RewardThreshold}}.',
      'Please talk to {{PupilForename}} about the importance of being in school every day. {{PupilForename}}\'s form tutor and Head of Year will be keeping an eye on attendance.',
    ],
    figures: 'attendance',
    closing: [CONTACT, REVIEW],
  },
  tier2: {
    title: 'Tier 2 attendance letter',
    opening: [
      'Our attendance review for Year {{Year}} places {{PupilForename}} in {{TierName}}: attendance is {{AttendancePercent}}, below {{Level1Threshold}}.',
      'This level of absence is a serious concern. The Head of Year will monitor {{PupilForename}}\'s attendance and may ask you to come in to agree attendance targets.',
    ],
    figures: 'attendance',
    closing: [CONTACT, REVIEW],
  },
  tier3: {
    title: 'Tier 3 attendance letter (persistent absence)',
    opening: [
      'Our attendance review for Year {{Year}} places {{PupilForename}} in {{TierName}}: {{PupilForename}} has missed {{AbsencePercent}} of sessions, and a pupil who misses {{PersistentAbsenceThreshold}} or more is persistently absent.',
      'We would like to work with you on a plan to improve {{PupilForename}}\'s attendance. Please contact the school to arrange a meeting.',
    ],
    figures: 'attendance',
    closing: [CONTACT, REVIEW],
  },
  punctuality: {
    title: 'Punctuality letter',
    opening: [
      '{{PupilForename}} has been late to school {{Lates}} times this half term, on {{LateDates}}. We write to parents when a pupil is late {{PunctualityLates}} or more times in a half term.',
      'Arriving late means missing registration, important information from the form tutor and the start of learning, and it disrupts the learning of others. Please help {{PupilForename}} to arrive on time every day.',
    ],
    figures: 'punctuality',
    closing: ['If something is making it hard for {{PupilForename}} to arrive on time, please contact the school so that we can help.', 'We will review {{PupilForename}}\'s punctuality again on {{ReviewDate}}.'],
  },
  lateToLesson: {
    title: 'Late to lessons letter',
    opening: [
      '{{PupilForename}} has arrived late to lessons {{LatesToLesson}} times this half term, on {{LateToLessonDates}}. We write to parents when a pupil is late to lessons {{LateToLessonCount}} or more times in a half term.',
      'Arriving late to a lesson means missing the start of the learning and disturbs the rest of the class. Please talk to {{PupilForename}} about moving promptly between lessons.',
    ],
    figures: 'lateToLesson',
    closing: ['If there is a reason {{PupilForename}} finds it hard to get to lessons on time, please contact the school.', 'We will review this again on {{ReviewDate}}.'],
  },
  homework: {
    title: 'Homework concern letter',
    opening: [
      'I am writing because {{PupilForename}} has missed {{HomeworkMisses}} pieces of homework this half term, in {{Subjects}}. Homework helps pupils to practise and remember what they learn in lessons, and to prepare for the next one.',
      'Each missed piece of homework leads to a subject detention with the class teacher, and a missed subject detention leads to an after-school detention with the curriculum leader. When homework is missed in several weeks, the form tutor checks {{PupilForename}}\'s planner daily.',
      'I would like to meet you and {{PupilForename}} to talk about homework, and {{PupilForename}} will be referred to homework support, where there is help, a quiet place to work and the equipment needed. Please check {{PupilForename}}\'s planner with them each evening.',
    ],
    figures: 'homework',
    closing: ['Please contact the school to arrange the meeting.', 'We will review {{PupilForename}}\'s homework again on {{ReviewDate}}.'],
  },
  reward: {
    title: 'Attendance reward letter',
    opening: [
      'I am delighted to let you know that {{PupilForename}}\'s attendance is {{AttendancePercent}}, above our target of {{RewardThreshold}}.',
      'Being in school every day makes a real difference to learning, and {{PupilForename}}\'s attendance will be celebrated in school by the Head of Year and form tutor. Thank you for your support in making this happen.',
    ],
    figures: 'attendance',
    closing: ['Please pass on our congratulations to {{PupilForename}}.'],
  },
};

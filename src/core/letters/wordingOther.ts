/**
 * The default wording of the letters outside the attendance ladder: punctuality and lates to
 * lessons (seed 002), homework concern (seeds 000/001) and the attendance reward. Each speaks as
 * the pupil's Head of Year, who signs it. Homework words are the family's, not the tracker's:
 * weeks with dates and pieces missed, never "pink" or "red".
 */
import type { Wording } from './wording';

type OtherType = 'punctuality' | 'lateToLesson' | 'homework' | 'reward';

export const OTHER_WORDING: Record<OtherType, Wording> = {
  punctuality: {
    title: 'Punctuality letter',
    voice: 'headOfYear',
    opening: [
      '{{PupilForename}} has been late to school {{Lates}} times this half term, on {{LateDates}}. We write to parents when a pupil is late {{PunctualityLates}} or more times in a half term.',
      '{{IfRepeat}}I wrote to you about {{PupilForename}}\'s punctuality earlier this school year, and I am sorry to say that {{PupilForename}} is still arriving late too often.',
      'Arriving late means missing registration, important information from the form tutor and the start of learning, and it disrupts the learning of others. Please help {{PupilForename}} to arrive on time every day.',
    ],
    figures: 'punctuality',
    closing: [
      'If something is making it hard for {{PupilForename}} to arrive on time, please contact the school so that we can help.',
      'I will review {{PupilForename}}\'s punctuality again on {{ReviewDate}}.',
    ],
  },
  lateToLesson: {
    title: 'Late to lessons letter',
    voice: 'headOfYear',
    opening: [
      '{{PupilForename}} has arrived late to lessons {{LatesToLesson}} times this half term, on {{LateToLessonDates}}. We write to parents when a pupil is late to lessons {{LateToLessonCount}} or more times in a half term.',
      '{{IfRepeat}}This is not the first time this school year that I have written to you about lateness to lessons.',
      'Arriving late to a lesson means missing the start of the learning and disturbs the rest of the class. Please talk to {{PupilForename}} about moving promptly between lessons.',
    ],
    figures: 'lateToLesson',
    closing: [
      'If there is a reason {{PupilForename}} finds it hard to get to lessons on time, please contact the school.',
      'I will review this again on {{ReviewDate}}.',
    ],
  },
  homework: {
    title: 'Homework concern letter',
    voice: 'headOfYear',
    opening: [
      'I am writing because {{PupilForename}} has missed more than one piece of homework in each of these recent school weeks:',
      '{{HomeworkWeeks}}',
      '{{IfRepeat}}This is the second time this school year that I have had to write to you about homework.',
      'Homework helps pupils to practise and remember what they learn in lessons, and to prepare for the next one. Each missed piece leads to a subject detention with the class teacher, and a missed subject detention leads to an after-school detention with the curriculum leader. When more than one piece is missed in a week, the form tutor checks {{PupilForename}}\'s planner every day the following week.',
      'I would like to meet you and {{PupilForename}} to talk about homework, and {{PupilForename}} will be referred to homework support, where there is help, a quiet place to work and the equipment needed. Please check {{PupilForename}}\'s planner with them each evening.',
    ],
    figures: 'homework',
    closing: [
      'Please contact the school to arrange the meeting.',
      'I will review {{PupilForename}}\'s homework again on {{ReviewDate}}.',
    ],
  },
  reward: {
    title: 'Attendance reward letter',
    voice: 'headOfYear',
    opening: [
      'I am delighted to let you know that {{PupilForename}}\'s attendance is {{AttendancePercent}}, above our target of {{RewardThreshold}}.',
      '{{IfRepeat}}{{PupilForename}} has kept this up since I last wrote to you, which is a real achievement.',
      'Being in school every day makes a real difference to learning, and {{PupilForename}}\'s attendance will be celebrated in school by the Head of Year and form tutor. Thank you for your support in making this happen.',
    ],
    figures: 'attendance',
    closing: ['Please pass on our congratulations to {{PupilForename}}.'],
  },
};

/**
 * The default template for every letter type: the same frame (school letterhead, date, family's
 * address, salutation, "Re:" line, a small table of the pupil's real figures, sign-off) around the
 * wording in wording.ts. "Set up tracker" makes a Google Doc from each; staff then edit the Doc.
 *
 * The letterhead sits in the header and only school fields go there, because a run is one merged
 * document whose header and footer are shared by every letter (see placeholders.ts).
 */
import { LetterType } from '../types';
import { Block, TemplateDoc } from './templateDoc';
import { WORDING, Wording } from './wording';

export const LETTER_TYPES: LetterType[] = ['AT1', 'AT2', 'panel', 'EWO', 'PA', 'tier1', 'tier2', 'tier3', 'punctuality', 'lateToLesson', 'homework', 'reward'];

/** The name of each letter type, for menus, template documents and the run preview. */
export function letterTitle(type: LetterType): string {
  return WORDING[type].title;
}

const ATTENDANCE_ROWS: string[][] = [
  ['Attendance', '{{AttendancePercent}}'],
  ['Sessions possible', '{{SessionsPossible}}'],
  ['Sessions missed', '{{SessionsMissed}}'],
  ['Authorised absence (sessions)', '{{Authorised}}'],
  ['Unauthorised absence (sessions)', '{{Unauthorised}}'],
];

function figuresTable(kind: Wording['figures']): string[][] {
  switch (kind) {
    case 'attendance':
      return ATTENDANCE_ROWS;
    case 'punctuality':
      return ATTENDANCE_ROWS.concat([['Late to school this half term', '{{Lates}}']]);
    case 'lateToLesson':
      return [['Late to lessons this half term', '{{LatesToLesson}}'], ['Dates', '{{LateToLessonDates}}'], ['Attendance', '{{AttendancePercent}}']];
    case 'homework':
      return [
        ['Homework missed this half term', '{{HomeworkMisses}}'],
        ['Subjects', '{{Subjects}}'],
        ['Weeks on pink (form tutor monitoring)', '{{WeeksPink}}'],
        ['Weeks on red (form tutor detention)', '{{WeeksRed}}'],
      ];
  }
  return [];
}

function figuresIntro(kind: Wording['figures']): string {
  if (kind === 'homework') return 'Homework for {{PupilForename}} this half term:';
  return '{{PupilForename}}\'s figures for {{AcademicYear}} up to {{Date}} (a session is a morning or an afternoon):';
}

const para = (text: string, align?: Block['align']): Block => (align ? { kind: 'paragraph', text, align } : { kind: 'paragraph', text });
const spacer: Block = { kind: 'spacer' };

export function defaultTemplate(type: LetterType): TemplateDoc {
  const w = WORDING[type];
  const header: Block[] = [
    { kind: 'heading', text: '{{SchoolName}}', align: 'center' },
    para('{{SchoolAddress}}', 'center'),
    para('{{SchoolPhone}}', 'center'),
  ];
  const body: Block[] = [
    para('{{Date}}', 'right'),
    spacer,
    para('{{ParentName}}'),
    para('{{Address}}'),
    spacer,
    para('Dear {{ParentName}}'),
    { kind: 'paragraph', runs: [{ text: 'Re: {{PupilName}} ({{RegGroup}})', bold: true }] },
    ...w.opening.map((t) => para(t)),
    para(figuresIntro(w.figures)),
    { kind: 'table', rows: figuresTable(w.figures).map((r) => r.slice()) },
    ...w.closing.map((t) => para(t)),
    spacer,
    para('Yours sincerely'),
    spacer,
    spacer,
    para('{{Signatory}}'),
    para('{{SignatoryRole}}'),
  ];
  const footer: Block[] = [para('{{SchoolName}}', 'center')];
  return { header, body, footer };
}

/** Every default template, by letter type. */
export function defaultTemplates(): Record<LetterType, TemplateDoc> {
  const out = {} as Record<LetterType, TemplateDoc>;
  for (const t of LETTER_TYPES) out[t] = defaultTemplate(t);
  return out;
}

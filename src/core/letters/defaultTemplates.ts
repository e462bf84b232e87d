/**
 * The default template for every letter type: the same frame (school letterhead, date, the
 * addressee and their address as on an envelope, "Dear Mr Jones", "Re:" line, a small table of
 * the pupil's real figures, the signature of the person whose voice the letter is in) around the
 * wording in wording.ts. "Set up tracker" makes a Google Doc from each; staff then edit the Doc.
 *
 * The letterhead sits in the header and only school fields go there, because a run is one merged
 * document whose header and footer are shared by every letter (see placeholders.ts).
 */
import { LetterType } from '../types';
import { Block, TemplateDoc } from './templateDoc';
import { Part, TemplateType, WORDING, Wording } from './wording';

/**
 * The letter types with a template. Tier letters are not among them: a tier run makes the
 * ladder's own letters for a year group (SPEC §4.3); "tier1"–"tier3" stay as types only for
 * letters already in a school's Letters Log.
 */
export const LETTER_TYPES: TemplateType[] = ['AT1', 'AT2', 'panel', 'EWO', 'PA', 'punctuality', 'lateToLesson', 'homework', 'reward'];

const OLD_TIER_TITLES: Record<string, string> = { tier1: 'Tier 1 attendance letter', tier2: 'Tier 2 attendance letter', tier3: 'Tier 3 attendance letter' };

/** The name of each letter type, for menus, template documents and the run preview. */
export function letterTitle(type: LetterType): string {
  return OLD_TIER_TITLES[type] || WORDING[type as TemplateType].title;
}

/** The short name a Head of Year uses: "AT1", "PA", "panel", "homework concern". */
export function shortName(type: LetterType): string {
  const names: Partial<Record<LetterType, string>> = { panel: 'panel', EWO: 'EWO', punctuality: 'punctuality', lateToLesson: 'late to lessons', homework: 'homework concern', reward: 'reward' };
  return names[type] || type;
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

const part = (p: Part): Block[] => (typeof p === 'string' ? [para(p)] : [{ kind: 'table', rows: p.table.map((r) => r.slice()) }]);

/** A tier type (old Letters Log rows) is the ladder letter it stands for: tier 1 AT1, 2 AT2, 3 PA. */
export function templateTypeOf(type: LetterType): TemplateType {
  if (type === 'tier1') return 'AT1';
  if (type === 'tier2') return 'AT2';
  if (type === 'tier3') return 'PA';
  return type;
}

export function defaultTemplate(type: LetterType): TemplateDoc {
  const w = WORDING[templateTypeOf(type)];
  const header: Block[] = [
    { kind: 'heading', text: '{{SchoolName}}', align: 'center' },
    para('{{SchoolAddress}}', 'center'),
    para('{{SchoolPhone}}', 'center'),
  ];
  const body: Block[] = [
    para('{{Date}}', 'right'),
    spacer,
    para('{{Addressee}}'),
    para('{{Address}}'),
    spacer,
    para('{{Salutation}}'),
    { kind: 'paragraph', runs: [{ text: 'Re: {{PupilName}} ({{RegGroup}})', bold: true }] },
    ...([] as Block[]).concat(...w.opening.map(part)),
    para(figuresIntro(w.figures)),
    { kind: 'table', rows: figuresTable(w.figures).map((r) => r.slice()) },
    ...([] as Block[]).concat(...w.closing.map(part)),
    spacer,
    para('Yours sincerely'),
    spacer,
    spacer,
    para('{{Signatory}}'),
    para('{{SignatoryRole}}'),
  ];
  // The paragraph after a table stands a little apart from it (space above it, not a blank
  // paragraph: one element fewer to copy into every letter).
  body.forEach((b, i) => {
    if (i > 0 && body[i - 1].kind === 'table' && b.kind === 'paragraph') body[i] = { ...b, spaceBefore: 12 };
  });
  const footer: Block[] = [para('{{SchoolName}}', 'center')];
  return { header, body, footer };
}

/** Every default template, by letter type. */
export function defaultTemplates(): Record<TemplateType, TemplateDoc> {
  const out = {} as Record<TemplateType, TemplateDoc>;
  for (const t of LETTER_TYPES) out[t] = defaultTemplate(t);
  return out;
}

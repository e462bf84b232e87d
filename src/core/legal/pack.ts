/**
 * The evidence pack for the local authority (SPEC §4.4, issue 19) as plain data: one document per
 * pupil, in the order an LA officer reads a case — who the child is, what the school found (the
 * threshold, ten days in a row), the legal steps so far, the letters sent, the meetings and
 * support offered (Interventions), then the registration certificates for this academic year and
 * last with the codes explained. gas/docs/evidencePack.ts writes it as a Google Doc.
 *
 * It names no other pupil: every table holds only this pupil's rows, and staff's free text goes
 * through the redactor (redact.ts). Dates are written dd/mm/yyyy.
 */
import { IsoDate, toUk } from '../dates';
import { Settings } from '../settings';
import { Intervention, LetterLogEntry, LetterType, Pupil } from '../types';
import { AttendanceFigures } from '../attendance/summary';
import { AbsentRun } from '../attendance/penalty';
import { letterTitle } from '../letters/defaultTemplates';
import { EPISODE_END } from '../attendance/ladder';
import { Certificate, CellShade, HEADER_COLOUR, NOT_OPEN, NO_MARK, WINDOW_WEEK_COLOUR } from './certificate';
import { codeCountsAs, codeMeaning } from './codeMeanings';
import { LegalDue, ThresholdFacts } from './dueNext';
import { LegalRecord, sortSteps } from './steps';
import { Redactor } from './redact';
import { listName, proseName } from '../pupils/names';

export interface CellLink {
  row: number;
  col: number;
  url: string;
}

export type PackBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; note?: boolean }
  | { kind: 'table'; rows: string[][]; shade: CellShade[]; links: CellLink[]; widths?: Array<number | null> }
  | { kind: 'pageBreak' };

export interface PackDocument {
  /** The Drive name: "Evidence pack – Surname, Forename (UPN) – dd/mm/yyyy". */
  name: string;
  blocks: PackBlock[];
}

/** A threshold episode: when it was first met, its window, and the step that answered it (if any). */
export interface ThresholdEpisode extends ThresholdFacts {
  answeredBy: LegalRecord | null;
}

export interface PackInput {
  schoolName: string;
  pupil: Pupil;
  /** Date of Birth when the Students tab has it. */
  dateOfBirth: IsoDate | '';
  /** "Yes (from the date of birth)", "Yes (Year 9)", "No (Year 12)". */
  compulsoryText: string;
  parents: string[];
  asOf: IsoDate;
  preparedBy: string;
  /** This academic year's figures (the review's). */
  figures: AttendanceFigures;
  yearLabel: string;
  episodes: ThresholdEpisode[];
  tenDays: (AbsentRun & { back: IsoDate | ''; notified: IsoDate | '' }) | null;
  due: LegalDue;
  steps: LegalRecord[];
  letters: LetterLogEntry[];
  interventions: Intervention[];
  /** This year first, then last year. */
  certificates: Certificate[];
  redact: Redactor;
  settings: Settings;
}

/**
 * A table with a shaded header row. `widths`: points per column, null for "share what is left" —
 * dates and short words narrow, free text wide (a portrait A4 page with ¾-inch margins is 487 pt).
 */
const table = (rows: string[][], widths: Array<number | null>, links: CellLink[] = []): PackBlock => ({
  kind: 'table',
  rows,
  shade: rows.length ? rows[0].map((_, c) => ({ row: 0, col: c, colour: HEADER_COLOUR })) : [],
  links,
  widths,
});

/** Interventions whose area is homework (detentions, planner checks) are sanctions, not attendance support. */
const HOMEWORK_AREA = /^\s*homework\s*$/i;

const uk = (d: IsoDate | '') => (d ? toUk(d) : '');

function letterName(type: string): string {
  try {
    return letterTitle(type as LetterType) || type;
  } catch (e) {
    return type;
  }
}

export function packName(p: Pick<Pupil, 'surname' | 'forename' | 'upn'>, asOf: IsoDate): string {
  return `Evidence pack – ${listName(p)} (${p.upn}) – ${toUk(asOf)}`;
}

export function buildPack(input: PackInput): PackDocument {
  const { pupil: p, settings, redact } = input;
  const blocks: PackBlock[] = [];
  const para = (text: string, extra: { bold?: boolean; note?: boolean } = {}) => blocks.push({ kind: 'paragraph', text, ...extra });
  const a = settings.attendance;

  blocks.push({ kind: 'title', text: 'Attendance evidence for the local authority' });
  para(`${input.schoolName} · prepared on ${toUk(input.asOf)}${input.preparedBy ? ` by ${input.preparedBy}` : ''}`, { note: true });

  blocks.push({ kind: 'heading', text: 'Pupil' });
  const facts: string[][] = [['', ''],
    ['Name', proseName(p)],
    ['UPN', p.upn],
    ...(input.dateOfBirth ? [['Date of birth', toUk(input.dateOfBirth)]] : []),
    ['Year and reg group', `Year ${p.year}, ${p.regGroup}`],
    ['Address', p.address.replace(/\s*\n\s*/g, ', ')],
    ['Parents / carers', input.parents.join('; ') || 'Not recorded'],
    ['Of compulsory school age', input.compulsoryText],
  ];
  blocks.push({ kind: 'table', rows: facts.slice(1), shade: facts.slice(1).map((_, r) => ({ row: r, col: 0, colour: HEADER_COLOUR })), links: [], widths: [140, null] });

  blocks.push({ kind: 'heading', text: 'Summary' });
  const f = input.figures;
  para(f.possible
    ? `This academic year (${input.yearLabel}, to ${toUk(input.asOf)}): attendance ${f.percent === null ? '–' : f.percent.toFixed(1)}% — present ${f.attended} of ${f.possible} possible sessions; authorised absence ${f.authorised} sessions; unauthorised absence ${f.unauthorised} sessions.`
    : `This academic year (${input.yearLabel}): no possible sessions recorded yet.`);
  if (input.episodes.length) {
    for (const e of input.episodes) {
      const answered = e.answeredBy ? ` Answered by: ${e.answeredBy.step} on ${toUk(e.answeredBy.date)}.` : ' Not yet answered by a legal step.';
      para(`The penalty notice threshold (${a.penaltySessions} or more sessions of unauthorised absence — codes ${a.penaltyCodes.join(', ')} — within ${a.penaltyWindowWeeks} school weeks) was first met on ${toUk(e.firstMet)}: ${e.sessions} sessions in the school weeks ${toUk(e.from)} to ${toUk(e.to)}, shaded in the registration certificate below.${answered}`);
    }
  } else {
    para(`The penalty notice threshold (${a.penaltySessions} sessions of unauthorised absence within ${a.penaltyWindowWeeks} school weeks) has not been met in the register held.`);
  }
  const run = input.tenDays;
  if (run) {
    para(`Absent without permission for ${run.days} school days in a row, ${toUk(run.from)} to ${toUk(run.to)}${run.back ? `; back in school on ${toUk(run.back)}` : '; not back in school yet'}.${run.notified ? ` The local authority was notified on ${toUk(run.notified)}.` : ''}`);
  }
  if (input.due.improvement) {
    const i = input.due.improvement;
    para(`Notice to Improve of ${toUk(i.noticeDate)}: improvement period ${i.ended ? 'ended' : 'ends'} ${toUk(i.periodEnd)}; ${i.sessionsSince} unauthorised ${i.sessionsSince === 1 ? 'session' : 'sessions'} since the notice${i.ended ? ' within the period' : ' so far'}.`);
  }
  if (input.due.text) para(`Due next: ${input.due.text}.`, { bold: true });

  blocks.push({ kind: 'heading', text: 'Legal steps so far' });
  const steps = sortSteps(input.steps);
  if (steps.length) {
    blocks.push(table([['Date', 'Step', 'Parent', 'Amount', 'Period end', 'Outcome', 'By'],
      ...steps.map((s) => [uk(s.date), s.step, s.parent, s.amount, uk(s.periodEnd), redact(s.outcome), s.by])], [62, 80, 80, 90, 62, null, 60]));
  } else para('No legal step has been recorded.');

  blocks.push({ kind: 'heading', text: 'Letters sent' });
  const letters = input.letters
    .filter((l) => l.type !== EPISODE_END && l.date && !/^cancel/i.test(l.status))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  if (letters.length) {
    const rows = [['Date', 'Letter', 'Status', 'Document']];
    const links: CellLink[] = [];
    for (const l of letters) {
      const url = /^https:\/\/docs\.google\.com\//.test(l.link) ? l.link : '';
      if (url) links.push({ row: rows.length, col: 3, url });
      rows.push([toUk(l.date), letterName(l.type), l.status || 'Produced', url ? 'Open the letter' : '']);
    }
    blocks.push(table(rows, [70, null, 70, 95], links));
    para('Links open the school\'s copy of the letter run (school staff only).', { note: true });
  } else para('No letter has been recorded in the Letters Log.');

  blocks.push({ kind: 'heading', text: 'Meetings and support offered' });
  const dated = input.interventions.filter((i) => i.date).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const support = dated.filter((i) => !HOMEWORK_AREA.test(i.area));
  if (support.length) {
    blocks.push(table([['Date', 'Area', 'Action', 'Owner', 'Status', 'Outcome'],
      ...support.map((i) => [toUk(i.date), i.area, redact(i.action), i.owner, i.status, redact(i.outcome)])], [62, 70, null, 85, 50, null]));
  } else para('No attendance meeting or support has been recorded on the Interventions tab.');
  if (dated.length > support.length) para(`${dated.length - support.length} homework ${dated.length - support.length === 1 ? 'intervention (a detention or planner check) is' : 'interventions (detentions, planner checks) are'} not listed: they are not attendance support.`, { note: true });

  const codes: string[] = [];
  // The certificates start on a new page: the part an officer files as the register extract.
  blocks.push({ kind: 'pageBreak' });
  for (const c of input.certificates) {
    blocks.push({ kind: 'heading', text: `Registration certificate ${c.year.label}` });
    if (!c.rows.length) {
      para(`No register marks for ${c.year.label} are held in the tracker.`);
      continue;
    }
    para(`Every session from ${toUk(c.rows[1][0])} to ${toUk(c.year.to)}: morning then afternoon mark for each day. ${NOT_OPEN} the school was not open; ${NO_MARK} no mark recorded.` +
      (c.shade.some((s) => s.colour === WINDOW_WEEK_COLOUR) ? ' Shaded: the school weeks of the penalty threshold window; darker: the days with the unauthorised sessions that count.' : ''), { note: true });
    blocks.push({ kind: 'table', rows: c.rows, shade: c.shade, links: [], widths: [72, null, null, null, null, null, 72] });
    const g = c.figures;
    para(`${c.year.label}: present ${g.attended} of ${g.possible} possible sessions (${g.percent === null ? '–' : g.percent.toFixed(1)}%); authorised absence ${g.authorised}; unauthorised absence ${g.unauthorised}.${c.gaps ? ` ${c.gaps} open ${c.gaps === 1 ? 'session has' : 'sessions have'} no mark.` : ''}`);
    for (const code of c.codes) if (codes.indexOf(code) < 0) codes.push(code);
  }
  if (codes.length) {
    blocks.push({ kind: 'heading', text: 'Codes used in these certificates' });
    blocks.push(table([['Code', 'Meaning', 'Counts as'], ...codes.map((c) => [c, codeMeaning(c), codeCountsAs(c)])], [40, null, 150]));
  }
  para(`Made by Pastoral Tracker from the school's register and records on ${toUk(input.asOf)}. The register itself is the legal record. This pack is about one pupil and names no other.`, { note: true });
  return { name: packName(p, input.asOf), blocks };
}

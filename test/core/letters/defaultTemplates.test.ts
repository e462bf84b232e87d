import { defaultTemplate, defaultTemplates, LETTER_TYPES, letterTitle } from '../../../src/core/letters/defaultTemplates';
import { LetterContext, letterFields } from '../../../src/core/letters/fields';
import { fillTemplate } from './fillTemplate';
import { checkTemplate, findPlaceholders } from '../../../src/core/letters/placeholders';
import { Conditions, noConditions } from '../../../src/core/letters/conditions';
import { blockText, TemplateDoc, templateSections } from '../../../src/core/letters/templateDoc';
import { TemplateType, WORDING } from '../../../src/core/letters/wording';
import { withDefaults } from '../../../src/core/settings';
import { LetterType } from '../../../src/core/types';
import { context } from './fixtures';

const ALL_TYPES: LetterType[] = ['AT1', 'AT2', 'panel', 'EWO', 'PA', 'punctuality', 'lateToLesson', 'homework', 'reward'];
const FIRST_SUPPORT: Partial<Conditions> = { IfFirst: true, IfSupport: true };

/** The whole letter as one string, after filling with these conditions, for reading the wording. */
function filledText(type: LetterType, over: Partial<LetterContext> = {}, conditions: Partial<Conditions> = FIRST_SUPPORT): string {
  const doc: TemplateDoc = fillTemplate(defaultTemplate(type), letterFields(context({ type, ...over })), { ...noConditions(), ...conditions });
  return templateSections(doc).map((s) => s.text).join('\n');
}

function rawText(type: LetterType): string {
  return templateSections(defaultTemplate(type)).map((s) => s.text).join('\n');
}

describe('default templates', () => {
  it('has one for every letter type; tier letters are the ladder letters (no templates of their own)', () => {
    expect([...LETTER_TYPES].sort()).toEqual([...ALL_TYPES].sort());
    expect(Object.keys(defaultTemplates()).sort()).toEqual([...ALL_TYPES].sort());
    for (const t of ALL_TYPES) expect(letterTitle(t)).toBeTruthy();
    expect(blockText(defaultTemplate('tier3').body[8])).toBe(blockText(defaultTemplate('PA').body[8]));
  });

  it.each(ALL_TYPES)('%s passes checkTemplate', (type) => {
    expect(checkTemplate({ sections: templateSections(defaultTemplate(type)) }, type)).toEqual([]);
  });

  it.each(ALL_TYPES)('%s has the letter frame: letterhead, date, addressee, salutation, Re: line, figures, signature', (type) => {
    const doc = defaultTemplate(type);
    const header = doc.header.map(blockText).join('\n');
    expect(header).toContain('{{SchoolName}}');
    expect(header).toContain('{{SchoolAddress}}');
    const body = doc.body.map(blockText);
    expect(body).toEqual(expect.arrayContaining(['{{Date}}', '{{Addressee}}', '{{Address}}', '{{Salutation}}', 'Re: {{PupilName}} ({{RegGroup}})', '{{Signatory}}', '{{SignatoryRole}}']));
    expect(body).not.toContain('Dear {{ParentName}}');
    const reLine = doc.body.find((b) => blockText(b).startsWith('Re:'))!;
    expect(reLine.runs![0].bold).toBe(true);
    const table = doc.body.find((b) => b.kind === 'table');
    expect(table && table.rows!.length).toBeGreaterThan(0);
  });

  it('keeps the paragraph after a table apart from it with space above, not a blank paragraph', () => {
    for (const t of ALL_TYPES) {
      const body = defaultTemplate(t).body;
      body.forEach((b, i) => { if (i > 0 && body[i - 1].kind === 'table') expect(b.spaceBefore).toBe(12); });
    }
  });

  it('addresses the family as people write letters', () => {
    const text = filledText('AT1');
    expect(text).toContain('Mrs S Jones\n12 Acacia Avenue');
    expect(text).toContain('Dear Mrs Jones\nRe: Amy Jones (9B)');
    expect(text).not.toContain('Dear Mrs S Jones');
  });

  it('attendance letters show the figures and ONE review date, the same wherever it appears', () => {
    for (const t of ['AT1', 'AT2', 'panel', 'PA'] as LetterType[]) {
      const names = findPlaceholders(rawText(t)).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['AttendancePercent', 'SessionsPossible', 'SessionsMissed', 'Authorised', 'Unauthorised', 'ReviewDate']));
      // Every variant of the letter together still names one date: the fixture's 23 February.
      const all = filledText(t, {}, { IfFirst: true, IfRepeat: true, IfLegal: true, IfSupport: true, IfPA: true, IfPAAgain: true });
      expect(all.match(/\b\w+day \d+ \w+ 2024\b/g)!.filter((d) => d !== 'Friday 26 January 2024')).toEqual(expect.arrayContaining(['Friday 23 February 2024']));
      expect(new Set(all.match(/\b\w+day \d+ \w+ 2024\b/g)!.filter((d) => d !== 'Friday 26 January 2024')).size).toBe(1);
    }
    expect(filledText('AT1')).toContain('94.4%');
  });

  it('AT1: below the reward threshold, tracked by the Head of Year over 4 weeks, a meeting offered', () => {
    const text = filledText('AT1');
    expect(text).toMatch(/fallen below our expectation of more than 97%/);
    expect(text).toMatch(/cause for concern/);
    expect(text).toMatch(/As Head of Year I will track/);
    expect(text).toMatch(/next 4 school weeks, until Friday 23 February 2024/);
    expect(text).not.toMatch(/section 444|penalty notice|court/);
  });

  it('AT2: legal paragraph only with the legal condition; support wording asks for medical evidence instead', () => {
    const legal = filledText('AT2', {}, { IfFirst: true, IfLegal: true });
    expect(legal).toContain('section 444 of the Education Act 1996');
    expect(legal).toMatch(/penalty notice/);
    expect(legal).toMatch(/magistrates' court/);
    expect(legal).toMatch(/4 sessions of unauthorised absence/);
    expect(legal).not.toMatch(/medical evidence/);
    const support = filledText('AT2', {}, { IfFirst: true, IfSupport: true });
    expect(support).not.toMatch(/section 444|penalty notice|court|legal duty/);
    expect(support).toMatch(/medical evidence/);
    for (const text of [legal, support]) {
      expect(text).toMatch(/plan of action/);
      expect(text).toMatch(/attendance targets/);
      expect(text).toMatch(/below 94%/);
    }
  });

  it('the panel letter invites, with the date, time and place (or lines to write them on)', () => {
    const text = filledText('panel', { panel: { date: 'Tuesday 6 February 2024', time: '4.00pm', place: 'Conference Room' } }, { IfLegal: true });
    expect(text).toMatch(/invite you to the panel/);
    expect(text).toContain('Date\nTuesday 6 February 2024\nTime\n4.00pm\nPlace\nConference Room');
    expect(text).toMatch(/beginning of a legal process/);
    expect(text).toMatch(/every week for 5 school weeks/);
    const blank = filledText('panel', {}, { IfSupport: true });
    expect(blank).toContain('Date\n____________________');
    expect(blank).not.toMatch(/legal process|section 444/);
    expect(blank).toMatch(/medical evidence/);
  });

  it('PA: "now" the first time this year, "still" the second', () => {
    const first = filledText('PA', {}, { IfPA: true, IfSupport: true });
    expect(first).toMatch(/is now in the persistent absence category/);
    expect(first).toMatch(/10% or more of the sessions/);
    const again = filledText('PA', {}, { IfPAAgain: true, IfSupport: true });
    expect(again).toMatch(/is still persistently absent/);
    expect(again).not.toMatch(/is now in the persistent absence category/);
  });

  it('a ladder letter carries the PA paragraph when PA is due too', () => {
    expect(filledText('AT2', {}, { IfFirst: true, IfSupport: true, IfPA: true })).toMatch(/also let you know that Amy is now in the persistent absence category/);
    expect(filledText('AT2', {}, { IfFirst: true, IfSupport: true })).not.toMatch(/persistent absence/);
  });

  it('voice and signature agree: Head of Year letters say so; panel and EWO are the attendance officer\'s', () => {
    for (const t of ['AT1', 'AT2', 'PA'] as TemplateType[]) expect(WORDING[t].voice).toBe('headOfYear');
    for (const t of ['panel', 'EWO'] as TemplateType[]) expect(WORDING[t].voice).toBe('attendanceLead');
    expect(filledText('AT1', { signedBy: { name: 'Mr T Okafor', role: 'Head of Year 9' } })).toMatch(/Yours sincerely\nMr T Okafor\nHead of Year 9/);
  });

  it("follows the school's own thresholds when they change", () => {
    const rules = withDefaults({ attendance: { persistentAbsenceFrom: 12, rewardAbove: 96 } }).attendance;
    expect(filledText('PA', { rules }, { IfPA: true })).toMatch(/12% or more of the sessions/);
    expect(filledText('AT1', { rules })).toMatch(/more than 96%/);
  });

  it('the homework letter shows the weeks that caused it, with dates, in plain words (no "pink")', () => {
    const hw = filledText('homework', {
      homework: { missesThisHalfTerm: 7, weeksPink: 2, weeksRed: 1, subjects: ['French', 'Maths'] },
      homeworkWeeks: [
        { weekStart: '2024-01-08', misses: 2, subjects: ['Maths'] },
        { weekStart: '2024-01-15', misses: 3, subjects: ['French', 'Maths'] },
      ],
    });
    expect(hw).toContain('Week beginning Monday 8 January 2024: 2 pieces of homework missed (Maths)\nWeek beginning Monday 15 January 2024: 3 pieces of homework missed (French and Maths)');
    expect(hw).toContain('Homework missed this half term\n7\nSubjects\nFrench and Maths');
    expect(hw).not.toMatch(/\bpink\b|\bred\b/i);
  });

  it('the other letters say what they are about', () => {
    expect(filledText('punctuality', { lates: { count: 6, dates: ['2024-01-08'] } })).toMatch(/late to school 6 times this half term, on 08\/01\/2024/);
    expect(filledText('punctuality', { lates: { count: 6, dates: ['2024-01-08'] } }, { IfRepeat: true })).toMatch(/still arriving late/);
    expect(filledText('lateToLesson', { latesToLesson: { count: 5, dates: ['2024-01-08'] } })).toMatch(/late to lessons 5 times/);
    expect(filledText('reward', { attendance: { possible: 100, attended: 99, authorised: 1, unauthorised: 0 } })).toMatch(/99\.0%, above our target of 97%/);
  });

  it('leaves no placeholder unfilled in a letter with full figures', () => {
    const text = filledText('punctuality', { lates: { count: 5, dates: ['2024-01-08'] } });
    expect(findPlaceholders(text)).toEqual([]);
  });
});

import { defaultTemplate, defaultTemplates, LETTER_TYPES, letterTitle } from '../../../src/core/letters/defaultTemplates';
import { letterFields } from '../../../src/core/letters/fields';
import { fillTemplate } from '../../../src/core/letters/merge';
import { checkTemplate, findPlaceholders } from '../../../src/core/letters/placeholders';
import { blockText, TemplateDoc, templateSections } from '../../../src/core/letters/templateDoc';
import { withDefaults } from '../../../src/core/settings';
import { LetterType } from '../../../src/core/types';
import { context } from './fixtures';

const ALL_TYPES: LetterType[] = ['AT1', 'AT2', 'panel', 'EWO', 'PA', 'tier1', 'tier2', 'tier3', 'punctuality', 'lateToLesson', 'homework', 'reward'];

/** The whole letter as one string, after filling, for reading the wording. */
function filledText(type: LetterType, over = {}): string {
  const doc: TemplateDoc = fillTemplate(defaultTemplate(type), letterFields(context({ type, ...over })));
  return templateSections(doc).map((s) => s.text).join('\n');
}

function rawText(type: LetterType): string {
  return templateSections(defaultTemplate(type)).map((s) => s.text).join('\n');
}

describe('default templates', () => {
  it('has one for every letter type', () => {
    expect([...LETTER_TYPES].sort()).toEqual([...ALL_TYPES].sort());
    expect(Object.keys(defaultTemplates()).sort()).toEqual([...ALL_TYPES].sort());
    for (const t of ALL_TYPES) expect(letterTitle(t)).toBeTruthy();
  });

  it.each(ALL_TYPES)('%s passes checkTemplate', (type) => {
    expect(checkTemplate({ sections: templateSections(defaultTemplate(type)) }, type)).toEqual([]);
  });

  it.each(ALL_TYPES)('%s has the letter frame: letterhead, date, family, salutation, Re: line, figures, sign-off', (type) => {
    const doc = defaultTemplate(type);
    const header = doc.header.map(blockText).join('\n');
    expect(header).toContain('{{SchoolName}}');
    expect(header).toContain('{{SchoolAddress}}');
    const body = doc.body.map(blockText);
    expect(body).toEqual(expect.arrayContaining(['{{Date}}', '{{ParentName}}', '{{Address}}', 'Dear {{ParentName}}', 'Re: {{PupilName}} ({{RegGroup}})', '{{Signatory}}', '{{SignatoryRole}}']));
    const reLine = doc.body.find((b) => blockText(b).startsWith('Re:'))!;
    expect(reLine.runs![0].bold).toBe(true);
    const table = doc.body.find((b) => b.kind === 'table');
    expect(table && table.rows!.length).toBeGreaterThan(0);
  });

  it('puts attendance figures in a small table for attendance letters, and the next review date', () => {
    for (const t of ['AT1', 'AT2', 'panel', 'EWO', 'PA', 'tier1', 'tier2', 'tier3'] as LetterType[]) {
      const names = findPlaceholders(rawText(t)).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['AttendancePercent', 'SessionsPossible', 'SessionsMissed', 'Authorised', 'Unauthorised', 'ReviewDate']));
    }
    const text = filledText('AT1');
    expect(text).toContain('94.4%');
    expect(text).toContain('Friday 23 February 2024');
  });

  it('AT1 says attendance has fallen below the reward threshold, is tracked, a meeting may be needed, over 4 weeks', () => {
    const text = filledText('AT1');
    expect(text).toMatch(/fallen below 97%/);
    expect(text).toMatch(/cause for concern/);
    expect(text).toMatch(/track/);
    expect(text).toMatch(/meet/);
    expect(text).toMatch(/next 4 school weeks/);
  });

  it('AT2 states the legal implications', () => {
    const text = filledText('AT2');
    expect(text).toContain('section 444 of the Education Act 1996');
    expect(text).toMatch(/penalty notice/);
    expect(text).toMatch(/legal duty/);
    expect(text).toMatch(/meet/);
    expect(text).toMatch(/plan of action/);
    expect(text).toMatch(/attendance targets/);
    expect(text).toMatch(/below 94%/);
  });

  it('the panel letter is the start of the legal process with weekly targets', () => {
    const text = filledText('panel');
    expect(text).toMatch(/Governors' Attendance Panel/);
    expect(text).toMatch(/beginning of a legal process/);
    expect(text).toMatch(/every week/);
    expect(text).toMatch(/5 school weeks/);
  });

  it('PA names the persistent absence category and the 10% threshold', () => {
    const text = filledText('PA');
    expect(text).toMatch(/persistent absence category/);
    expect(text).toMatch(/10% or more of the sessions/);
  });

  it("follows the school's own thresholds when they change", () => {
    const rules = withDefaults({ attendance: { persistentAbsenceFrom: 12, rewardAbove: 96 } }).attendance;
    expect(filledText('PA', { rules })).toMatch(/12% or more of the sessions/);
    expect(filledText('AT1', { rules })).toMatch(/fallen below 96%/);
  });

  it('the other letters say what they are about', () => {
    expect(filledText('tier3', { tier: 3 })).toMatch(/Tier 3 \(persistent absence\)/);
    expect(filledText('punctuality', { lates: { count: 6, dates: ['2024-01-08'] } })).toMatch(/late to school 6 times this half term, on 08\/01\/2024/);
    expect(filledText('lateToLesson', { latesToLesson: { count: 5, dates: ['2024-01-08'] } })).toMatch(/late to lessons 5 times/);
    const hw = filledText('homework', { homework: { missesThisHalfTerm: 4, weeksPink: 1, weeksRed: 1, subjects: ['Maths', 'French'] } });
    expect(hw).toMatch(/missed 4 pieces of homework this half term, in Maths and French/);
    expect(hw).toMatch(/homework support/);
    expect(hw).toMatch(/detention/);
    expect(filledText('reward', { attendance: { possible: 100, attended: 99, authorised: 1, unauthorised: 0 } })).toMatch(/99\.0%, above our target of 97%/);
  });

  it('leaves no placeholder unfilled in a letter with full figures', () => {
    const text = filledText('punctuality', { lates: { count: 5, dates: ['2024-01-08'] } });
    expect(findPlaceholders(text)).toEqual([]);
  });
});

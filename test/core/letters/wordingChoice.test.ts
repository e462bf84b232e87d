/**
 * Wording that fits the case (issue 18 §4), with the answers worked out from the rules by hand:
 * legal words only for compulsory school age AND unauthorised sessions ≥ the setting (10); panel /
 * EWO proposed when most of the absence is authorised; "again" when the family had the letter
 * earlier this school year (1 September on).
 */
import { isProposedOnly, legalWordingApplies, letterConditions, mostlyAuthorised, writtenBefore } from '../../../src/core/letters/wordingChoice';
import { LetterLogEntry } from '../../../src/core/types';

const row = (type: string, date: string, status = 'Sent'): LetterLogEntry => ({ key: `${type}|U1|x-${date}`, date, type, upn: 'U1', link: '', by: '', status });

describe('legal or support wording', () => {
  it('illness only (48 authorised sessions, none unauthorised) gets no legal paragraph', () => {
    const f = { compulsorySchoolAge: true, unauthorisedSessions: 0, authorisedSessions: 48 };
    expect(legalWordingApplies(f, 10)).toBe(false);
    const c = letterConditions({ main: 'AT2', covers: ['AT2'], facts: f, legalFromUnauthorised: 10, log: [], upn: 'U1', periodStart: {}, asOf: '2024-01-26', yearStart: '2023-09-01' });
    expect([c.IfLegal, c.IfSupport]).toEqual([false, true]);
  });

  it('legal wording from the setting: 9 unauthorised sessions no, 10 yes; a school may set its own', () => {
    expect(legalWordingApplies({ compulsorySchoolAge: true, unauthorisedSessions: 9, authorisedSessions: 0 }, 10)).toBe(false);
    expect(legalWordingApplies({ compulsorySchoolAge: true, unauthorisedSessions: 10, authorisedSessions: 30 }, 10)).toBe(true);
    expect(legalWordingApplies({ compulsorySchoolAge: true, unauthorisedSessions: 6, authorisedSessions: 0 }, 6)).toBe(true);
  });

  it('never for a pupil past compulsory school age (sixth form), whatever the absence', () => {
    expect(legalWordingApplies({ compulsorySchoolAge: false, unauthorisedSessions: 40, authorisedSessions: 0 }, 10)).toBe(false);
  });
});

describe('panel and EWO for mostly authorised absence are proposed, not sent', () => {
  it('more authorised than unauthorised sessions → proposed; AT1/AT2/PA never are', () => {
    const f = { compulsorySchoolAge: true, unauthorisedSessions: 4, authorisedSessions: 20 };
    expect(mostlyAuthorised(f)).toBe(true);
    expect([isProposedOnly('panel', f), isProposedOnly('EWO', f), isProposedOnly('AT2', f), isProposedOnly('PA', f)]).toEqual([true, true, false, false]);
    expect(isProposedOnly('panel', { compulsorySchoolAge: true, unauthorisedSessions: 12, authorisedSessions: 12 })).toBe(false);
  });
});

describe('"again" and "still"', () => {
  it('a second PA letter this year says "still"; one from last school year or this half term does not count', () => {
    const conditions = (log: LetterLogEntry[]) =>
      letterConditions({ main: 'PA', covers: ['PA'], facts: null, legalFromUnauthorised: 10, log, upn: 'U1', periodStart: { PA: '2024-01-03' }, asOf: '2024-01-26', yearStart: '2023-09-01' });
    expect(conditions([row('PA', '2023-11-06')])).toMatchObject({ IfPA: false, IfPAAgain: true, IfRepeat: true, IfFirst: false });
    expect(conditions([row('PA', '2023-07-10')])).toMatchObject({ IfPA: true, IfPAAgain: false, IfFirst: true });
    expect(conditions([row('PA', '2023-11-06', 'Cancelled')])).toMatchObject({ IfPA: true, IfPAAgain: false });
  });

  it('an AT1 carrying PA: the AT1 is repeated (an earlier episode), the PA paragraph is the first', () => {
    const c = letterConditions({
      main: 'AT1', covers: ['AT1', 'PA'], facts: null, legalFromUnauthorised: 10, upn: 'U1', asOf: '2024-01-26', yearStart: '2023-09-01',
      log: [row('AT1', '2023-10-02'), row('episode-end', '2023-12-01')], periodStart: { AT1: '2024-01-26', PA: '2024-01-03' },
    });
    expect(c).toMatchObject({ IfRepeat: true, IfFirst: false, IfPA: true, IfPAAgain: false });
  });

  it('writtenBefore looks only at this pupil and this type', () => {
    const log = [row('AT1', '2023-10-02'), { ...row('PA', '2023-10-02'), upn: 'U2' }];
    expect(writtenBefore(log, 'u1', 'AT1', '2024-01-26', '2023-09-01')).toBe(true);
    expect(writtenBefore(log, 'U1', 'PA', '2024-01-26', '2023-09-01')).toBe(false);
    // A school whose year starts in January: October's letter was last year.
    expect(writtenBefore(log, 'U1', 'AT1', '2024-01-26', '2024-01-01')).toBe(false);
  });
});

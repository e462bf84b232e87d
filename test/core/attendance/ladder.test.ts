import { EPISODE_END, LadderInput, reviewLadder } from '../../../src/core/attendance/ladder';
import { buildCalendar } from '../../../src/core/calendar/schoolWeeks';
import { LetterLogEntry } from '../../../src/core/types';
import { OPEN_2024, letter, settings } from './helpers';

const s = settings();
const cal = buildCalendar(OPEN_2024, s);
// School weeks: 8 Jan(0) … 5 Feb(4) | half term | 19 Feb(5) 26 Feb(6) 4 Mar(7) 11 Mar(8) 18 Mar(9) 25 Mar(10)
// | Easter | 15 Apr(11) 22 Apr(12) 29 Apr(13) 6 May(14) 13 May(15) 20 May(16)

function ladder(asOf: string, stage: LadderInput['stage'], letters: LetterLogEntry[], extra: Partial<LadderInput> = {}) {
  return reviewLadder({ upn: 'P1', stage, pa: false, letters, cal, settings: s, asOf, ...extra });
}

describe('the ladder (SPEC §4.2)', () => {
  it('AT1 is due at level 1 or level 2 with nothing sent; never AT2 without an AT1', () => {
    for (const stage of ['level1', 'level2'] as const) {
      const r = ladder('2024-01-24', stage, []);
      expect(r.lettersDue).toEqual(['AT1']);
      expect(r.rung).toBe('none');
      expect(r.episodeStart).toBe('2024-01-24');
      expect(r.keys.AT1).toBe('AT1|P1|episode-2024-01-24');
    }
    expect(ladder('2024-01-24', 'reward', []).lettersDue).toEqual([]);
    expect(ladder('2024-01-24', null, []).lettersDue).toEqual([]);
  });

  it('AT2 is not due before 4 school weeks after the AT1 (the half-term week does not count), and is due after', () => {
    const letters = [letter('AT1', 'P1', '2024-02-07')];
    const early = ladder('2024-03-06', 'level2', letters); // 4 calendar weeks, 3 school weeks
    expect(early.lettersDue).toEqual([]);
    expect(early.rung).toBe('AT1');
    expect(early.reviewDue).toBe('2024-03-11');
    const due = ladder('2024-03-11', 'level2', letters);
    expect(due.lettersDue).toEqual(['AT2']);
    expect(due.keys.AT2).toBe('AT2|P1|episode-2024-02-07');
  });

  it('AT2 needs level 2: at level 1 after the wait the pupil is monitored, AT1 is not repeated', () => {
    const r = ladder('2024-03-11', 'level1', [letter('AT1', 'P1', '2024-02-07')]);
    expect(r.lettersDue).toEqual([]);
    expect(r.rung).toBe('AT1');
  });

  it('panel is due 4 school weeks after AT2 (across Easter), EWO 5 school weeks after the panel', () => {
    const upToAt2 = [letter('AT1', 'P1', '2024-02-07'), letter('AT2', 'P1', '2024-03-11')];
    expect(ladder('2024-04-19', 'level2', upToAt2).lettersDue).toEqual([]);
    expect(ladder('2024-04-22', 'level2', upToAt2).lettersDue).toEqual(['panel']);
    const upToPanel = [letter('AT1', 'P1', '2024-01-08'), letter('AT2', 'P1', '2024-02-05'), letter('panel', 'P1', '2024-03-11')];
    expect(ladder('2024-04-22', 'level2', upToPanel).lettersDue).toEqual([]);
    expect(ladder('2024-04-22', 'level2', upToPanel).reviewDue).toBe('2024-04-29');
    expect(ladder('2024-04-29', 'level2', upToPanel).lettersDue).toEqual(['EWO']);
  });

  it('no rung is repeated in an episode', () => {
    const all = ['AT1', 'AT2', 'panel', 'EWO'].map((t, i) => letter(t, 'P1', OPEN_2024[i * 25]));
    const r = ladder('2024-05-20', 'level2', all);
    expect(r.rung).toBe('EWO');
    expect(r.lettersDue).toEqual([]);
  });

  it('reward at a review ends the episode: a new dip starts at AT1 again', () => {
    const sent = [letter('AT1', 'P1', '2024-01-10'), letter('AT2', 'P1', '2024-02-07')];
    const inReward = ladder('2024-02-21', 'reward', sent);
    expect(inReward.closesEpisode).toBe(true);
    expect(inReward.rung).toBe('none');
    expect(inReward.lettersDue).toEqual([]);
    // Ended by the review job's log row …
    const after = ladder('2024-03-13', 'level2', [...sent, letter(EPISODE_END, 'P1', '2024-02-21')]);
    expect(after.lettersDue).toEqual(['AT1']);
    expect(after.rung).toBe('none');
    expect(after.keys.AT1).toBe('AT1|P1|episode-2024-03-13');
    // … or by a week the marks show in reward.
    expect(ladder('2024-03-13', 'level1', sent, { rewardWeekEnds: ['2024-02-23'] }).lettersDue).toEqual(['AT1']);
    // A reward week before the letters does not end the episode they started.
    expect(ladder('2024-03-13', 'level2', sent, { rewardWeekEnds: ['2024-01-05'] }).rung).toBe('AT2');
  });

  it('cancelled letters are ignored', () => {
    expect(ladder('2024-03-13', 'level2', [letter('AT1', 'P1', '2024-01-10', 'Cancelled')]).lettersDue).toEqual(['AT1']);
  });

  it('a Head of Year override allows a rung without the one below, at level 2 only', () => {
    const o = { overrides: [{ upn: 'P1', rung: 'AT2' as const }] };
    expect(ladder('2024-01-24', 'level2', [], o).lettersDue).toEqual(['AT2']);
    expect(ladder('2024-01-24', 'level1', [], o).lettersDue).toEqual(['AT1']);
    expect(ladder('2024-01-24', 'level2', [], { overrides: [{ upn: 'P2', rung: 'AT2' }] }).lettersDue).toEqual(['AT1']);
    // An override from an ended episode does not carry over.
    const old = { overrides: [{ upn: 'P1', rung: 'panel' as const, date: '2024-01-10' }] };
    expect(ladder('2024-03-13', 'level2', [letter(EPISODE_END, 'P1', '2024-02-21')], old).lettersDue).toEqual(['AT1']);
  });
});

describe('the PA letter', () => {
  it('is due once per half term', () => {
    const none = ladder('2024-03-01', 'level2', [], { pa: true });
    expect(none.lettersDue).toEqual(['AT1', 'PA']);
    expect(none.keys.PA).toBe('PA|P1|halfterm-2024-02-19');
    const sentThisHalfTerm = ladder('2024-03-01', 'level2', [letter('AT1', 'P1', '2024-02-20'), letter('PA', 'P1', '2024-02-20')], { pa: true });
    expect(sentThisHalfTerm.lettersDue).toEqual([]);
    const sentLastHalfTerm = ladder('2024-03-01', 'level2', [letter('AT1', 'P1', '2024-02-20'), letter('PA', 'P1', '2024-02-01')], { pa: true });
    expect(sentLastHalfTerm.lettersDue).toEqual(['PA']);
  });

  it('is not due for a pupil who is not PA', () => {
    expect(ladder('2024-03-01', 'level2', []).lettersDue).not.toContain('PA');
  });
});

import { fillText, planRuns } from '../../../src/core/letters/merge';
import { letterFields } from '../../../src/core/letters/fields';
import { context, pupil } from './fixtures';

describe('fillText', () => {
  it('replaces each placeholder with its value', () => {
    expect(fillText('Dear {{ParentName}}, re {{ PupilName }}.', { ParentName: 'Mr Khan', PupilName: 'Ali Khan' })).toBe('Dear Mr Khan, re Ali Khan.');
  });

  it('puts regex replacement patterns in a name in literally', () => {
    for (const name of ['$&', '$1', "$'", '$`', '$$', 'back\\slash', '\\1']) {
      expect(fillText('Re: {{PupilName}}!', { PupilName: name })).toBe(`Re: ${name}!`);
    }
  });

  it('does not re-expand {{ inside a value (a single pass)', () => {
    const out = fillText('{{PupilName}} on {{Date}}', { PupilName: '{{Date}} {{SchoolName}}', Date: 'Friday 26 January 2024', SchoolName: 'X' });
    expect(out).toBe('{{Date}} {{SchoolName}} on Friday 26 January 2024');
  });

  it("keeps O'Brien-Smith and accents as typed", () => {
    const values = letterFields(context({ pupil: pupil({ forename: 'Siân', surname: "O'Brien-Smith" }) }));
    expect(fillText('Re: {{PupilName}} ({{RegGroup}})', values)).toBe("Re: Siân O'Brien-Smith (9B)");
  });

  it('leaves a placeholder with no value as written', () => {
    expect(fillText('{{Unknown}} and {{PupilName}}', { PupilName: 'Amy' })).toBe('{{Unknown}} and Amy');
  });
});

describe('planRuns', () => {
  /** Applies edits as the gas adapter would, with deleteText/insertText on a string. */
  function apply(text: string, edits: ReturnType<typeof planRuns>): string {
    let t = text;
    for (const e of edits) t = t.slice(0, e.start) + e.value + t.slice(e.endInclusive + 1);
    return t;
  }

  it('gives offsets last first, so applying them in order gives fillText', () => {
    const text = 'Re: {{PupilName}} ({{RegGroup}}) — {{PupilName}}';
    const values = { PupilName: '$& {{Date}}', RegGroup: '9B' };
    const edits = planRuns(text, values);
    expect(edits.map((e) => e.start)).toEqual([...edits.map((e) => e.start)].sort((a, b) => b - a));
    expect(edits[edits.length - 1]).toEqual({ field: 'PupilName', start: 4, endInclusive: 16, value: '$& {{Date}}' });
    expect(apply(text, edits)).toBe(fillText(text, values));
  });

  it('keeps offsets of the text around the placeholder, so bold before and after survives', () => {
    const text = 'AB{{RegGroup}}CD';
    const [edit] = planRuns(text, { RegGroup: '10XY' });
    expect(text.slice(0, edit.start)).toBe('AB');
    expect(text.slice(edit.endInclusive + 1)).toBe('CD');
  });
});

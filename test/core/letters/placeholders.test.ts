import { checkTemplate, editDistance, findPlaceholders, suggestField } from '../../../src/core/letters/placeholders';
import { TemplateSection } from '../../../src/core/letters/templateDoc';

const body = (text: string, path = 'paragraph 4'): TemplateSection => ({ where: 'body', path, text });

describe('findPlaceholders', () => {
  it('finds each {{Field}} with its offsets, allowing spaces inside the braces', () => {
    const text = 'Dear {{ParentName}}, re {{ PupilName }}.';
    const found = findPlaceholders(text);
    expect(found.map((p) => p.name)).toEqual(['ParentName', 'PupilName']);
    expect(text.slice(found[0].start, found[0].end)).toBe('{{ParentName}}');
    expect(text.slice(found[1].start, found[1].end)).toBe('{{ PupilName }}');
  });

  it('finds nothing in plain text', () => {
    expect(findPlaceholders('Dear parent, thank you.')).toEqual([]);
  });
});

describe('checkTemplate', () => {
  it('passes a template with known fields only', () => {
    expect(checkTemplate({ sections: [body('Dear {{ParentName}}, {{PupilName}} ({{RegGroup}})')] })).toEqual([]);
  });

  it('names an unknown placeholder and where it is, and suggests the field meant', () => {
    const problems = checkTemplate({ sections: [body('Re: {{PupilNmae}}')] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'unknownField', field: 'PupilNmae', suggestion: 'PupilName', where: 'body', path: 'paragraph 4' });
    expect(problems[0].message).toBe('Unknown field {{PupilNmae}} in body paragraph 4 — did you mean {{PupilName}}?');
  });

  it('treats field names as case-sensitive but suggests the right case', () => {
    const problems = checkTemplate({ sections: [body('{{pupilname}}')] });
    expect(problems[0].kind).toBe('unknownField');
    expect(problems[0].suggestion).toBe('PupilName');
  });

  it('suggests nothing for a name far from every field, and says so', () => {
    const problems = checkTemplate({ sections: [body('{{FavouriteColour}}')] });
    expect(problems[0].suggestion).toBeUndefined();
    expect(problems[0].message).toContain('{{FavouriteColour}}');
    expect(problems[0].message).toContain('not one of the fields');
  });

  it('names the template and the table cell when given', () => {
    const problems = checkTemplate({ sections: [{ where: 'table', path: 'table 1 row 2 cell 2', text: '{{SesionsPossible}}' }] }, 'AT1');
    expect(problems[0].message).toBe('AT1 template: Unknown field {{SesionsPossible}} in body table 1 row 2 cell 2 — did you mean {{SessionsPossible}}?');
  });

  it('reports unbalanced braces', () => {
    for (const text of ['Dear {{ParentName}', 'Dear {ParentName}}', 'Dear {{{ParentName}}}', 'Re: {PupilName}']) {
      const problems = checkTemplate({ sections: [body(text, 'paragraph 2')] });
      expect(problems.map((p) => p.kind)).toContain('unbalancedBraces');
      expect(problems.find((p) => p.kind === 'unbalancedBraces')!.message).toContain('body paragraph 2');
    }
  });

  it('reports an empty placeholder', () => {
    expect(checkTemplate({ sections: [body('Dear {{}}')] })[0].kind).toBe('emptyPlaceholder');
  });

  it('refuses a pupil field in the footer or header, naming it', () => {
    const problems = checkTemplate({
      sections: [
        { where: 'footer', path: 'paragraph 1', text: '{{SchoolName}} — letter about {{PupilName}}' },
        { where: 'header', path: 'table 1 row 1 cell 1', text: '{{Address}}' },
      ],
    });
    expect(problems.map((p) => [p.kind, p.field, p.where])).toEqual([
      ['pupilFieldInHeaderFooter', 'PupilName', 'footer'],
      ['pupilFieldInHeaderFooter', 'Address', 'header'],
    ]);
    expect(problems[0].message).toContain('{{PupilName}} is in the footer paragraph 1');
    expect(problems[0].message).toContain('move {{PupilName}} into the body');
  });

  it('allows school and run-wide fields in the header and footer', () => {
    const problems = checkTemplate({
      sections: [
        { where: 'header', path: 'paragraph 1', text: '{{SchoolName}} {{SchoolAddress}} {{SchoolPhone}} {{Date}}' },
        { where: 'footer', path: 'paragraph 1', text: '{{SchoolName}}, {{AcademicYear}}, panel {{PanelDate}}' },
      ],
    });
    expect(problems).toEqual([]);
  });

  it('keeps the signatory out of a shared footer: each letter is signed by the person whose voice it is in', () => {
    const problems = checkTemplate({ sections: [{ where: 'footer', path: 'paragraph 1', text: '{{Signatory}}, {{SignatoryRole}}' }] });
    expect(problems.map((p) => [p.kind, p.field])).toEqual([['pupilFieldInHeaderFooter', 'Signatory'], ['pupilFieldInHeaderFooter', 'SignatoryRole']]);
  });

  it('reports every problem, not just the first', () => {
    const problems = checkTemplate({ sections: [body('{{PupilNmae}} {{ParentNam}}'), body('{{Adress}}', 'paragraph 5')] });
    expect(problems.map((p) => p.suggestion)).toEqual(['PupilName', 'ParentName', 'Address']);
  });
});

describe('suggestField / editDistance', () => {
  it('counts a swap of neighbouring letters as one slip', () => {
    expect(editDistance('pupilnmae', 'pupilname')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('ignores spaces, underscores and case when suggesting', () => {
    expect(suggestField('Pupil Name')).toBe('PupilName');
    expect(suggestField('school_name')).toBe('SchoolName');
    expect(suggestField('RegGrop')).toBe('RegGroup');
    expect(suggestField('Banana')).toBeUndefined();
  });
});

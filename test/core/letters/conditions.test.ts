import { leadingConditions, misplacedConditions, paragraphShown } from '../../../src/core/letters/conditions';
import { checkTemplate } from '../../../src/core/letters/placeholders';
import { fillTemplate } from './fillTemplate';
import { TemplateDoc } from '../../../src/core/letters/templateDoc';

describe('conditional paragraphs', () => {
  it('reads the conditions at the very start of a paragraph only', () => {
    expect(leadingConditions('{{IfLegal}}Parents have a legal duty')).toEqual(['IfLegal']);
    expect(leadingConditions('  {{IfPA}} {{IfLegal}}Both')).toEqual(['IfPA', 'IfLegal']);
    expect(leadingConditions('{{PupilName}}{{IfLegal}} …')).toEqual([]);
    expect(misplacedConditions('Dear {{Salutation}}, {{IfLegal}}oops')).toEqual(['IfLegal']);
  });

  it('shows a paragraph only when every leading condition holds; no conditions known → only the unconditional ones', () => {
    const c = { IfLegal: true, IfPA: false };
    expect(paragraphShown('{{IfLegal}}Law', c)).toBe(true);
    expect(paragraphShown('{{IfPA}}{{IfLegal}}Both', c)).toBe(false);
    expect(paragraphShown('Always', c)).toBe(true);
    expect(paragraphShown('{{IfPA}}x', undefined)).toBe(false);
    expect(paragraphShown('Plain', undefined)).toBe(true);
  });

  it('the template check refuses a condition that does not start a body paragraph', () => {
    const problems = checkTemplate({
      sections: [
        { where: 'body', path: 'paragraph 3', text: 'Hello {{IfLegal}}there' },
        { where: 'table', path: 'table 1 row 1 cell 2', text: '{{IfSupport}}x' },
        { where: 'footer', path: 'paragraph 1', text: '{{IfPA}}y' },
        { where: 'body', path: 'paragraph 4', text: '{{IfRepeat}}{{PupilForename}} again' },
      ],
    });
    expect(problems.map((p) => [p.kind, p.path, p.field])).toEqual([
      ['misplacedCondition', 'paragraph 3', 'IfLegal'],
      ['misplacedCondition', 'table 1 row 1 cell 2', 'IfSupport'],
      ['misplacedCondition', 'paragraph 1', 'IfPA'],
    ]);
    expect(problems[0].message).toContain('put it at the very beginning of the paragraph');
  });

  it('a filled letter leaves out the paragraphs whose condition fails and prints no marker', () => {
    const doc: TemplateDoc = { header: [], footer: [], body: [
      { kind: 'paragraph', text: '{{IfLegal}}Legal {{PupilForename}}' },
      { kind: 'paragraph', text: '{{IfSupport}}Support {{PupilForename}}' },
      { kind: 'table', rows: [['a', 'b']] },
    ] };
    const out = fillTemplate(doc, { PupilForename: 'Amy', IfLegal: '', IfSupport: '' }, { IfLegal: false, IfSupport: true });
    expect(out.body.map((b) => b.text || b.rows)).toEqual(['Support Amy', [['a', 'b']]]);
  });
});

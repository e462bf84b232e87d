/**
 * The letter merge as it was before issue 22, for comparison in `npm run bench` (bench/letters.ts):
 * every template element copied into the run's document with DocumentApp and each placeholder
 * filled with its own calls (gas/docs/copyElements.ts appendAll_, which the header, the footer and
 * nothing per letter use now), a page break appended between letters. The same letters and the
 * same template as the real run; only the way they are written differs.
 */
import { openTemplate } from '../../src/gas/docs/templates';
import { readContainer } from '../../src/gas/docs/templateWalk';
import { appendAll_, copySection_ } from '../../src/gas/docs/copyElements';
import { Conditions } from '../../src/core/letters/conditions';

export function naiveMergeLetters(templateId: string, title: string, letters: Array<{ values: Record<string, string>; conditions?: Partial<Conditions> }>): void {
  const template = openTemplate(templateId);
  const body = readContainer(template.getBody());
  const doc = DocumentApp.create(title);
  const header = template.getHeader();
  const footer = template.getFooter();
  if (header) copySection_(readContainer(header), doc.addHeader(), letters[0].values);
  if (footer) copySection_(readContainer(footer), doc.addFooter(), letters[0].values);
  const target = doc.getBody();
  const blank = target.getChild(0);
  letters.forEach((l, i) => {
    if (i > 0) target.appendPageBreak();
    appendAll_(body, target, l.values, l.conditions);
    if (i === 0) target.removeChild(blank);
    // The old merge counted the body after each letter (its resume point).
    target.getNumChildren();
  });
  doc.saveAndClose();
}

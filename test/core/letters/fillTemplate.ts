/**
 * A whole template filled for one letter, as the letters document shows it: each formatting run
 * filled on its own (a bold "Re: {{PupilName}}" stays bold), a paragraph whose leading condition
 * does not hold left out. Only tests read a whole filled template, so this lives here, built from
 * the bundle's own pieces (fillText, paragraphShown).
 */
import { fillText } from '../../../src/core/letters/merge';
import { Block, TemplateDoc, blockText } from '../../../src/core/letters/templateDoc';
import { Conditions, paragraphShown } from '../../../src/core/letters/conditions';

export function fillTemplate(doc: TemplateDoc, values: Record<string, string>, conditions?: Partial<Conditions>): TemplateDoc {
  const fillBlock = (b: Block): Block => {
    const out: Block = { ...b };
    if (b.text !== undefined) out.text = fillText(b.text, values);
    if (b.runs) out.runs = b.runs.map((r) => ({ ...r, text: fillText(r.text, values) }));
    if (b.rows) out.rows = b.rows.map((row) => row.map((cell) => fillText(cell, values)));
    return out;
  };
  const shown = (b: Block) => b.kind === 'table' || paragraphShown(blockText(b), conditions);
  return { header: doc.header.map(fillBlock), body: doc.body.filter(shown).map(fillBlock), footer: doc.footer.map(fillBlock) };
}

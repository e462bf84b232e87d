/**
 * Writing what Google would have held after a dry run: the tracker as .xlsx, every document the
 * add-on made as .docx (letter batches in letters/, templates in templates/), every e-mail as .eml,
 * and the embedded charts drawn in dashboard.html.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LocalGoogle } from '../google';
import { saveXlsx } from '../export/xlsx';
import { saveDocx } from '../export/docx';
import { saveEml } from '../export/eml';
import { chartsHtml } from '../export/chartsHtml';

export interface WrittenFiles {
  workbook: string;
  letters: string[];
  templates: string[];
  mail: string[];
  /** Evidence packs for the local authority (issue 19), one .docx per pupil. */
  evidence: string[];
  /** The charts the add-on inserted (the Dashboard's), drawn as SVG: out/dashboard.html, or '' with none. */
  charts: string;
}

/** Letters that NFD does not split into a base letter and an accent (Łukasz, Søren, Yılmaz). */
const OWN_LETTERS: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Đ: 'D', đ: 'd', ı: 'i', Þ: 'Th', þ: 'th', Ð: 'D', ð: 'd' };

const OWN_LETTER = new RegExp(`[${Object.keys(OWN_LETTERS).join('')}]`, 'g');

/** A name as a file name any computer accepts: "Barker, Łukasz" → "Barker-Lukasz". */
export function safeFileName(s: string): string {
  return s.replace(OWN_LETTER, (c) => OWN_LETTERS[c]).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9 ._-]+/g, '-').replace(/\s+/g, '-').replace(/-+/g, '-').slice(0, 80);
}

/** `say` gets a line per phase and per tab, so a long write out shows it is moving. */
export async function writeOutputs(g: LocalGoogle, outDir: string, say: (line: string) => void = () => undefined): Promise<WrittenFiles> {
  for (const sub of ['letters', 'templates', 'mail', 'evidence']) {
    const dir = path.join(outDir, sub);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }
  const workbook = path.join(outDir, 'tracker.xlsx');
  await saveXlsx(g.spreadsheet as any, workbook, (i, of, name, rows) => say(`  tracker.xlsx: tab ${i} of ${of}, ${name} (${rows.toLocaleString('en-GB')} rows)`));
  say('  tracker.xlsx: compressing and saving…');

  // Sheets draws embedded charts; an .xlsx cannot hold them, so they are drawn beside it.
  const charts = path.join(outDir, 'dashboard.html');
  const html = chartsHtml(g.spreadsheet as any, ['The embedded charts as the add-on inserted them, drawn from their data on this computer (Google draws them in the tracker).']);
  if (html) fs.writeFileSync(charts, html);
  else fs.rmSync(charts, { force: true });
  say(html ? '  dashboard.html: the charts, drawn' : '  no charts to draw');
  const files: WrittenFiles = { workbook, letters: [], templates: [], mail: [], evidence: [], charts: html ? charts : '' };
  const docs = (g.services.DocumentApp as any)._documents() as any[];
  say(`  ${docs.length} document(s): letters, templates and evidence packs as .docx…`);
  for (const doc of docs) {
    const name = String(doc.getName ? doc._name ?? doc.getName() : 'document');
    const isTemplate = /template/i.test(name);
    const kind = /^Evidence pack/.test(name) ? 'evidence' : isTemplate ? 'templates' : 'letters';
    const file = path.join(outDir, kind, `${safeFileName(name)}.docx`);
    await saveDocx(doc, file);
    files[kind].push(file);
  }
  const sent = (g.services.MailApp as any)._sent as any[];
  say(`  ${sent.length} e-mail(s) as .eml…`);
  let n = 0;
  for (const mail of sent) {
    n += 1;
    const to = (mail.to as string[]).join(',').split('@')[0];
    const file = path.join(outDir, 'mail', `${String(n).padStart(3, '0')}-${safeFileName(to)}.eml`);
    await saveEml(mail, file);
    files.mail.push(file);
  }
  return files;
}

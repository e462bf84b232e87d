/**
 * Issue 6 §3: letters e-mailed to parents as PDFs (Settings `letters.emailParents`, off by
 * default), on the local services with the sample school (200 pupils): off sends nothing; on sends
 * one e-mail per letter, to that pupil's Parent Email, with the letter as `letter.pdf`; test mode
 * sends it all to the person running it; a crash anywhere then a re-run never e-mails a family the
 * same letter twice; a pupil with no Parent Email is "printed only"; calls per letter are constant.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { loadOverrides, loadSettings, saveSettings } from '../../src/gas/settingsStore';
import { readTab } from '../../src/gas/tables';
import { PARENT_TO, sendMails, ParentLetterEmail } from '../../src/gas/mail';
import { MAIL_LOG } from '../../src/gas/mailLog';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob, letterRunProgressJob } from '../../src/jobs/letters/run';
import { LetterRunResult } from '../../src/jobs/letters/runResult';
import { loadLetterSources } from '../../src/jobs/letters/sources';
import { planFor } from '../../src/jobs/letters/preview';
import { checkSubject } from '../../src/core/email/compose';
import { LetterLogEntry, LetterType, Pupil } from '../../src/core/types';
import { docApp } from '../gas/docs/helpers';
import type { LocalMailApp, SentMail } from '../../local/services/mail';

let t: TrackerFixture;
let asOf: string;
const TYPE: LetterType = 'reward';

beforeAll(() => {
  t = makeTracker({ pupils: 200 });
  asOf = t.school.asOf;
  // One letter per pupil, to the Students tab's parent: this file is about e-mailing letters.
  // (Letters to each parent on the Contacts tab, and their e-mails: lettersFamily.test.ts.)
  const contacts = t.ss.getSheetByName('Contacts')!;
  if (contacts.getLastRow() > 1) contacts.deleteRows(2, contacts.getLastRow() - 1);
  setUpLetterTemplatesJob(loadSettings());
});
afterAll(() => t.uninstall());
afterEach(() => t.g.env.clearFaults());

const mail = () => t.g.services.MailApp as unknown as LocalMailApp;
// The simulated clock restarts with every resetCounts; the run id is made from it, so each run
// here starts from a later base (in Apps Script it is Date.now(): a new id every run).
let base = 0;
const clock = () => base + t.g.env.simulatedMs;
const nextRun = () => { base += 10000000; };
const log = (): LetterLogEntry[] => readTab(t.ss, 'Letters Log').records;
const students = (): Pupil[] => readTab(t.ss, 'Students').records;
const setEmailParents = (on: boolean, testMode = false) => {
  const o = loadOverrides() as any;
  expect(saveSettings({ ...o, letters: { ...(o.letters || {}), emailParents: on }, testMode })).toEqual([]);
};
const runDocs = () => docApp(t.g)._documents().filter((d) => !d._name.startsWith('Pastoral Tracker template'));
const parentMails = (from = 0): SentMail[] => mail()._sent.slice(from).filter((m) => /^Letter from /.test(m.subject));
const pdfText = (m: SentMail) => m.attachments[0].data.toString('utf8');

/** Cancel every letter of TYPE so the next run makes them again (a fresh run each test). */
function cancelAll(): void {
  const sheet = t.ss.getSheetByName('Letters Log')!;
  const v = sheet.getDataRange().getValues();
  const typeCol = v[0].indexOf('Type');
  const statusCol = v[0].indexOf('Status');
  v.forEach((row, i) => { if (i && row[typeCol] === TYPE && row[statusCol] !== 'Cancelled') sheet.getRange(i + 1, statusCol + 1).setValue('Cancelled'); });
}

/** A run request for the first `n` letters due (the rest unticked). */
function request(n: number) {
  const s = loadLetterSources(t.ss, loadSettings(), asOf, TYPE);
  const { plan } = planFor(s, { type: TYPE, cohort: { kind: 'all' } });
  expect(plan.toProduce.length).toBeGreaterThanOrEqual(n);
  return { req: { type: TYPE, cohort: { kind: 'all' }, unticked: plan.toProduce.slice(n).map((l) => l.upn) }, letters: plan.toProduce.slice(0, n) };
}

function run(n: number): { r: LetterRunResult; letters: { upn: string; key: string }[]; sentFrom: number } {
  cancelAll();
  nextRun();
  const { req, letters } = request(n);
  const sentFrom = mail()._sent.length;
  const r = generateLetterRunJob(t.ss, loadSettings(), asOf, req, { clock });
  return { r, letters, sentFrom };
}

test('off by default: a run e-mails nothing and makes no letter copies', () => {
  expect(loadSettings().letters.emailParents).toBe(false);
  const docsBefore = runDocs().length;
  const { r, sentFrom } = run(5);
  expect(r.done).toBe(5);
  expect(parentMails(sentFrom)).toHaveLength(0);
  expect(r.parentMail).toBeNull();
  expect(r.emailed).toBe(0);
  expect(runDocs().length).toBe(docsBefore + 1);
  expect(log().filter((e) => e.type === TYPE && e.status === 'Produced')).toHaveLength(5);
});

test('on: one e-mail per letter to that pupil\'s parent, the letter as a PDF; the Letters Log says Sent; 2 documents per run', () => {
  setEmailParents(true);
  const docsBefore = runDocs().length;
  t.g.env.resetCounts();
  const { r, letters, sentFrom } = run(6);
  expect(r.done).toBe(6);
  expect(t.g.env.countsByName()['DocumentApp.create']).toBe(2); // the merged letters and ONE scratch copy
  expect(runDocs().length).toBe(docsBefore + 2);
  expect(runDocs()[runDocs().length - 1]._name).toMatch(/^Pastoral Tracker – letter copy \(for e-mail\) – /);

  const sent = parentMails(sentFrom);
  expect(sent).toHaveLength(6);
  const pupils = students();
  letters.forEach((l, i) => {
    const p = pupils.find((x) => x.upn === l.upn)!;
    const m = sent[i];
    expect(m.to).toEqual([p.parentEmail]);
    expect(m.cc).toEqual([]);
    expect(m.bcc).toEqual([]);
    expect(m.subject).toBe(`Letter from ${loadSettings().school.name}`);
    expect(() => checkSubject(m.subject, pupils)).not.toThrow();
    expect(m.subject).not.toContain(p.surname);
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]).toMatchObject({ name: 'letter.pdf', contentType: 'application/pdf' });
    // The PDF is this pupil's letter alone (no other pupil, no page break).
    const text = pdfText(m);
    expect(text).toContain(`${p.forename} ${p.surname}`);
    expect(text).not.toContain('\f');
    for (const other of letters) {
      const o = pupils.find((x) => x.upn === other.upn)!;
      if (other.upn !== l.upn) expect(text).not.toContain(`${o.forename} ${o.surname} (`);
    }
    expect(m.body).toMatch(/^Dear .*,\n\nPlease find attached a letter from /);
  });
  expect(r.emailed).toBe(6);
  expect(r.parentMail!.printedOnly).toEqual([]);
  expect(r.notes.join('\n')).toMatch(/6 letter\(s\) e-mailed to parents as PDFs/);
  const rows = log().filter((e) => e.type === TYPE && e.date === asOf && e.status !== 'Cancelled');
  expect(rows.map((e) => e.status)).toEqual(Array(6).fill('Sent'));
  // The Mail Log names no family: "parent/carer", a key of run and letter number.
  const ml = t.ss.getSheetByName(MAIL_LOG)!.getDataRange().getValues().slice(1).filter((x) => String(x[0]).startsWith('parent-letter|'));
  expect(ml.length).toBeGreaterThanOrEqual(6);
  for (const row of ml) {
    expect(row[2]).toBe(PARENT_TO);
    for (const p of pupils) expect(String(row[0])).not.toContain(p.upn);
  }
  expect(r.parentMail!.emailed).toHaveLength(6);
  // Nothing about families in the document properties.
  const props = JSON.stringify(PropertiesService.getDocumentProperties().getProperties());
  for (const l of letters) expect(props).not.toContain(l.upn);
});

test('test mode: every letter e-mail goes to the person running it, marked TEST MODE; the log says Produced', () => {
  setEmailParents(true, true);
  const me = Session.getEffectiveUser().getEmail();
  const { r, letters, sentFrom } = run(3);
  const sent = parentMails(sentFrom);
  expect(sent).toHaveLength(3);
  const pupils = students();
  sent.forEach((m, i) => {
    expect(m.to).toEqual([me]);
    expect(m.body).toContain(`TEST MODE: this e-mail would have gone to ${pupils.find((p) => p.upn === letters[i].upn)!.parentEmail}`);
    expect(m.attachments[0].name).toBe('letter.pdf');
  });
  expect(r.notes.join('\n')).toMatch(/TEST MODE: 3 letter\(s\) e-mailed as PDFs to you/);
  expect(log().filter((e) => e.type === TYPE && e.date === asOf && e.status !== 'Cancelled').map((e) => e.status)).toEqual(['Produced', 'Produced', 'Produced']);
  setEmailParents(true, false);
});

test('a pupil with no Parent Email: printed only, reported, not an error', () => {
  setEmailParents(true);
  cancelAll();
  const { letters } = request(4);
  const sheet = t.ss.getSheetByName('Students')!;
  const v = sheet.getDataRange().getValues();
  const row = v.findIndex((x) => x[v[0].indexOf('UPN')] === letters[1].upn);
  const col = v[0].indexOf('Parent Email');
  const was = v[row][col];
  sheet.getRange(row + 1, col + 1).setValue('');
  try {
    const { r, sentFrom } = run(4);
    expect(r.done).toBe(4);
    expect(parentMails(sentFrom)).toHaveLength(3);
    expect(r.parentMail!.printedOnly).toEqual([{ upn: letters[1].upn, type: TYPE, reason: 'no Parent Email on the Students tab' }]);
    expect(r.notes.join('\n')).toMatch(/1 letter\(s\) printed only: no usable Parent Email/);
    const statuses = log().filter((e) => e.type === TYPE && e.date === asOf && e.status !== 'Cancelled');
    expect(statuses.find((e) => e.upn === letters[1].upn)!.status).toBe('Produced');
  } finally {
    sheet.getRange(row + 1, col + 1).setValue(was);
  }
});

test('parents only ever get their own child\'s letter: any other address is refused', () => {
  const settings = loadSettings();
  const pupils = students();
  const [a, b] = pupils.filter((p) => p.parentEmail);
  const base = { subject: `Letter from ${settings.school.name}`, body: 'x', htmlBody: '<p>x</p>' };
  const emails: ParentLetterEmail[] = [
    { ...base, to: [b.parentEmail], upn: a.upn, sendKey: 'parent-test|1' }, // another family's address
    { ...base, to: ['head@hillside.sch.uk'], upn: a.upn, sendKey: 'parent-test|2' }, // not on file at all
    { ...base, to: [a.parentEmail], upn: 'X000000000000', sendKey: 'parent-test|3' }, // no such pupil
    { ...base, subject: `Letter about ${a.surname}`, to: [a.parentEmail], upn: a.upn, sendKey: 'parent-test|4' }, // pupil in subject
  ];
  const before = mail()._sent.length;
  const out = sendMails(t.ss, emails, { settings, staff: [], pupils, asOf }, { audience: 'parents' });
  expect(mail()._sent.length).toBe(before);
  expect(out.sent).toHaveLength(0);
  expect(out.refused).toHaveLength(4);
  for (const p of out.problems) expect(p).not.toContain(b.parentEmail);
});

test('a crash anywhere in a run, then Generate again: no parent gets the same letter twice, each letter e-mailed once', () => {
  setEmailParents(true);
  // Where the e-mails happen in a 3-letter run: the call number of each MailApp.sendEmail.
  const raw = mail() as any;
  const sendEmail = raw.sendEmail;
  expect(Object.prototype.hasOwnProperty.call(raw, 'sendEmail')).toBe(false);
  const marks: number[] = [];
  raw.sendEmail = function (...a: unknown[]) { marks.push(t.g.env.total); return sendEmail.apply(this, a); };
  t.g.env.resetCounts();
  run(3);
  const cleanCalls = t.g.env.total;
  delete raw.sendEmail; // back to the service's own method (counted once per call)
  expect(raw.sendEmail).not.toBe(undefined);
  expect(marks).toHaveLength(3);
  // Faults across the second letter's PDF and e-mail and its log row, and a few elsewhere.
  const points: number[] = [];
  for (let at = marks[1] - 40; at <= marks[1] + 12; at += 3) points.push(at);
  points.push(marks[1], marks[1] + 1, marks[2] + 1, marks[2] + 3, Math.floor(marks[0] / 2));
  // Only points inside the run (the e-mails now come near its end: the letters go in ten a call).
  const inside = points.filter((at) => at >= 1 && at <= cleanCalls);
  const pupils = students();
  let crashed = 0;
  for (const at of inside) {
    cancelAll();
    nextRun();
    const { req, letters } = request(3);
    const from = mail()._sent.length;
    t.g.env.resetCounts();
    t.g.env.failAt(at);
    let r: LetterRunResult | null = null;
    try {
      generateLetterRunJob(t.ss, loadSettings(), asOf, req, { clock });
    } catch (e) {
      crashed++;
      t.g.env.clearFaults();
      r = generateLetterRunJob(t.ss, loadSettings(), asOf, req, { clock }); // the person clicks Generate again
    }
    t.g.env.clearFaults();
    expect(letterRunProgressJob()!.status).toBe('done');
    const sent = parentMails(from);
    for (const l of letters) {
      const p = pupils.find((x) => x.upn === l.upn)!;
      const mine = sent.filter((m) => pdfText(m).includes(`${p.forename} ${p.surname}`));
      expect(mine.length).toBeLessThanOrEqual(1);
      // Exactly one, unless the crash fell between sending and recording it (then reported, not resent).
      if (!r || !r.parentMail || r.parentMail.uncertain === 0) expect(mine.length).toBe(1);
      if (mine.length) expect(mine[0].to).toEqual([p.parentEmail]);
    }
    expect(sent).toHaveLength(new Set(sent.map((m) => pdfText(m))).size);
    // And one letter each in the Letters Log.
    const live = log().filter((e) => e.type === TYPE && e.status !== 'Cancelled');
    expect(live).toHaveLength(3);
  }
  // Many of them crashed the run (a fault at an e-mail is not a crash: the mailer records it as
  // failed and the next run tries again).
  expect(crashed).toBeGreaterThan(10);
});

test('calls per letter with e-mail on are a constant (and the extra per letter is too)', () => {
  // Calls by service for a run of n letters. Filling a letter's text costs a call or two more for
  // some pupils (their values, e.g. an address with fewer lines), so the document element calls
  // vary by a call or so per letter; everything else — mail, the Mail Log, the sheet, the scratch
  // document's open/save/export — must be exactly the same for every letter.
  // (Also left out: the Letters Log growing its grid now and then — Sheet.getMaxRows/insertRowsAfter.)
  const DOC_TEXT = /^(Body|Paragraph|ListItem|Text|Table|TableRow|TableCell|HeaderSection|FooterSection)\.|^Sheet\.(getMaxRows|insertRowsAfter)$/;
  const callsFor = (n: number, on: boolean) => {
    setEmailParents(on);
    cancelAll();
    nextRun();
    const { req } = request(n);
    t.g.env.resetCounts();
    const r = generateLetterRunJob(t.ss, loadSettings(), asOf, req, { clock });
    expect(r.done).toBe(n);
    const byName = t.g.env.countsByName();
    let fixed = 0;
    for (const [k, v] of Object.entries(byName)) if (!DOC_TEXT.test(k)) fixed += v;
    return { total: t.g.env.total, fixed, byName };
  };
  callsFor(2, true); // first e-mailing run: makes the Mail Log tab (once per tracker)
  // Runs of 2, 4 and 8: each one Docs API call for the merged document (ten letters a call), so
  // what is left grows with the letters alone.
  const on = [callsFor(2, true), callsFor(4, true), callsFor(8, true)];
  const off = [callsFor(2, false), callsFor(4, false), callsFor(8, false)];
  // Linear outside the letter's text: a constant per letter, within the odd call a log tab's
  // grid growing costs now and then (a setValues and a getRange more, once in a while).
  const fixedOn = (on[1].fixed - on[0].fixed) / 2;
  expect(Math.abs((on[2].fixed - on[1].fixed) / 4 - fixedOn)).toBeLessThanOrEqual(1);
  const fixedOff = (off[1].fixed - off[0].fixed) / 2;
  expect(Math.abs((off[2].fixed - off[1].fixed) / 4 - fixedOff)).toBeLessThanOrEqual(1);
  // Per letter in all: the same within a call or two.
  const perOn = [(on[1].total - on[0].total) / 2, (on[2].total - on[1].total) / 4];
  const perOff = [(off[1].total - off[0].total) / 2, (off[2].total - off[1].total) / 4];
  expect(Math.abs(perOn[0] - perOn[1])).toBeLessThanOrEqual(2);
  expect(Math.abs(perOff[0] - perOff[1])).toBeLessThanOrEqual(1);
  // One e-mail, one PDF and one scratch document per run (not per letter).
  expect(on[2].byName['MailApp.sendEmail']).toBe(8);
  expect(on[2].byName['Document.getAs']).toBe(8);
  expect(on[2].byName['DocumentApp.create']).toBe(2);
  expect(off[2].byName['DocumentApp.create']).toBe(1);
  // The 8 letters are one Docs API batchUpdate in the merged document, and one each in the scratch copy.
  expect(off[2].byName['Documents.batchUpdate']).toBe(1);
  expect(on[2].byName['Documents.batchUpdate']).toBe(1 + 8);
  // The e-mail adds: the letter filled once more (in the scratch copy) plus a fixed few calls.
  const extra = perOn[1] - perOff[1];
  expect(extra).toBeGreaterThan(0);
  expect(extra).toBeLessThanOrEqual(perOff[1] + 30);
});

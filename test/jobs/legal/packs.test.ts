/**
 * Evidence packs (issue 19) on the hand-made school (legalSchool.ts): one Google Doc per pupil at
 * the threshold stage, read back as the LA officer would read it; nobody else named; shared only
 * with the staff who run letters; a run that stops for time carries on without a second pack.
 */
import { legalSchool, LegalSchool, AS_OF, U, DOMAIN, OFFICER } from './legalSchool';
import { tabObjects } from '../attendanceSchool';
import { loadSettings, saveSettings, loadOverrides } from '../../../src/gas/settingsStore';
import { makeEvidencePacksJob } from '../../../src/jobs/legal/packs';
import { renderText, LocalDocument } from '../../../local/services/document/document';
import type { LocalDocumentApp } from '../../../local/services/document/document-app';

const docs = (t: LegalSchool): LocalDocument[] => (t.g.services.DocumentApp as unknown as LocalDocumentApp)._documents();
const textOf = (d: LocalDocument) => renderText(d);
const run = (t: LegalSchool, req: unknown) => makeEvidencePacksJob(t.ss, loadSettings(), AS_OF, req, { clock: () => t.g.env.simulatedMs });

describe('every pupil whose threshold is met', () => {
  let t: LegalSchool;
  let r: ReturnType<typeof run>;
  beforeAll(() => {
    t = legalSchool();
    r = run(t, { all: true });
  });
  afterAll(() => t.uninstall());

  it('one document per pupil of compulsory school age at the threshold stage — not the sixth former, not Evan', () => {
    // Year order: Bella (Y8), Amir (Y9), Callum (Y10).
    expect(r.packs.map((p) => p.upn)).toEqual([U.bella, U.amir, U.callum]);
    expect(docs(t).map((d) => d._name)).toEqual([
      `Evidence pack – Green, Bella (${U.bella}) – 15/11/2024`,
      `Evidence pack – Shah, Amir (${U.amir}) – 15/11/2024`,
      `Evidence pack – Reid, Callum (${U.callum}) – 15/11/2024`,
    ]);
    expect(r.stopped).toBe(false);
  });

  it('the Evidence Packs tab lists each pack, made, with its link', () => {
    const rows = tabObjects(t.ss, 'Evidence Packs');
    expect(rows.map((x) => [x.Seq, x.UPN, x.Pupil, x.Status, x.By])).toEqual([
      [1, U.bella, 'Green, Bella', 'Made', OFFICER],
      [2, U.amir, 'Shah, Amir', 'Made', OFFICER],
      [3, U.callum, 'Reid, Callum', 'Made', OFFICER],
    ]);
    expect(rows.map((x) => x.Document)).toEqual(docs(t).map((d) => `https://docs.google.com/document/d/${d._id}/edit`));
  });

  it("Amir's pack reads as a case: threshold, letters with their link, support, both years' registers", () => {
    const amir = textOf(docs(t)[1]);
    expect(amir).toContain('Name\tAmir Shah');
    expect(amir).toContain('Parents / carers\tMrs Rana Shah; Mr Imran Shah');
    expect(amir).toContain('was first met on 12/09/2024');
    expect(amir).toContain('Due next: threshold first met 12/09 — no Notice to Improve yet.');
    expect(amir).toContain('16/09/2024\tAT1 letter — attendance cause for concern\tSent\tOpen the letter');
    expect(amir).toContain('Registration certificate 2024-25');
    expect(amir).toContain('09/09/2024\tO O\tO O\tO O\tO O\tO O\t0 / 10');
    expect(amir).toContain('Registration certificate 2023-24');
    expect(amir).toContain('15/07/2024\t/ \\\t/ \\\t/ \\\t/ \\\tO O\t8 / 10');
    expect(amir).toContain('O\tAbsent in other or unknown circumstances\tUnauthorised absence');
  });

  it('names no other pupil: Evan, in a staff note, becomes [another pupil]', () => {
    const amir = textOf(docs(t)[1]);
    expect(amir).toContain('Meeting with Mrs Shah: argued with [another pupil] on the bus');
    expect(amir).toContain('Walks in with [another pupil] now; mentor offered');
    for (const d of docs(t)) {
      for (const other of ['Evan Marsh', 'Marsh, Evan', 'Dana Lowe', U.evan, U.dana]) expect({ doc: d._name, other, found: textOf(d).includes(other) }).toEqual({ doc: d._name, other, found: false });
    }
    // Each pack holds its own pupil only.
    expect(textOf(docs(t)[0])).not.toContain('Amir');
  });

  it('the threshold window is shaded in the certificate', () => {
    const amir = docs(t)[1];
    const cert = amir._body._kids.find((k: any) => k._type === 'TABLE' && /Week of/.test(k._text())) as any;
    const weekRow = cert._kids.findIndex((row: any) => row._kids[0]._text() === '09/09/2024');
    expect(cert._kids[weekRow]._kids[0]._background).toBe('#fff2cc');
    expect(cert._kids[weekRow]._kids[1]._background).toBe('#f4cccc');
  });
});

describe('a single pupil', () => {
  it('a sixth former gets no pack, and is told why', () => {
    const t = legalSchool();
    try {
      const r = run(t, { upns: [U.dana] });
      expect(r.packs).toEqual([]);
      expect(r.message).toBe('No evidence pack was made. 1 pupil is not of compulsory school age: no evidence pack (legal steps apply only to pupils of compulsory school age).');
      expect(docs(t)).toEqual([]);
    } finally {
      t.uninstall();
    }
  });

  it('Evan (threshold not met) can still have one made on request', () => {
    const t = legalSchool();
    try {
      const r = run(t, { upns: [U.evan] });
      expect(r.packs.map((p) => p.upn)).toEqual([U.evan]);
      expect(textOf(docs(t)[0])).toContain('The penalty notice threshold (10 sessions of unauthorised absence within 10 school weeks) has not been met in the register held.');
    } finally {
      t.uninstall();
    }
  });
});

describe('a run that stops for time', () => {
  it('carries on in the next call: every pack once, none twice', () => {
    const t = legalSchool();
    try {
      // A budget so small that each execution makes one pack (at least one is made per call).
      expect(saveSettings({ ...loadOverrides(), letters: { maxRunMillis: 1 } } as any)).toEqual([]);
      const first = run(t, { all: true });
      expect([first.made, first.total, first.stopped]).toEqual([1, 3, true]);
      // The next call (whatever it asks for) finishes the run that stopped.
      const second = run(t, { upns: [U.evan] });
      expect([second.resumed, second.made, second.stopped]).toEqual([true, 2, true]);
      const third = run(t, { all: true });
      expect([third.made, third.total, third.stopped]).toEqual([3, 3, false]);
      expect(docs(t).map((d) => d._name.split(' – ')[1])).toEqual(['Green, Bella (' + U.bella + ')', 'Shah, Amir (' + U.amir + ')', 'Reid, Callum (' + U.callum + ')']);
      expect(tabObjects(t.ss, 'Evidence Packs').map((x) => x.Status)).toEqual(['Made', 'Made', 'Made']);
    } finally {
      t.uninstall();
    }
  });
});

void DOMAIN;

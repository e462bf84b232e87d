/**
 * local/snapshot.ts: a snapshot of a local Google puts back, in place, everything the add-on or a
 * test can change — checked two ways: a fingerprint of every object reachable from the local
 * Google (written here, not the snapshot's walk), and what the services themselves report (tabs,
 * formats, notes, validations, protections, properties, triggers, documents, mail, counts).
 */
import { createHash } from 'crypto';
import { makeTracker, trackerSource, TrackerFixture } from '../fixtures/trackerFixture';
import { createLocalGoogle } from '../../local/google';
import { runExecution } from '../../local/services/execution';
import { sharedState, setUser } from '../../local/services/shared';
import { setOwner } from '../../local/services/spreadsheet/owner';
import type { LocalSheet } from '../../local/services/spreadsheet';
import { loadSettings } from '../../src/gas/settingsStore';
import { dailyRunJob } from '../../src/jobs/daily';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { docApp } from '../gas/docs/helpers';

const PUPILS = 20;

/** A hash of every object reachable from `roots`: own properties in order, Map/Set entries, Dates, holes. */
function fingerprint(roots: object[]): string {
  const h = createHash('sha256');
  // Hashed in 64 kB pieces: one update per token would be most of the time.
  let text = '';
  const put = (s: string) => {
    text += s;
    if (text.length > 65536) {
      h.update(text);
      text = '';
    }
  };
  const ids = new Map<object, number>();
  const walk = (v: unknown): void => {
    if (typeof v === 'function') return put(`fn ${v.name};`);
    if (v === null || typeof v !== 'object') return put(`${typeof v} ${String(v)};`);
    const id = ids.get(v);
    if (id !== undefined) return put(`@${id};`);
    ids.set(v, ids.size);
    if (v instanceof Date) return put(`date ${v.getTime()};`);
    if (ArrayBuffer.isView(v)) return put(`bytes ${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')};`);
    if (v instanceof Map) {
      put('map{');
      for (const [k, x] of v) {
        walk(k);
        walk(x);
      }
      return put('}');
    }
    if (v instanceof Set) {
      put('set{');
      for (const x of v) walk(x);
      return put('}');
    }
    if (Array.isArray(v)) {
      put(`[${v.length}:`);
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) continue; // a hole
        put(`${i}=`);
        walk(v[i]);
      }
      return put(']');
    }
    put('{');
    for (const k of Reflect.ownKeys(v)) {
      const d = Reflect.getOwnPropertyDescriptor(v, k)!;
      put(`${String(k)}${d.enumerable ? '' : '(hidden)'}=`);
      if ('value' in d) walk(d.value);
      else put('accessor;');
    }
    put('}');
  };
  roots.forEach(walk);
  h.update(text);
  return h.digest('hex');
}

/** Deep equality of JSON-safe data, as text (jest's deep equality only to show a difference: it is slow on whole tabs). */
function expectSame(got: unknown, want: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) expect(got).toEqual(want);
}

const everything = (t: TrackerFixture) => fingerprint([t.g, sharedState(t.g.env), t.reports]);

/** What the services report, tab by tab and service by service. */
function seen(t: TrackerFixture) {
  const s = sharedState(t.g.env);
  const ss = t.ss;
  return {
    spreadsheet: { name: ss.getName(), locale: ss.getSpreadsheetLocale(), timeZone: ss.getSpreadsheetTimeZone(), owner: ss.getOwner()?.getEmail() ?? null },
    tabs: ss.getSheets().map((sh) => {
      const range = sh.getRange(1, 1, sh.getMaxRows(), sh.getMaxColumns());
      const cols = Array.from({ length: sh.getMaxColumns() }, (_, i) => i + 1);
      return {
        name: sh.getName(),
        size: [sh.getMaxRows(), sh.getMaxColumns(), sh.getFrozenRows(), sh.getFrozenColumns()],
        hidden: sh.isSheetHidden(),
        tabColor: sh.getTabColor(),
        values: range.getValues().map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))),
        formulas: range.getFormulas(),
        formats: range.getNumberFormats(),
        backgrounds: range.getBackgrounds(),
        // Range.getNotes is not modelled: the cells' notes, as getNote would give them.
        notes: (sh as unknown as LocalSheet)._raw._grid._rows().flatMap((row, r) => (row ?? []).flatMap((c, i) => (c?.note ? [`${r + 1},${i + 1}: ${c.note}`] : []))),
        validations: range.getDataValidations().map((r) => r.map((dv) => (dv ? `${dv.getCriteriaType()} ${JSON.stringify(dv.getCriteriaValues())}` : ''))),
        protections: [...sh.getProtections(SpreadsheetApp.ProtectionType.SHEET), ...sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)].map((p) => `${p.getDescription()}|${p.getRange().getA1Notation()}|${p.isWarningOnly()}`),
        conditionalRules: sh.getConditionalFormatRules().length,
        widths: cols.map((c) => sh.getColumnWidth(c)),
        hiddenColumns: cols.filter((c) => sh.isColumnHiddenByUser(c)),
      };
    }),
    properties: {
      document: Object.fromEntries(s.documentProperties),
      script: Object.fromEntries(s.scriptProperties),
      user: [...s.userProperties].map(([u, m]) => [u, Object.fromEntries(m)]),
    },
    triggers: s.triggers.map((x) => `${x.handler} ${x.eventType} ${x.user}`),
    locks: Object.entries(s.locks).map(([kind, holder]) => `${kind}: ${holder === null ? 'free' : holder === 'other' ? 'other' : 'held'}`),
    user: s.user,
    documents: docApp(t.g)._documents().map((d) => ({ id: d._id, name: d._name, owner: d._owner, editors: [...d._editors], text: d.getBody().getText() })),
    mail: ((t.g.services.MailApp as any)._sent as any[]).map((m) => `${m.to}|${m.subject}|${m.body.length}`),
    quota: t.g.services.MailApp.getRemainingDailyQuota(),
    toasts: (t.g.app as any)._record.toasts.length,
    counts: { total: t.g.env.total, byName: t.g.env.countsByName(), ms: t.g.env.simulatedMs, pending: t.g.env.pendingFaults() },
    logs: [...t.g.env.logs],
    now: t.g.env.now.toISOString(),
  };
}

/** Everything the add-on and a test can change, changed: two jobs and a direct edit of each kind. */
function changeEverything(t: TrackerFixture): void {
  setUpLetterTemplatesJob(loadSettings());
  generateLetterRunJob(t.ss, loadSettings(), t.school.asOf, { type: 'AT1', cohort: { kind: 'all' } }, { clock: () => t.g.env.simulatedMs });
  runExecution(t.g.env, () => dailyRunJob(t.ss, loadSettings(), t.school.asOf));
  const ss = t.ss;
  ss.insertSheet('Scratch').getRange('A1').setValue('new tab');
  ss.deleteSheet(ss.getSheetByName('Progress')!);
  const pupils = ss.getSheetByName('Students')!;
  pupils.getRange('B2').setValue('Changed');
  pupils.getRange('C2').setNote('a note');
  pupils.getRange('D2').setNumberFormat('0.00');
  pupils.getRange('E2').setBackground('#ff0000');
  pupils.getRange('F2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build());
  pupils.getRange('A1:B2').protect().setDescription('locked').setWarningOnly(true);
  pupils.setColumnWidth(3, 250);
  pupils.hideColumns(4);
  pupils.setFrozenRows(3);
  pupils.setTabColor('#00ff00');
  pupils.insertRowsAfter(1, 5);
  ss.getSheetByName('Staff')!.hideSheet();
  ss.rename('Another name');
  ss.setSpreadsheetLocale('fr_FR');
  setOwner((pupils as unknown as LocalSheet)._raw._spreadsheet, null);
  ss.toast('hello');
  PropertiesService.getDocumentProperties().setProperty('doc', '1');
  PropertiesService.getScriptProperties().setProperty('script', '2');
  PropertiesService.getUserProperties().setProperty('user', '3');
  CacheService.getScriptCache()!.put('cache', '4', 600);
  ScriptApp.newTrigger('onOpenHandler').forSpreadsheet(ss).onOpen().create();
  LockService.getDocumentLock()!.tryLock(1);
  const doc = DocumentApp.create('A document');
  doc.getBody().appendParagraph('text');
  doc.addEditor('head.of.year@hillside.sch.uk');
  Docs!.Documents!.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'more ' } }] }, doc.getId());
  MailApp.sendEmail('head.of.year@hillside.sch.uk', 'Subject', 'Body');
  Logger.log('a log line');
  setUser(t.g.env, 'someone.else@hillside.sch.uk');
  t.g.env.now.setTime(t.g.env.now.getTime() + 86400000);
  t.g.env.failAt(1e9); // a fault still to come (never reached here)
}

describe('a snapshot of a local Google', () => {
  let t: TrackerFixture;
  beforeAll(() => {
    t = makeTracker({ pupils: PUPILS });
  });
  afterAll(() => t.uninstall());

  test('restore puts back every object reachable from it and everything the services report', () => {
    const snap = t.g.snapshot(t.reports);
    const before = { all: everything(t), seen: seen(t) };
    t.g.env.resetCounts(); // seen() counted calls: the snapshot was taken before them
    const countsAtSnapshot = { total: 0 };
    for (let round = 1; round <= 2; round++) {
      changeEverything(t);
      const changed = seen(t);
      // Each kind of change happened (so the comparison below can fail on each).
      for (const k of Object.keys(before.seen) as (keyof typeof before.seen)[]) {
        expect({ round, k, same: JSON.stringify(changed[k]) === JSON.stringify(before.seen[k]) }).toEqual({ round, k, same: false });
      }
      snap.restore();
      expect({ round, total: t.g.env.total }).toEqual({ round, ...countsAtSnapshot });
      expect(everything(t)).toBe(before.all);
      expectSame(seen(t), before.seen);
      t.g.env.resetCounts();
    }
  });
});

test('a tracker source hands out the tracker as built: a job run on it gives the same result each time, whatever ran before', () => {
  const source = trackerSource({ pupils: PUPILS }, () => setUpLetterTemplatesJob(loadSettings()));
  const run = () => {
    const t = source.next();
    try {
      expect(t.g.env.total).toBe(0);
      generateLetterRunJob(t.ss, loadSettings(), t.school.asOf, { type: 'AT1', cohort: { kind: 'all' } }, { clock: () => t.g.env.simulatedMs });
      runExecution(t.g.env, () => dailyRunJob(t.ss, loadSettings(), t.school.asOf));
      return { everything: everything(t), seen: seen(t) };
    } finally {
      t.uninstall();
    }
  };
  const first = run();
  const other = source.next();
  try {
    changeEverything(other);
  } finally {
    other.uninstall();
  }
  const again = run();
  expectSame(again.seen, first.seen);
  expect(again.everything).toBe(first.everything);
});

test('a tracker source gives one tracker at a time; a snapshot is taken and restored between executions; a WeakMap is refused', () => {
  const source = trackerSource({ pupils: PUPILS, tabs: ['Students', 'Staff'] });
  const t = source.next();
  try {
    expect(() => source.next()).toThrow(/uninstall/);
    const snap = t.g.snapshot();
    expect(() => runExecution(t.g.env, () => snap.restore())).toThrow(/between executions/);
    expect(() => runExecution(t.g.env, () => t.g.snapshot())).toThrow(/between executions/);
  } finally {
    t.uninstall();
  }
  source.next().uninstall();
  const g = createLocalGoogle();
  expect(() => g.snapshot({ side: new WeakMap() })).toThrow(/WeakMap/);
});

/**
 * "Check this tracker" (Help menu, issue 15): what this tracker's real Google account and files
 * look like against the limits the local services model — the things a test on this computer
 * cannot prove. Facts in (read by gas/trackerFacts.ts), plain sentences out, each marked OK or
 * "Check". Pure: no Google service, no clock.
 */
export interface TrackerFacts {
  user: string;
  owner: string;
  locale: string;
  timeZone: string;
  scriptTimeZone: string;
  /** Cells per tab, blank ones included (maxRows × maxColumns). */
  tabs: Array<{ name: string; cells: number }>;
  templates: Array<{ type: string; title: string; id: string; opens: boolean; owner: string; editors: number }>;
  morning: { enabled: boolean; mine: number; lastRun: string };
  mailQuota: number | null;
  allowedDomains: string[];
}

export interface CheckLine {
  ok: boolean;
  text: string;
}

export const CELL_LIMIT = 10000000;
/** The long-form marks tab of trackers made before the Register. */
export const OLD_MARKS_TAB = 'Attendance Marks';
const WANT_LOCALE = 'en_GB';
const WANT_ZONE = 'Europe/London';

const n = (x: number) => x.toLocaleString('en-GB');

export function checkTracker(f: TrackerFacts): CheckLine[] {
  const lines: CheckLine[] = [];
  const add = (ok: boolean, text: string) => lines.push({ ok, text });

  add(true, `You are ${f.user || 'not known to Google (signed in outside the school?)'}; the tracker's owner is ${f.owner || 'not known (a shared drive, and nobody has run Set up tracker)'}.`);

  const uk = f.locale === WANT_LOCALE && f.timeZone === WANT_ZONE;
  add(uk, uk
    ? `Locale ${f.locale} and time zone ${f.timeZone}: typed dates read as dd/mm/yyyy and dates are UK days.`
    : `Locale ${f.locale}, time zone ${f.timeZone}: Set up tracker sets ${WANT_LOCALE} and ${WANT_ZONE}. The add-on reads dates in the tracker's own zone, but dates staff type are read in the ${f.locale} order — run Set up tracker, or change File → Settings.`);
  if (f.scriptTimeZone && f.scriptTimeZone !== WANT_ZONE) add(false, `The add-on's own time zone is ${f.scriptTimeZone}, not ${WANT_ZONE}: tell whoever publishes it.`);

  const total = f.tabs.reduce((a, t) => a + t.cells, 0);
  const share = total / CELL_LIMIT;
  const biggest = f.tabs.slice().sort((a, b) => b.cells - a.cells).slice(0, 3).map((t) => `${t.name} ${n(t.cells)}`).join(', ');
  add(share < 0.8, `Size: ${n(total)} of Google's ${n(CELL_LIMIT)} cells per spreadsheet (${Math.round(share * 100)}%), blank cells included. Largest tabs: ${biggest || 'none'}.` +
    (share >= 0.8 ? ' Near the limit: delete empty columns and rows of big tabs, and old Import tabs, before the next import.' : ''));

  // A tracker from before the Register (issue 22) still holds its marks a row each: read as well, slowly.
  const old = f.tabs.find((t) => t.name === OLD_MARKS_TAB);
  if (old) {
    add(false, `${OLD_MARKS_TAB} (${n(old.cells)} cells) is the register as older versions kept it, a row per mark: its marks are still read, beside the Register's, but slowly. ` +
      `Move them across: Data → Make an import tab… → ${OLD_MARKS_TAB}, paste that tab's rows, Data → Import pasted data; check the Register, then delete the ${OLD_MARKS_TAB} tab.`);
  }

  const made = f.templates.filter((t) => t.id);
  if (!made.length) add(false, 'Letter templates: none yet — run Letters → Set up letter templates.');
  else for (const t of f.templates.filter((x) => !x.id)) add(false, `${t.title}: no template yet — run Letters → Set up letter templates.`);
  const opening = made.filter((t) => t.opens);
  if (opening.length) {
    const makers = Array.from(new Set(opening.map((t) => t.owner).filter(Boolean)));
    const editors = opening.map((t) => t.editors);
    const lo = Math.min(...editors);
    const hi = Math.max(...editors);
    add(true, `${opening.length} letter template(s) open for you${makers.length ? ` (made by ${makers.join(', ')})` : ''}; each is shared with ${lo === hi ? lo : `${lo}–${hi}`} editor(s).`);
  }
  for (const t of made.filter((x) => !x.opens)) {
    add(false, `${t.title} template does NOT open for you${t.owner ? `: it belongs to ${t.owner} — ask them to run Set up letter templates or share it with you` : ' — ask whoever made it to share it with you'}.`);
  }

  add(f.morning.enabled, f.morning.enabled
    ? `Morning e-mails are on for this tracker; ${f.morning.mine ? 'your morning trigger is set here' : 'you have no morning trigger here (each person sees only their own): if nobody else turned them on, QA calendar → Turn on morning e-mails'}.`
    : `Morning e-mails are OFF for this tracker (Settings): no one's trigger sends them${f.morning.mine ? `; your trigger stays but does nothing` : ''}.`);
  add(!/— Failed/.test(f.morning.lastRun), f.morning.lastRun);

  if (f.mailQuota === null) add(false, 'E-mail quota: Google did not say how many e-mails are left today.');
  else add(f.mailQuota >= 50, `E-mail: ${n(f.mailQuota)} recipient(s) left today (Google allows 100 a day on a personal account, 1,500 on Workspace). A message may hold at most 200 KB of text on a personal account, 400 KB on Workspace.`);

  const domain = (f.user.split('@')[1] || '').toLowerCase();
  if (!f.allowedDomains.length) add(false, 'Allowed e-mail domains: none set (Settings → school), so no staff e-mail is sent.');
  else add(!domain || f.allowedDomains.indexOf(domain) >= 0, `Staff e-mail goes only to: ${f.allowedDomains.join(', ')}.` + (domain && f.allowedDomains.indexOf(domain) < 0 ? ` Your own address (${domain}) is not one of them.` : ''));
  return lines;
}

export function describeCheck(lines: CheckLine[]): string {
  const problems = lines.filter((l) => !l.ok).length;
  return [problems ? `${problems} thing(s) to check:` : 'Everything checked is as it should be.', ''].concat(lines.map((l) => `${l.ok ? 'OK' : 'Check'} — ${l.text}`)).join('\n');
}

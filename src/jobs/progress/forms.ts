/**
 * Sidebar form jobs (issue 8): a mentoring slip → Mentoring Slips; a session request → Sessions.
 * Each reads Students once, checks the form with core/progress/forms, and appends one row by key
 * (a log only grows: a second slip from the same person about the same pupil on the same day, or
 * the same pupil + subject + date requested twice, is refused rather than overwriting).
 */
import { IsoDate, toUk } from '../../core/dates';
import { Settings } from '../../core/settings';
import { checkSessionRequest, checkSlip, pupilChoices, sessionYear, slipPupils } from '../../core/progress/forms';
import { appendNewByKey } from '../../gas/tables';
import { loadTabs } from '../load';
import { proseName } from '../../core/pupils/names';
import { rollIndex } from '../../core/pupils/roll';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FormResult {
  ok: boolean;
  /** What to show the person: the confirmation, or every problem with the form. */
  messages: string[];
}

export function slipPupilChoices(ss: Spreadsheet, settings: Settings, asOf: IsoDate) {
  const { data } = loadTabs(ss, ['Students']);
  const pupils = data.Students || [];
  return {
    slip: pupilChoices(slipPupils(pupils, asOf, settings)),
    sessionYear: sessionYear(settings),
    today: asOf,
  };
}

export function recordSlipJob(ss: Spreadsheet, form: Record<string, unknown>, from: string, settings: Settings, asOf: IsoDate): FormResult {
  const { data } = loadTabs(ss, ['Students']);
  const pupils = data.Students || [];
  const check = checkSlip(form, from, pupils, asOf, settings);
  if (!check.record) return { ok: false, messages: check.errors };
  const added = appendNewByKey(ss, 'Mentoring Slips', [check.record as unknown as Record<string, unknown>]);
  const pupil = rollIndex(pupils, asOf).get(check.record.upn.toUpperCase());
  const name = pupil ? proseName(pupil) : check.record.upn;
  if (!added) return { ok: false, messages: [`You already sent a slip about ${name} today (${toUk(asOf)}). Add to it in the Mentoring Slips tab.`] };
  return { ok: true, messages: [`Slip about ${name} saved for their mentor${pupil && pupil.mentor ? '' : ' (no mentor is set on the Students tab yet)'}.`] };
}

export function requestSessionJob(ss: Spreadsheet, form: Record<string, unknown>, requestedBy: string, settings: Settings, asOf: IsoDate): FormResult {
  const { data } = loadTabs(ss, ['Students']);
  const pupils = data.Students || [];
  const check = checkSessionRequest(form, requestedBy, pupils, asOf, settings);
  if (!check.record) return { ok: false, messages: check.errors };
  const r = check.record;
  const added = appendNewByKey(ss, 'Sessions', [r as unknown as Record<string, unknown>]);
  const pupil = rollIndex(pupils, asOf).get(r.upn.toUpperCase());
  const name = pupil ? proseName(pupil) : r.upn;
  if (!added) return { ok: false, messages: [`${name} is already requested for ${r.subject} on ${toUk(r.date)}.`] };
  return { ok: true, messages: [`${name} requested for ${r.subject} (${r.slot.toLowerCase()}${r.time ? ', ' + r.time : ''}) on ${toUk(r.date)}. The leadership team gets the list that morning.`] };
}

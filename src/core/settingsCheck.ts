/**
 * Whether a school's settings can be used: each problem a person can fix in one message (the
 * Settings sidebar shows them beside the field; the dry run stops on them).
 */
import { Settings } from './settings';

/** Problems a person can fix, one message each; empty when the settings are usable. */
export function validateSettings(s: Settings): string[] {
  const errs: string[] = [];
  const pct = (v: number, name: string) => {
    if (typeof v !== 'number' || !isFinite(v) || v < 0 || v > 100) errs.push(`${name} must be a percentage from 0 to 100 (it is ${v}).`);
  };
  pct(s.attendance.rewardAbove, 'The reward threshold');
  pct(s.attendance.level1From, 'The level 1 threshold');
  pct(s.attendance.persistentAbsenceFrom, 'The persistent absence threshold');
  pct(s.attendance.severeAbsenceFrom, 'The severe absence threshold');
  if (s.dashboard.nationalAttendance !== null) pct(s.dashboard.nationalAttendance, 'The national attendance figure');
  if (s.dashboard.nationalPaRate !== null) pct(s.dashboard.nationalPaRate, 'The national persistent absence rate');
  if (s.attendance.level1From > s.attendance.rewardAbove) errs.push('The level 1 threshold must not be above the reward threshold.');
  const whole = (v: number, name: string, min = 1, max = 1000) => {
    if (!Number.isInteger(v) || v < min || v > max) errs.push(`${name} must be a whole number from ${min} to ${max} (it is ${v}).`);
  };
  whole(s.homework.pinkAt, 'Misses for pink');
  whole(s.homework.redAt, 'Misses for red');
  if (s.homework.redAt <= s.homework.pinkAt) errs.push('Misses for red must be more than misses for pink.');
  whole(s.homework.persistentWeeks, 'Weeks for persistent');
  whole(s.homework.persistentWindow, 'The persistence window');
  if (s.homework.persistentWeeks > s.homework.persistentWindow) errs.push('Weeks for persistent cannot exceed the window.');
  whole(s.attendance.at1MonitorWeeks, 'AT1 monitoring weeks', 1, 52);
  whole(s.attendance.at2MonitorWeeks, 'AT2 monitoring weeks', 1, 52);
  whole(s.attendance.panelMonitorWeeks, 'Panel monitoring weeks', 1, 52);
  whole(s.attendance.academicYearStartMonth, 'The month the academic year starts', 1, 12);
  whole(s.attendance.minimumSessions, 'The minimum possible sessions for a stage', 0, 400);
  whole(s.progress.belowTargetSubGrades, 'Sub-grades under the target that count as below target', 1, 27);
  whole(s.triggers.morningHour, 'The morning trigger hour', 0, 23);
  whole(s.email.chaseEveryDays, 'Days between reminders', 1, 60);
  whole(s.email.inlineRows, 'Rows printed in an e-mail', 0, 200);
  whole(s.email.maxBodyKb, 'The e-mail body budget (KB)', 20, 190);
  whole(s.letters.legalWordingFromUnauthorised, 'Unauthorised sessions for legal wording in letters', 0, 1000);
  for (const d of s.school.allowedDomains) {
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(d)) errs.push(`"${d}" is not an e-mail domain (write it like school.sch.uk).`);
  }
  for (const t of s.calendar.halfTerms) {
    if (!(t.start <= t.end)) errs.push(`Half term "${t.name}" ends before it starts.`);
  }
  // The framework sets the improvement period at 3 to 6 weeks.
  whole(s.legal.improvementWeeks, 'The Notice to Improve improvement period (weeks)', 3, 6);
  whole(s.legal.noticeYears, 'The years penalty notices are counted over', 1, 10);
  whole(s.legal.noticeLimit, 'Penalty notices per parent in that time', 1, 10);
  whole(s.legal.reducedWithinDays, 'Days to pay the reduced penalty', 1, 60);
  whole(s.legal.payWithinDays, 'Days to pay the penalty', 1, 90);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(s.legal.countNoticesFrom))) errs.push(`The date penalty notices count from must be a date (it is ${s.legal.countNoticesFrom}).`);
  return errs;
}

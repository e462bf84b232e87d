/**
 * Help → Check this tracker (issue 15): a self-test that runs on the real Google account and says,
 * in plain words, what a test on a computer cannot prove — the tracker's locale and time zone, its
 * size against Google's 10 million cells, whether each letter template opens for the person asking
 * and whose it is, the morning trigger and its last run, the e-mail quota left, the allowed e-mail
 * domains. It reads only; it changes nothing.
 */
import { menuItem } from './wrap';
import { loadSettings } from '../gas/settingsStore';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { checkTrackerJob } from '../jobs/checkTracker';

/** Menu: Check this tracker (staff: it shows template owners and the quota, no pupil data). */
export const checkThisTracker = menuItem('Check this tracker', 'staff', () => checkTrackerJob(activeSpreadsheet(), loadSettings()));

/**
 * Entry points of "My open interventions" (issue 20): the menu item that shows the sidebar, the
 * sidebar's list and its click that selects a row on the Interventions tab. Read-only on the
 * data (no lock): selecting a row changes only the caller's own view.
 */
import { menuItem, sidebarCall } from './wrap';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { todayIso } from '../gas/clock';
import { UserError } from '../core/errors';
import { MyItems } from '../core/interventions/ownedBy';
import { myInterventionsJob, selectInterventionJob } from '../jobs/myInterventions';

/** Menu: Data → My open interventions… */
export const showMyInterventions = menuItem('My open interventions', 'staff', () => showSidebar('myInterventions', 'My open interventions'));

/** Sidebar: the caller's open Interventions rows. */
export const getMyInterventions = sidebarCall('staff', (caller): MyItems & { skipped: number } =>
  myInterventionsJob(activeSpreadsheet(), caller.email, todayIso()));

/** Sidebar: select the row with this Key on the Interventions tab (found at the click). */
export const goToIntervention = sidebarCall('staff', (_caller, key: unknown): { row: number } => {
  if (typeof key !== 'string' || !key.trim() || key.length > 300) throw new UserError('That item could not be read: reopen My open interventions and try again.');
  return selectInterventionJob(activeSpreadsheet(), key);
});

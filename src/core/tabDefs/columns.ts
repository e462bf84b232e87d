/** Column pieces and drop-down lists several tabs share (core/tabs.ts lists the tabs). */
import type { ColumnDef } from '../tabs';

export const YES_NO = ['Yes', 'No'];
export const INTERVENTION_STATUS = ['Open', 'Done', 'Cancelled'];
export const LETTER_STATUS = ['Produced', 'Sent', 'Out of date', 'Cancelled'];
export const QA_STATUS = ['', 'Done', "QA'd", 'Reviewed'];

/** The rungs a Head of Year may allow out of order on the Attendance tab (SPEC §4.2). */
export const HOY_OVERRIDE_OPTIONS = ['', 'AT2', 'panel', 'EWO'];

export const upnCol: ColumnDef = { header: 'UPN', field: 'upn', kind: 'text', aliases: ['Unique Pupil Number', 'Pupil UPN'], required: true };

/** The date a row is about (a homework missed, a meeting, a session …), as staff type it. */
export const dateCol: ColumnDef = { header: 'Date', field: 'date', kind: 'date', required: true };

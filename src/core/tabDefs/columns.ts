/** Column pieces and drop-down lists several tabs share (core/tabs.ts lists the tabs). */
import type { ColumnDef, ColumnKind, TabDef, TabName } from '../tabs';

export const YES_NO = ['Yes', 'No'];
export const INTERVENTION_STATUS = ['Open', 'Done', 'Cancelled'];
export const LETTER_STATUS = ['Produced', 'Sent', 'Out of date', 'Cancelled'];
export const QA_STATUS = ['', 'Done', "QA'd", 'Reviewed'];

/** The rungs a Head of Year may allow out of order on the Attendance tab (SPEC §4.2). */
export const HOY_OVERRIDE_OPTIONS = ['', 'AT2', 'panel', 'EWO'];

export const upnCol: ColumnDef = { header: 'UPN', field: 'upn', kind: 'text', aliases: ['Unique Pupil Number', 'Pupil UPN'], required: true };

/** The date a row is about (a homework missed, a meeting, a session …), as staff type it. */
export const dateCol: ColumnDef = { header: 'Date', field: 'date', kind: 'date', required: true };

/**
 * A column the add-on writes (SPEC §2: staff see it; an edit there is overwritten by the next run).
 * `more`: what an import or an older tracker may call it (aliases), whether a row needs it.
 * Columns staff or the MIS fill in are written out as ColumnDef literals: their aliases and
 * drop-downs differ column by column. Both are plain ColumnDefs to every reader of the tabs.
 */
export function owned(header: string, field: string, kind: ColumnKind = 'text', more: Omit<Partial<ColumnDef>, 'owned'> = {}): ColumnDef {
  return { header, field, kind, ...more, owned: true };
}

const yearAndRegGroup: ColumnDef[] = [owned('Year', 'year', 'number'), owned('Reg Group', 'regGroup')];

/** A list of pupils the add-on writes starts with who each row is (core/pupils/identity.ts): UPN, Name, Year, Reg Group. */
export const pupilColumns: ColumnDef[] = [{ ...upnCol, owned: true }, owned('Name', 'name'), ...yearAndRegGroup];

/** Beside the UPN on a log (Interventions, Letters Log), so a row reads without a look-up (issues 18, 20): written with each new row. */
export const whoColumns: ColumnDef[] = [owned('Pupil', 'pupilName'), ...yearAndRegGroup];

/**
 * A tab of things that happen to a pupil on a day, as staff type them (a missed homework, a mentor
 * meeting, a slip, a session): Date and UPN first, then the tab's own columns. `key`: the fields a
 * row is found by (date and UPN among them), in the order the tab has always used.
 */
export function pupilDayTab(name: TabName, key: string[], columns: ColumnDef[]): TabDef {
  return { name, key, columns: [dateCol, upnCol, ...columns] };
}

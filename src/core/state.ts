/**
 * What the add-on remembers about a tracker between runs (document properties): each memory is a
 * typed key, built and parsed here, so a job reads and writes values, never strings it splits.
 * Shared by everyone who uses the spreadsheet, so a memory holds no pupil data: months, weeks,
 * rounds, hashes and counts only. The stored strings are unchanged from earlier versions, so a
 * tracker upgraded mid-term keeps what it remembered. src/gas/stateStore.ts reads and writes them.
 */
import { IsoDate } from './dates';
import { Checkpoint, readCheckpoint } from './importCheckpoint';
import { OpenWeeks } from './attendance/openWeeks';

export interface StateKey<T> {
  /** The property's name. */
  readonly name: string;
  /** The value for a stored string, or for none (null); a damaged string reads as none. */
  parse(raw: string | null): T;
  /** The string to store; null deletes the property. */
  format(value: T): string | null;
}

/**
 * The last progress review round. A new round is claimed before the Status column is written
 * (`pendingFrom`: a hash of the Status column it started from) and confirmed after, so a re-run
 * after a failed call can tell its own half-done work from last round's (jobs/progress/review.ts).
 * Stored as "<round>" or "<round>|pending|<hash>".
 */
export interface ProgressRoundMemory {
  round: string;
  pendingFrom?: string;
}

export const PROGRESS_ROUND: StateKey<ProgressRoundMemory | null> = {
  name: 'pastoralTracker.progress.round',
  parse(raw) {
    if (!raw) return null;
    const parts = raw.split('|');
    return parts.length === 3 && parts[1] === 'pending' ? { round: parts[0], pendingFrom: parts[2] } : { round: raw };
  },
  format(v) {
    return !v ? null : v.pendingFrom === undefined ? v.round : `${v.round}|pending|${v.pendingFrom}`;
  },
};

/** A plain text memory ('' when none). */
function textKey(name: string): StateKey<string> {
  return { name, parse: (raw) => raw || '', format: (v) => v || null };
}

/** The month ("YYYY-MM") the mentoring packs were last sent. */
export const MENTORING_PACK_MONTH = textKey('pastoralTracker.mentoring.packMonth');
/** The week (its Monday) the mentors were last reminded. */
export const MENTORING_REMINDED_WEEK = textKey('pastoralTracker.mentoring.remindedWeek');

/** QA work a morning run could not finish: days whose reminders are owed, the digest week owed. */
export interface QaPending {
  morning: IsoDate[];
  digestWeek: IsoDate | '';
}

export const QA_PENDING: StateKey<QaPending> = {
  name: 'pastoralTracker.qa.pending',
  parse(raw) {
    const none: QaPending = { morning: [], digestWeek: '' };
    if (!raw) return none;
    try {
      const p = JSON.parse(raw) as Partial<QaPending>;
      return { morning: Array.isArray(p.morning) ? p.morning.filter((d) => typeof d === 'string') : [], digestWeek: typeof p.digestWeek === 'string' ? p.digestWeek : '' };
    } catch (e) {
      return none;
    }
  },
  format: (v) => JSON.stringify(v),
};

/** A big import's checkpoint for one tab (core/importCheckpoint.ts); null deletes it. */
export function importCheckpointKey(tab: string): StateKey<Checkpoint | null> {
  return { name: `pastoralTracker.import.${tab}`, parse: readCheckpoint, format: (v) => (v ? JSON.stringify(v) : null) };
}

/** Under Apps Script's 9 kB a property value (local/services/properties.ts), with room to spare. */
const OPEN_WEEKS_MAX_CHARS = 8000;

/**
 * The school's open sessions by week (core/attendance/openWeeks.ts), kept by the imports and the
 * attendance review so one pupil's profile need not read every pupil's marks. A calendar, no pupil
 * data. Stored as JSON {"2024-01-08":1023,…}; past Apps Script's 9 kB a value (about 480 weeks)
 * it is not kept, and the profile reads the whole Register instead.
 */
export const REGISTER_OPEN_WEEKS: StateKey<OpenWeeks | null> = {
  name: 'pastoralTracker.register.openWeeks',
  parse(raw) {
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as unknown;
      if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
      const out: OpenWeeks = {};
      for (const [k, bits] of Object.entries(v as Record<string, unknown>)) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(k) || typeof bits !== 'number' || bits < 0 || bits > 1023 || Math.floor(bits) !== bits) return null;
        out[k] = bits;
      }
      return out;
    } catch (e) {
      return null;
    }
  },
  format(v) {
    if (!v) return null;
    const raw = JSON.stringify(v);
    return raw.length > OPEN_WEEKS_MAX_CHARS ? null : raw;
  },
};


/** A count of imports that changed the tracker: a review remembers the one it read (ATTENDANCE_REVIEWED). */
export const DATA_GENERATION: StateKey<number> = {
  name: 'pastoralTracker.data.generation',
  parse: (raw) => (raw && /^\d+$/.test(raw) ? Number(raw) : 0),
  format: (v) => String(v),
};

/**
 * Imports that changed each tab, by the tab's name. A tab's kept copy (core/tabCopy.ts) stands
 * while its count is unchanged, so a morning's import of marks does not make the letter preview
 * read the Homework Log whole again. (An earlier version also counted under "*" a change it could
 * not place; such a count is read and ignored.) The last
 * review remembers the counts of the tabs it reads (ATTENDANCE_REVIEWED). Tab names and counts only.
 */
export const TAB_IMPORTS: StateKey<Record<string, number>> = {
  name: 'pastoralTracker.data.tabImports',
  parse: (raw) => {
    try {
      const v = raw ? (JSON.parse(raw) as unknown) : null;
      if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
      const out: Record<string, number> = {};
      for (const [k, n] of Object.entries(v as Record<string, unknown>)) if (typeof n === 'number' && n >= 0) out[k] = n;
      return out;
    } catch (e) {
      return {};
    }
  },
  format: (v) => (Object.keys(v).length ? JSON.stringify(v) : null),
};

/**
 * The last attendance review: the data generation it read, the day it reviewed for, and the import
 * counts of the tabs it reads (jobs/imported.ts importCounts: "3.0.1.0.0.2.0"), so an import
 * into a tab it does not read (the Homework Log) leaves it current. (No clock time: a memory that
 * differs run to run for the same work would make two identical runs differ.)
 */
export interface ReviewedMemory {
  generation: number;
  asOf: IsoDate;
  /** '' in a memory kept before the counts were: never current, so reviewed again once. */
  inputs: string;
}

export const ATTENDANCE_REVIEWED: StateKey<ReviewedMemory | null> = {
  name: 'pastoralTracker.attendance.reviewed',
  parse(raw) {
    const m = raw ? /^(\d+)\|(\d{4}-\d{2}-\d{2})(?:\|([\d.|]*))?$/.exec(raw) : null;
    return m ? { generation: Number(m[1]), asOf: m[2], inputs: m[3] || '' } : null;
  },
  format: (v) => (v ? `${v.generation}|${v.asOf}${v.inputs ? `|${v.inputs}` : ''}` : null),
};

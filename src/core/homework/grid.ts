/**
 * The Homework Tracker tab (SPEC §2): a pupil × school week grid, as values plus the conditional
 * format rules as plain data (gas/ turns them into ConditionalFormatRules, local/ into .xlsx
 * rules). A week with no misses is written as '' rather than 0 so pink and red stand out and the
 * grid reads like the paper tracker; the rules test numbers, so blanks are never coloured. A third
 * rule shows Persistent "Yes".
 */
import { IsoDate, toUk } from '../dates';
import { Settings } from '../settings';
import { Pupil } from '../types';
import { weekActionText } from './ladder';
import { HomeworkWeeks } from './weeks';
import { normUpn, listName } from '../pupils/names';
import { comparePupils, rollIndex } from '../pupils/roll';

/** Readable on screen and in print: black on pink, white bold on a strong red (contrast > 4.5:1). */
export const HOMEWORK_COLOURS = {
  pink: { background: '#f4b6c2', fontColor: '#000000', bold: false },
  red: { background: '#cc0000', fontColor: '#ffffff', bold: true },
};

/** Persistent "Yes" in bold dark red on light red: it is the one word on the row a Head of Year acts on. */
export const PERSISTENT_COLOURS = { background: '#f4cccc', fontColor: '#990000', bold: true };

// The counts are this academic year's, and say so (issue 20): a Head of Year reading "Weeks Red 4"
// in January must not wonder whether it is this half term.
export const TRACKER_FIXED_HEADERS = [
  'UPN', 'Name', 'Year', 'Reg Group', 'PP', 'EAL', 'SEN',
  'Weeks Pink (year to date)', 'Weeks Red (year to date)', 'Lates (year to date)', 'Persistent', 'This Week Action',
];

export interface FormatRule {
  /** 1-based, as Sheets' getRange(row, column, numRows, numColumns). */
  range: { row: number; col: number; numRows: number; numCols: number };
  kind: 'between' | 'gte' | 'text';
  values: Array<number | string>;
  background: string;
  fontColor: string;
  bold: boolean;
}

export type Cell = string | number;

export interface TrackerGrid {
  values: Cell[][];
  rules: FormatRule[];
  /** ISO Monday of each week column, in column order (the header shows them as dd/mm/yyyy). */
  weekColumns: IsoDate[];
}

const yes = (b: boolean) => (b ? 'Yes' : 'No');

/** Header row, then one row per pupil on roll (year, reg group, surname); weeks oldest first. */
export function trackerGrid(hw: HomeworkWeeks, pupils: Pupil[], asOf: IsoDate, settings: Settings): TrackerGrid {
  const roll = Array.from(rollIndex(pupils, asOf).values()).sort(comparePupils);
  const header: Cell[] = TRACKER_FIXED_HEADERS.concat(hw.weeks.map(toUk));
  const values: Cell[][] = [header];
  for (const p of roll) {
    const ph = hw.pupils.get(normUpn(p.upn));
    const row: Cell[] = [p.upn, listName(p), p.year, p.regGroup, yes(p.pp), yes(p.eal), yes(p.sen)];
    if (ph) {
      row.push(ph.weeksPink, ph.weeksRed, ph.lates, yes(ph.persistent), weekActionText(ph));
      for (const w of ph.weeks) row.push(w.misses === 0 ? '' : w.misses);
    } else {
      row.push(0, 0, 0, 'No', '');
      for (let i = 0; i < hw.weeks.length; i++) row.push('');
    }
    values.push(row);
  }
  const range = { row: 2, col: TRACKER_FIXED_HEADERS.length + 1, numRows: roll.length, numCols: hw.weeks.length };
  const { pinkAt, redAt } = settings.homework;
  const rules: FormatRule[] = range.numRows > 0 && range.numCols > 0 ? [
    { range, kind: 'between', values: [pinkAt, redAt - 1], ...HOMEWORK_COLOURS.pink },
    { range, kind: 'gte', values: [redAt], ...HOMEWORK_COLOURS.red },
  ] : [];
  const persistentCol = TRACKER_FIXED_HEADERS.indexOf('Persistent') + 1;
  if (roll.length) rules.push({ range: { row: 2, col: persistentCol, numRows: roll.length, numCols: 1 }, kind: 'text', values: ['Yes'], ...PERSISTENT_COLOURS });
  return { values, rules, weekColumns: hw.weeks.slice() };
}

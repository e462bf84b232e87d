/**
 * A reproducible synthetic school (a whole year of register marks for many pupils):
 * `pupils` pupils, two marks a day over the first `days` weekdays from 4 Sep 2023, mostly present,
 * with some illness, lates, holidays and unauthorised absence from a seeded generator.
 */
import { Mark, Pupil, LetterLogEntry } from '../../../src/core/types';
import { weekdays, pupil } from './helpers';

export function syntheticSchool(pupils = 2000, days = 190, seed = 42): { pupils: Pupil[]; marks: Mark[]; letters: LetterLogEntry[] } {
  let x = seed >>> 0;
  const rand = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
  const dates = weekdays('2023-09-04', '2024-07-19').slice(0, days);
  const list: Pupil[] = [];
  const marks: Mark[] = [];
  const codes = ['/', '/', '/', '/', '/', '/', '/', '/', '/', 'L', 'C', 'M', 'G', 'N', 'U', 'O'];
  for (let i = 0; i < pupils; i++) {
    const upn = `A${String(100000000000 + i)}`;
    const year = 7 + (i % 5);
    list.push(pupil(upn, { year, regGroup: `${year}${'ABCDEFGH'[i % 8]}` }));
    const absenceRate = rand() * 0.2;
    for (const d of dates) {
      for (const session of ['AM', 'PM'] as const) {
        const code = rand() < absenceRate ? codes[9 + Math.floor(rand() * 7)] : '/';
        marks.push({ upn, date: d, session, code });
      }
    }
  }
  return { pupils: list, marks, letters: [] };
}

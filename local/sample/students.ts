/**
 * The pupils: names, UPNs, cohorts (PP / EAL / SEN), parents, Y10/Y11 mentors, classes, three
 * leavers and the canary. Each pupil also gets made-up tendencies (absence, homework, ability)
 * that the other generators read, so one child looks consistent across every table.
 */
import { IsoDate } from '../../src/core/dates';
import { Rng } from './random';
import { makeUpn } from './upn';
import { FORENAMES, PARENT_DOMAINS, PARENTS, STREETS, SURNAMES, TOWNS } from './names';
import { asciiPart, SampleStaffList } from './staff';
import { CORE_SUBJECTS, SampleClass, SamplePupil, SUBJECT_CODES, SUBJECTS } from './model';

/** The leak-test canary: a fixed pupil whose name and UPN must never appear where they should not. */
export const CANARY = { upn: 'N999999912001', forename: 'Canary', surname: 'Testpupil', year: 11 } as const;

export const YEARS = [7, 8, 9, 10, 11];
const GROUP_LETTERS = 'ABCDEFGHJKLMNPQR';
/** Neighbouring local authorities whose primaries allocated our pupils' UPNs (made-up numbers). */
const LA_CODES = [873, 874, 875, 880];

export function regGroupsFor(pupils: number): Record<number, string[]> {
  const perYear = Math.round(pupils / YEARS.length);
  const groups = Math.min(GROUP_LETTERS.length, Math.max(1, Math.round(perYear / 25)));
  const out: Record<number, string[]> = {};
  for (const y of YEARS) out[y] = GROUP_LETTERS.slice(0, groups).split('').map((l) => `${y}${l}`);
  return out;
}

/** Absence tendency by band, so the school has pupils at every stage (SPEC §4.2). */
function absenceRate(rng: Rng): number {
  const band = rng.weighted(['reward', 'level1', 'level2', 'pa', 'sa'], [56, 21, 7, 15.5, 0.5]);
  switch (band) {
    case 'reward': return rng.next() * 0.022;
    case 'level1': return 0.032 + rng.next() * 0.022;
    case 'level2': return 0.065 + rng.next() * 0.025;
    case 'pa': return 0.115 + rng.next() * 0.16;
    default: return 0.55 + rng.next() * 0.25;
  }
}

/** Homework misses per week: most pupils rarely miss, a few miss every week. */
function homeworkRate(rng: Rng): number {
  const band = rng.weighted([0, 1, 2, 3], [55, 30, 12, 3]);
  return [0.04 + rng.next() * 0.14, 0.25 + rng.next() * 0.4, 0.7 + rng.next() * 0.8, 1.8 + rng.next() * 1.6][band] * 0.9;
}

export function generatePupils(rng: Rng, count: number, staff: SampleStaffList, days: IsoDate[]): SamplePupil[] {
  const groups = regGroupsFor(count);
  const perYear = Math.round(count / YEARS.length);
  const usedUpn = new Set<string>([CANARY.upn]);
  const pupils: SamplePupil[] = [];
  let adno = 3100;
  for (const year of YEARS) {
    const allocated = 2016 - (year - 7); // UPNs are allocated in reception
    for (let i = 0; i < perYear; i++) {
      let upn: string;
      do upn = makeUpn(rng.pick(LA_CODES), rng.int(2000, 2399), allocated, rng.int(1, 999));
      while (usedUpn.has(upn));
      usedUpn.add(upn);
      const isCanary = year === CANARY.year && i === 0;
      const surname = isCanary ? CANARY.surname : rng.pick(SURNAMES);
      const p: SamplePupil = {
        upn: isCanary ? CANARY.upn : upn,
        adno: String(adno++).padStart(6, '0'),
        forename: isCanary ? CANARY.forename : rng.pick(FORENAMES),
        surname,
        year,
        regGroup: groups[year][i % groups[year].length],
        pp: isCanary || rng.chance(0.28),
        eal: isCanary || rng.chance(0.12),
        sen: isCanary ? 'K' : rng.chance(0.15) ? (rng.chance(0.15) ? 'E' : 'K') : 'N',
        ...parent(rng, surname),
        mentor: '',
        leavingDate: '',
        classes: [],
        // The canary is a PA, red-homework, below-target pupil so it shows up in every list.
        absenceRate: isCanary ? 0.14 : absenceRate(rng),
        homeworkRate: isCanary ? 2.5 : homeworkRate(rng),
        ability: isCanary ? 4 : Math.max(1.5, Math.min(8.5, 5 + gaussian(rng) * 1.5)),
      };
      if (year >= 10) p.mentor = staff.mentors[pupils.length % staff.mentors.length].email;
      pupils.push(p);
    }
  }
  assignClasses(rng, pupils, staff);
  // Three leavers, part-way through the year so far; never the canary.
  const fractions = [0.4, 0.7, 0.9];
  const leavers = rng.sample(pupils.filter((p) => p.upn !== CANARY.upn), 3);
  leavers.forEach((p, i) => { p.leavingDate = days[Math.floor((days.length - 1) * fractions[i])]; });
  return pupils;
}

function parent(rng: Rng, surname: string): { parentName: string; parentEmail: string; address: string } {
  // Some parents have a different surname from the pupil, as in real contact lists.
  const pSurname = rng.chance(0.8) ? surname : rng.pick(SURNAMES);
  const who = rng.weighted(PARENTS, [60, 37, 3]);
  const pForename = rng.pick(who.forenames);
  const place = rng.pick(TOWNS);
  const house = rng.int(1, 140);
  return {
    parentName: `${rng.pick(who.titles)} ${pForename} ${pSurname}`,
    parentEmail: `${asciiPart(pForename)}.${asciiPart(pSurname)}${rng.int(1, 99)}@${rng.pick(PARENT_DOMAINS)}`,
    address: `${house} ${rng.pick(STREETS)}\n${place.town}\n${place.postcode} ${rng.int(1, 9)}${rng.pick(['AB', 'DF', 'GN', 'LP', 'QT', 'WX'])}`,
  };
}

/**
 * KS3 pupils take every subject in their reg group. KS4 pupils take English, Maths and Science in
 * their reg group, History or Geography and four more options in year-wide option classes.
 */
function assignClasses(rng: Rng, pupils: SamplePupil[], staff: SampleStaffList): void {
  const classes = new Map<string, SampleClass>();
  const nextTeacher: Record<string, number> = {};
  const classFor = (name: string, subject: string, year: number): SampleClass => {
    let c = classes.get(name);
    if (!c) {
      const list = staff.teachersBy[subject];
      const i = nextTeacher[subject] || 0;
      nextTeacher[subject] = i + 1;
      c = { className: name, subject, year, teacher: list[i % list.length] };
      classes.set(name, c);
    }
    return c;
  };
  const optionSize: Record<string, number> = {};
  const options = SUBJECTS.filter((s) => CORE_SUBJECTS.indexOf(s) < 0 && s !== 'History' && s !== 'Geography');
  for (const p of pupils) {
    if (p.year <= 9) {
      for (const s of SUBJECTS) p.classes.push(classFor(`${p.regGroup}/${SUBJECT_CODES[s]}`, s, p.year));
      continue;
    }
    for (const s of CORE_SUBJECTS) p.classes.push(classFor(`${p.regGroup}/${SUBJECT_CODES[s]}`, s, p.year));
    const chosen = [rng.chance(0.5) ? 'History' : 'Geography'].concat(rng.sample(options, 4));
    for (const s of chosen) {
      const k = `${p.year}/${s}`;
      const n = (optionSize[k] = (optionSize[k] || 0) + 1);
      p.classes.push(classFor(`${p.year}${SUBJECT_CODES[s]}${Math.ceil(n / 28)}`, s, p.year));
    }
  }
}

/** A standard normal draw (Box–Muller) from the seeded generator. */
export function gaussian(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * The sample school's Contacts export (SPEC §2 Contacts tab, SIMS style: "Surname, Forename" with a
 * separate Title column), so the demo's letters go to every parent as a school's would (issue 18):
 * - the Students tab's Primary Contact is each family's priority-1 contact (parental responsibility,
 *   lives with the pupil, the Students tab's address and e-mail);
 * - about half the families have a second parent with parental responsibility: mostly at the same
 *   address (one letter to both), some at another address (a copy of their own), a few marked "no
 *   correspondence" (a court order: never written to);
 * - some have a grandparent with no parental responsibility (never written to);
 * - some brothers and sisters share their parents and address, so the letters pack files them
 *   next to each other; a few families have no name on file ("Dear Parent/Carer").
 * `linkSiblings` and `blankParents` change the Students tab's parent fields, so they run before
 * the tables are made; `generateContacts` reads the result.
 */
import { Rng } from './random';
import { SamplePupil } from './model';
import { PARENTS, STREETS, SURNAMES, TOWNS, PARENT_DOMAINS } from './names';
import { asciiPart } from './staff';

export const CONTACTS_HEADER = ['UPN', 'Contact Name', 'Title', 'Relationship', 'Parental Responsibility', 'Priority', 'Address', 'Email', 'Lives With Pupil', 'Salutation', 'Correspondence'];

/** Brothers and sisters (same surname, different years) share their parents and address. Returns younger → elder UPN. */
export function linkSiblings(rng: Rng, pupils: SamplePupil[]): Map<string, string> {
  const bySurname = new Map<string, SamplePupil[]>();
  for (const p of pupils) {
    if (p.surname === 'Testpupil') continue; // never the canary
    const list = bySurname.get(p.surname) || [];
    list.push(p);
    bySurname.set(p.surname, list);
  }
  const elderOf = new Map<string, string>();
  bySurname.forEach((list) => {
    const byYear = list.slice().sort((a, b) => b.year - a.year);
    for (let i = 1; i < byYear.length; i++) {
      const elder = byYear[i - 1];
      const younger = byYear[i];
      if (younger.year === elder.year || elderOf.has(elder.upn) || !rng.chance(0.35)) continue;
      younger.parentName = elder.parentName;
      younger.parentEmail = elder.parentEmail;
      younger.address = elder.address;
      elderOf.set(younger.upn, elder.upn);
    }
  });
  return elderOf;
}

/** A few families with no parent named on file: their letters say "Dear Parent/Carer". */
export function blankParents(rng: Rng, pupils: SamplePupil[], elderOf: Map<string, string>): void {
  for (const p of pupils) if (!elderOf.has(p.upn) && p.surname !== 'Testpupil' && rng.chance(0.01)) p.parentName = '';
}

interface Person { title: string; forename: string; surname: string }

function splitName(full: string): Person | null {
  const w = full.trim().split(/\s+/);
  if (w.length < 3) return null;
  return { title: w[0], forename: w[1], surname: w.slice(2).join(' ') };
}

function relationshipOf(title: string): string {
  if (['Mrs', 'Ms', 'Miss'].indexOf(title) >= 0) return 'Mother';
  if (title === 'Mr') return 'Father';
  return 'Parent';
}

function otherParent(rng: Rng, first: Person): Person {
  const motherFirst = ['Mrs', 'Ms', 'Miss'].indexOf(first.title) >= 0;
  const who = motherFirst ? PARENTS[1] : PARENTS[0];
  return { title: rng.pick(who.titles), forename: rng.pick(who.forenames), surname: rng.chance(0.6) ? first.surname : rng.pick(SURNAMES) };
}

function addressOf(rng: Rng): string {
  const place = rng.pick(TOWNS);
  return `${rng.int(1, 140)} ${rng.pick(STREETS)}\n${place.town}\n${place.postcode} ${rng.int(1, 9)}${rng.pick(['AB', 'DF', 'GN', 'LP', 'QT', 'WX'])}`;
}

export function generateContacts(rng: Rng, pupils: SamplePupil[], elderOf: Map<string, string>): string[][] {
  const rows: string[][] = [CONTACTS_HEADER.slice()];
  // A family's contacts are made once, for the eldest, and repeated for the younger ones.
  const family = new Map<string, string[][]>();
  const ordered = pupils.filter((p) => !elderOf.has(p.upn)).concat(pupils.filter((p) => elderOf.has(p.upn)));
  for (const p of ordered) {
    const first = splitName(p.parentName);
    if (!first) continue; // no name on file: no Contacts rows, the Students tab says Parent/Carer
    const elder = elderOf.get(p.upn);
    const shared = elder ? family.get(elder) : undefined;
    if (shared) {
      for (const r of shared) rows.push([p.upn].concat(r));
      continue;
    }
    const mine: string[][] = [];
    const salutation = (x: Person) => (rng.chance(0.3) ? `${x.title} ${x.surname}` : '');
    mine.push([`${first.surname}, ${first.forename}`, first.title, relationshipOf(first.title), 'Yes', '1', p.address, p.parentEmail, 'Yes', salutation(first), 'Yes']);
    if (rng.chance(0.5)) {
      const second = otherParent(rng, first);
      const apart = rng.chance(0.3);
      const email = rng.chance(0.8) ? `${asciiPart(second.forename)}.${asciiPart(second.surname)}${rng.int(1, 99)}@${rng.pick(PARENT_DOMAINS)}` : '';
      const correspondence = apart && rng.chance(0.1) ? 'No' : 'Yes';
      mine.push([`${second.surname}, ${second.forename}`, second.title, relationshipOf(second.title), 'Yes', '2', apart ? addressOf(rng) : '', email, apart ? 'No' : 'Yes', salutation(second), correspondence]);
    }
    if (rng.chance(0.06)) {
      const g = { title: rng.chance(0.5) ? 'Mrs' : 'Mr', forename: rng.pick(PARENTS[rng.chance(0.5) ? 0 : 1].forenames), surname: first.surname };
      mine.push([`${g.surname}, ${g.forename}`, g.title, g.title === 'Mrs' ? 'Grandmother' : 'Grandfather', 'No', '3', addressOf(rng), '', 'No', '', 'Yes']);
    }
    family.set(p.upn, mine);
    for (const r of mine) rows.push([p.upn].concat(r));
  }
  return rows;
}

/**
 * Names as people write letters (SPEC §5 "Addressed as people write letters"): the envelope line
 * ("Mr J Jones"; "Mr J Jones and Ms K Smith") and the salutation ("Dear Mr Jones"; "Dear Mr and
 * Mrs Jones"; "Dear Parent/Carer" when no name is known), from names as MIS exports give them:
 * "Mr Lee Jones", "Jones, Lee", "JONES, Lee (Mr)", "Lee Jones" with a separate Title column,
 * forename and surname in columns of their own, "Mr & Mrs Jones", double-barrelled surnames
 * ("Smith-Jones") and surnames with particles ("van der Berg", "De Souza").
 *
 * Rules (docs/letters.md):
 * - A title is only ever one that was written: no title means no "Mr" — the letter then uses the
 *   full name ("Dear Lee Jones"), never a guess, and never "Dear Mr Lee Jones".
 * - The surname is what comes before the comma, or the last word with any particles in front of
 *   it. A name in capitals (SIMS's "JONES, Lee") is put into ordinary case.
 * - Sir and Dame are addressed by forename ("Dear Sir Lee"), as they are in life.
 */

export interface PersonName {
  title: string;
  forenames: string[];
  surname: string;
}

/** Titles as schools record them, in their usual written form (no full stop, UK style). */
const TITLES: Record<string, string> = {
  mr: 'Mr', mrs: 'Mrs', miss: 'Miss', ms: 'Ms', mx: 'Mx', dr: 'Dr', doctor: 'Dr', prof: 'Prof', professor: 'Prof',
  rev: 'Revd', revd: 'Revd', reverend: 'Revd', sir: 'Sir', dame: 'Dame', lady: 'Lady', lord: 'Lord', fr: 'Fr',
  father: 'Fr', cllr: 'Cllr', capt: 'Capt', rabbi: 'Rabbi', imam: 'Imam', pastor: 'Pastor', mstr: 'Master', master: 'Master',
};

/** Words that belong to the surname when they come before its last word. */
const PARTICLES = ['van', 'von', 'de', 'der', 'den', 'da', 'das', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'st', 'ter', 'ten', 'bin', 'binti', 'al', 'el', 'ibn', 'ap'];
/** Particles that are never a forename, so may start a surname with no forename before it. */
const STRONG_PARTICLES = ['van', 'von', 'de', 'der', 'den', 'du', 'ter', 'ten', 'bin', 'binti', 'ibn'];

/** "Mr." / "MRS" / "mr" → "Mr"; '' when the word is not a title. */
export function titleOf(word: string): string {
  const w = word.trim().replace(/\.$/, '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(TITLES, w) ? TITLES[w] : '';
}

/**
 * One person's name. `title` is a separate Title column (wins over a title inside the name);
 * `forename` / `surname` are separate name columns (used when given). Null when no name at all.
 */
export function parsePersonName(raw: string, parts: { title?: string; forename?: string; surname?: string } = {}): PersonName | null {
  const given = { forename: clean(parts.forename || ''), surname: clean(parts.surname || '') };
  let title = parts.title ? titleOf(parts.title) : '';
  let forenames: string[];
  let surname: string;
  if (given.surname) {
    const f = words(given.forename);
    if (f.length && titleOf(f[0])) {
      title = title || titleOf(f[0]);
      f.shift();
    }
    forenames = f;
    surname = given.surname;
  } else {
    let text = clean(raw);
    // "JONES, Lee (Mr)": a title in brackets at the end.
    const bracket = /\(([^)]*)\)\s*$/.exec(text);
    if (bracket && titleOf(bracket[1])) {
      title = title || titleOf(bracket[1]);
      text = text.slice(0, bracket.index).trim();
    }
    if (text.indexOf(',') >= 0) {
      const comma = text.indexOf(',');
      surname = text.slice(0, comma).trim();
      forenames = words(text.slice(comma + 1));
    } else {
      const w = words(text);
      if (w.length && titleOf(w[0])) {
        title = title || titleOf(w[0]);
        w.shift();
      }
      let at = w.length - 1;
      while (at > 1 && PARTICLES.indexOf(w[at - 1].toLowerCase()) >= 0) at--;
      // "Mrs De Souza": with a title and no forename, a leading particle is the surname's; without
      // a title "Al Smith" is a forename and a surname, so only the unmistakable particles count.
      if (at === 1 && title && STRONG_PARTICLES.indexOf(w[0].toLowerCase()) >= 0) at = 0;
      surname = w.slice(at).join(' ');
      forenames = w.slice(0, at);
    }
    if (forenames.length && titleOf(forenames[0])) {
      title = title || titleOf(forenames[0]);
      forenames = forenames.slice(1);
    }
  }
  surname = ordinaryCase(surname.trim());
  forenames = forenames.map(ordinaryCase).filter((f) => f !== '');
  if (!surname && !forenames.length) return null;
  if (!surname) {
    // "Lee" alone: a forename with nothing else is kept as the whole name.
    surname = forenames.join(' ');
    forenames = [];
  }
  return { title, forenames, surname };
}

/**
 * Everyone named in one cell: "Mr & Mrs Jones", "Mr J Jones and Ms K Smith", or one person.
 * A part that is a title alone borrows the surname of the part after it ("Mr and Mrs Jones").
 */
export function parseNames(raw: string, parts: { title?: string; forename?: string; surname?: string } = {}): PersonName[] {
  const text = clean(raw);
  if (parts.surname || !/\s(?:and|&)\s/i.test(` ${text} `)) {
    const one = parsePersonName(text, parts);
    return one ? [one] : [];
  }
  const pieces = text.split(/\s+(?:and|&)\s+|^\s*&\s*|\s*&\s*$/i).map((s) => s.trim()).filter((s) => s !== '');
  const people: Array<PersonName | null> = pieces.map((p) => (titleOf(p) && words(p).length === 1 ? { title: titleOf(p), forenames: [], surname: '' } : parsePersonName(p)));
  for (let i = people.length - 2; i >= 0; i--) {
    const p = people[i];
    const next = people[i + 1];
    if (p && !p.surname && next) p.surname = next.surname;
  }
  return people.filter((p): p is PersonName => !!p && p.surname !== '');
}

/** "Mr J Jones"; "Lee Jones" when there is no title (never a guessed one). */
export function addresseeOf(p: PersonName): string {
  if (!p.title) return [...p.forenames, p.surname].join(' ');
  if (p.title === 'Sir' || p.title === 'Dame') return [p.title, ...p.forenames, p.surname].join(' ');
  return [p.title, ...p.forenames.map(initial), p.surname].filter((s) => s !== '').join(' ');
}

/** "Mr Jones"; "Sir Lee"; "Lee Jones" when there is no title. Without "Dear". */
export function salutationOf(p: PersonName): string {
  if (!p.title) return [...p.forenames, p.surname].join(' ');
  if ((p.title === 'Sir' || p.title === 'Dame') && p.forenames.length) return `${p.title} ${p.forenames[0]}`;
  return `${p.title} ${p.surname}`;
}

/** The envelope line for everyone a letter goes to: "Mr J Jones and Ms K Smith". */
export function joinAddressees(people: PersonName[]): string {
  return andList(people.map(addresseeOf));
}

/**
 * The salutation (with "Dear") for everyone a letter goes to. Two people with titles and the same
 * surname share it ("Dear Mr and Mrs Jones"); `given` holds salutations an MIS export supplied
 * (used as they are, "Dear " added when missing); nobody named → "Dear Parent/Carer".
 */
export function joinSalutations(people: PersonName[], given: string[] = []): string {
  const parts: string[] = [];
  const add = (t: string) => {
    const x = clean(t).replace(/^dear\s+/i, '').replace(/,$/, '');
    if (x && parts.map((p) => p.toLowerCase()).indexOf(x.toLowerCase()) < 0) parts.push(x);
  };
  const own = people.map((_, i) => clean(given[i] || ''));
  const shared = (p: PersonName) => !!p.title && p.title !== 'Sir' && p.title !== 'Dame';
  // "Dear Mr and Mrs Jones": two people, both with a title and one surname, neither with a
  // salutation of their own. Otherwise each person in turn, in the order they are addressed.
  if (people.length === 2 && !own[0] && !own[1] && shared(people[0]) && shared(people[1]) && people[0].surname.toLowerCase() === people[1].surname.toLowerCase()) {
    add(`${people[0].title} and ${people[1].title} ${people[0].surname}`);
  } else {
    people.forEach((p, i) => add(own[i] || salutationOf(p)));
  }
  return parts.length ? `Dear ${andList(parts)}` : 'Dear Parent/Carer';
}

/** "A", "A and B", "A, B and C" (no serial comma). */
export function andList(xs: string[]): string {
  const ys = xs.filter((x) => x !== '');
  if (ys.length <= 1) return ys.join('');
  return `${ys.slice(0, -1).join(', ')} and ${ys[ys.length - 1]}`;
}

/**
 * A person's identity for the Letters Log key ("lee-jones"): the same whichever way the name was
 * written ("Mr Lee Jones", "Jones, Lee", "LEE JONES" all give "lee-jones"), so a re-run never
 * writes to the same person twice because the export changed its format.
 */
export function personId(p: PersonName): string {
  return [...p.forenames, p.surname]
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function initial(forename: string): string {
  const m = /[A-Za-zÀ-ÿĀ-ž]/.exec(forename);
  return m ? m[0].toUpperCase() : '';
}

function clean(s: string): string {
  return String(s || '').replace(/\s+/g, ' ').trim();
}

function words(s: string): string[] {
  return clean(s).split(' ').filter((w) => w !== '');
}

/**
 * "JONES" → "Jones", "O'BRIEN-SMITH" → "O'Brien-Smith"; anything already in mixed or lower case
 * is left exactly as written ("McDonald", "de Souza"). Single letters (initials) stay capitals.
 */
function ordinaryCase(s: string): string {
  if (!/[A-Z]{2}/.test(s) || s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s'\-’])([a-zà-ÿ])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * Names as people write letters (issue 18 §3). Every expected string here is how a school office
 * would write the envelope and the salutation by hand for that name.
 */
import { addresseeOf, joinAddressees, joinSalutations, parseNames, parsePersonName, personId, salutationOf } from '../../../src/core/letters/names';

const one = (raw: string, parts = {}) => {
  const p = parsePersonName(raw, parts);
  if (!p) throw new Error(`no name in ${raw}`);
  return { to: addresseeOf(p), dear: joinSalutations([p]) };
};

describe('one person, as schools export the name', () => {
  it.each([
    ['Mr Lee Jones', {}, 'Mr L Jones', 'Dear Mr Jones'],
    ['Jones, Lee', { title: 'Mr' }, 'Mr L Jones', 'Dear Mr Jones'],
    ['JONES, Lee (Mr)', {}, 'Mr L Jones', 'Dear Mr Jones'],
    ['Lee Jones', { title: 'Mr.' }, 'Mr L Jones', 'Dear Mr Jones'],
    ['Mrs Sarah Smith-Jones', {}, 'Mrs S Smith-Jones', 'Dear Mrs Smith-Jones'],
    ["O'BRIEN-SMITH, KATE", { title: 'MS' }, "Ms K O'Brien-Smith", "Dear Ms O'Brien-Smith"],
    ['Dr Anil van der Berg', {}, 'Dr A van der Berg', 'Dear Dr van der Berg'],
    ['Mrs De Souza', {}, 'Mrs De Souza', 'Dear Mrs De Souza'],
    ['Ms Mary Ann Lewis', {}, 'Ms M A Lewis', 'Dear Ms Lewis'],
    ['Mx Sam Patel', {}, 'Mx S Patel', 'Dear Mx Patel'],
    ['Sir Lee Jones', {}, 'Sir Lee Jones', 'Dear Sir Lee'],
  ])('%s %j → "%s", "%s"', (raw, parts, to, dear) => {
    expect(one(raw, parts)).toEqual({ to, dear });
  });

  it('never invents a title: no title → the full name, never "Mr"', () => {
    expect(one('Lee Jones')).toEqual({ to: 'Lee Jones', dear: 'Dear Lee Jones' });
    expect(one('Jones, Lee')).toEqual({ to: 'Lee Jones', dear: 'Dear Lee Jones' });
    // "Al" is a forename here, not a particle of the surname.
    expect(one('Al Smith')).toEqual({ to: 'Al Smith', dear: 'Dear Al Smith' });
  });

  it('never writes "Dear Mr Lee Jones" (the forename never goes after a title in a salutation)', () => {
    for (const raw of ['Mr Lee Jones', 'Jones, Mr Lee', 'MR LEE JONES']) expect(one(raw).dear).toBe('Dear Mr Jones');
  });

  it('takes the contact forename and surname columns when the export has them', () => {
    expect(one('', { title: 'Mrs', forename: 'Kate', surname: 'Smith Jones' })).toEqual({ to: 'Mrs K Smith Jones', dear: 'Dear Mrs Smith Jones' });
  });

  it('reads nothing from an empty cell', () => {
    expect(parsePersonName('   ')).toBeNull();
    expect(joinSalutations([])).toBe('Dear Parent/Carer');
  });
});

describe('several people at one address', () => {
  it('joins two people with different surnames', () => {
    const people = [parsePersonName('Mr Lee Jones')!, parsePersonName('Ms Kate Smith')!];
    expect(joinAddressees(people)).toBe('Mr L Jones and Ms K Smith');
    expect(joinSalutations(people)).toBe('Dear Mr Jones and Ms Smith');
  });

  it('shares one surname as people do: "Dear Mr and Mrs Jones"', () => {
    const people = [parsePersonName('Mr Lee Jones')!, parsePersonName('Mrs Kate Jones')!];
    expect(joinAddressees(people)).toBe('Mr L Jones and Mrs K Jones');
    expect(joinSalutations(people)).toBe('Dear Mr and Mrs Jones');
  });

  it('reads a joint name in one cell ("Mr & Mrs Jones", "Mr J Jones and Ms K Smith")', () => {
    const joint = parseNames('Mr & Mrs Jones');
    expect(joint.map(salutationOf)).toEqual(['Mr Jones', 'Mrs Jones']);
    expect(joinSalutations(joint)).toBe('Dear Mr and Mrs Jones');
    expect(joinAddressees(parseNames('Mr J Jones and Ms K Smith'))).toBe('Mr J Jones and Ms K Smith');
  });

  it('uses a salutation the export gave as it is, adding "Dear" only when missing, in the order addressed', () => {
    const people = [parsePersonName('Jones, Lee', { title: 'Mr' })!, parsePersonName('Smith, Kate', { title: 'Dr' })!];
    expect(joinSalutations(people, ['Lee', 'Dear Dr Smith'])).toBe('Dear Lee and Dr Smith');
    // One given, one not: each in turn (no "Mr and Mrs" merge across a salutation the school wrote).
    const fox = [parsePersonName('Mrs Sarah Fox')!, parsePersonName('Dr Lee Fox')!];
    expect(joinSalutations(fox, ['', 'Dr Fox'])).toBe('Dear Mrs Fox and Dr Fox');
  });

  it('three people: commas and a final "and"', () => {
    const people = ['Mr A Brown', 'Mrs B Green', 'Ms C White'].map((n) => parsePersonName(n)!);
    expect(joinSalutations(people)).toBe('Dear Mr Brown, Mrs Green and Ms White');
  });
});

describe('personId', () => {
  it('is the same however the export wrote the name', () => {
    const ids = ['Mr Lee Jones', 'Jones, Lee', 'LEE JONES', 'Lee  Jones'].map((n) => personId(parsePersonName(n)!));
    expect(new Set(ids)).toEqual(new Set(['lee-jones']));
    expect(personId(parsePersonName('Mrs Zoë Brontë')!)).toBe('zoe-bronte');
  });
});

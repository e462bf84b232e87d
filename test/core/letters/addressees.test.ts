/**
 * Every parent (issue 18 §2): who a pupil's letters go to, worked out by hand from the Contacts
 * rows below.
 */
import { ContactLike, addresseesFor, narrowAddressee } from '../../../src/core/letters/addressees';
import { pupil } from './fixtures';

const HOME = '12 Acacia Avenue\nTown\nAB1 2CD';

function contact(over: Partial<ContactLike>): ContactLike {
  return {
    upn: 'A123456789012', name: '', title: '', relationship: 'Parent', parentalResponsibility: true, priority: 1,
    address: HOME, email: '', livesWithPupil: true, salutation: '', correspondence: null, ...over,
  };
}

describe('addresseesFor', () => {
  it('two parents at one address: one letter addressed to both', () => {
    const r = addresseesFor(pupil(), [
      contact({ name: 'Jones, Lee', title: 'Mr', priority: 1 }),
      contact({ name: 'Smith, Kate', title: 'Ms', priority: 2, address: '12 acacia avenue, TOWN, AB1 2CD' }),
    ]);
    expect(r.addressees).toHaveLength(1);
    expect(r.addressees[0]).toMatchObject({ addressee: 'Mr L Jones and Ms K Smith', salutation: 'Dear Mr Jones and Ms Smith', address: HOME, id: 'kate-smith+lee-jones' });
  });

  it('two parents at two addresses: a copy each, addressed to each, main contact first', () => {
    const r = addresseesFor(pupil(), [
      contact({ name: 'Jones, Lee', title: 'Mr', priority: 2, address: '4 Mill Lane\nVillage\nCD3 4EF', livesWithPupil: false }),
      contact({ name: 'Jones, Sarah', title: 'Mrs', priority: 1 }),
    ]);
    expect(r.addressees.map((a) => [a.addressee, a.salutation, a.address])).toEqual([
      ['Mrs S Jones', 'Dear Mrs Jones', HOME],
      ['Mr L Jones', 'Dear Mr Jones', '4 Mill Lane\nVillage\nCD3 4EF'],
    ]);
  });

  it('writes only to contacts with parental responsibility, and never to "no correspondence"', () => {
    const r = addresseesFor(pupil(), [
      contact({ name: 'Jones, Sarah', title: 'Mrs', priority: 1 }),
      contact({ name: 'Jones, Mary', title: 'Mrs', relationship: 'Grandmother', parentalResponsibility: false, priority: 3, address: '1 Elm Row' }),
      contact({ name: 'Jones, Lee', title: 'Mr', priority: 2, address: '4 Mill Lane', livesWithPupil: false, correspondence: false }),
    ]);
    expect(r.addressees.map((a) => a.addressee)).toEqual(['Mrs S Jones']);
    expect(r.notes).toEqual(['Jones, Lee: marked "no correspondence" on the Contacts tab, so not written to.']);
  });

  it('with no parental responsibility stated for anyone, writes to the main contact only', () => {
    const r = addresseesFor(pupil(), [
      contact({ name: 'Mr Lee Jones', parentalResponsibility: null, priority: 2 }),
      contact({ name: 'Mrs Sarah Jones', parentalResponsibility: null, priority: 1 }),
    ]);
    expect(r.addressees.map((a) => a.addressee)).toEqual(['Mrs S Jones']);
  });

  it("a contact with no address who lives with the pupil is at the pupil's address; one who does not is reported", () => {
    const r = addresseesFor(pupil(), [
      contact({ name: 'Mrs Sarah Jones', address: '' }),
      contact({ name: 'Mr Lee Jones', address: '', livesWithPupil: false, priority: 2 }),
    ]);
    expect(r.addressees.map((a) => [a.addressee, a.address])).toEqual([['Mrs S Jones', HOME]]);
    expect(r.notes).toEqual(['Mr Lee Jones: no postal address on the Contacts tab, so not written to.']);
  });

  it("without Contacts rows: the Students tab's parent, as before", () => {
    const r = addresseesFor(pupil({ parentName: 'Mr Lee Jones', address: '3 High St, Town' }), []);
    expect(r.addressees).toEqual([expect.objectContaining({ addressee: 'Mr L Jones', salutation: 'Dear Mr Jones', address: '3 High St\nTown', source: 'students' })]);
  });

  it('no name known: "Dear Parent/Carer", addressed to the parent/carer of the pupil', () => {
    const [a] = addresseesFor(pupil({ parentName: '', forename: 'Amy', surname: 'Jones' }), []).addressees;
    expect([a.addressee, a.salutation, a.parentName]).toEqual(['The Parent/Carer of Amy Jones', 'Dear Parent/Carer', 'Parent/Carer']);
  });

  it('nobody with parental responsibility to write to: no letter, and says why', () => {
    const r = addresseesFor(pupil(), [contact({ name: 'Mrs Mary Jones', parentalResponsibility: false })]);
    expect(r.addressees).toEqual([]);
    expect(r.notes[0]).toMatch(/No contact on the Contacts tab has parental responsibility/);
  });
});

describe('narrowAddressee', () => {
  it('readdresses a letter to the people who have not had it yet', () => {
    const p = pupil();
    const [both] = addresseesFor(p, [contact({ name: 'Mr Lee Jones' }), contact({ name: 'Ms Kate Smith', priority: 2 })]).addressees;
    const kate = narrowAddressee(both, ['kate-smith'], p)!;
    expect([kate.addressee, kate.salutation, kate.id]).toEqual(['Ms K Smith', 'Dear Ms Smith', 'kate-smith']);
    expect(narrowAddressee(both, [], p)).toBeNull();
  });

  it('a letter to nobody by name stays the family\'s', () => {
    const p = pupil({ parentName: '' });
    const [family] = addresseesFor(p, []).addressees;
    expect(narrowAddressee(family, ['parent-carer'], p)).toBe(family);
    expect(narrowAddressee(family, [], p)).toBeNull();
  });
});

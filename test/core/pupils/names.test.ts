import { byListName, bySurname, listName, sortKey } from '../../../src/core/pupils/names';

test('pupils are "Surname, Forename" in surname order, ignoring case, accents and apostrophes', () => {
  const pupils = [
    { forename: 'Zoë', surname: 'Wiśniewski' },
    { forename: 'Amy', surname: 'wilson' },
    { forename: 'Dylan', surname: "O'Connor" },
    { forename: 'Ben', surname: 'Oakes' },
    { forename: 'Ava', surname: 'Oakes' },
    { forename: 'Keira', surname: 'de Souza' },
    { forename: 'Ali', surname: 'Davies' },
  ];
  expect(pupils.slice().sort(bySurname).map(listName)).toEqual(['Davies, Ali', 'de Souza, Keira', 'Oakes, Ava', 'Oakes, Ben', "O'Connor, Dylan", 'wilson, Amy', 'Wiśniewski, Zoë']);
  expect(sortKey('Łukasz Ó Súilleabháin')).toBe('lukasz o suilleabhain');
  expect(['Wood, Mei', 'Begum, Chloé', 'Begum, Aisha'].sort(byListName)).toEqual(['Begum, Aisha', 'Begum, Chloé', 'Wood, Mei']);
});

import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { LetterContext } from '../../../src/core/letters/fields';
import { Pupil } from '../../../src/core/types';

export function pupil(over: Partial<Pupil> = {}): Pupil {
  return {
    upn: 'A123456789012', adno: '001', forename: 'Amy', surname: 'Jones', year: 9, regGroup: '9B',
    pp: false, eal: false, sen: false, parentName: 'Mrs S Jones', parentEmail: 'parent@example.com',
    address: '12 Acacia Avenue\nTown\nAB1 2CD', mentor: '', leavingDate: '', ...over,
  };
}

export function context(over: Partial<LetterContext> = {}): LetterContext {
  return {
    pupil: pupil(),
    school: { ...DEFAULT_SETTINGS.school, name: 'Coopers School', phone: '01234 567890', signatory: 'Ms R Patel', signatoryRole: 'Head of Year 9' },
    asOf: '2024-01-26',
    attendance: { possible: 160, attended: 151, authorised: 5, unauthorised: 4, percent: 94.375, stage: 'level1', reviewDue: '2024-02-23' },
    ...over,
  };
}

import { byGroupName } from '../../../src/core/attendance/cohorts';

it('reg groups sort by their year number, then the letters: 7A before 10A', () => {
  expect(['10B', '7A', '11A', '10A', '8C', 'Sixth Form', '7b'].sort(byGroupName)).toEqual(['7A', '7b', '8C', '10A', '10B', '11A', 'Sixth Form']);
});

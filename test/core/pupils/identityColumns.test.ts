/**
 * Which columns a list tab freezes so the pupil stays in view (issue 20 §1): through the last of
 * UPN / Name / Pupil / Year / Reg Group among the first six, when a name is there and nothing
 * before it is a figure. Counts below are read off each header by hand.
 */
import { identityColumns } from '../../../src/core/pupils/identity';
import { normaliseHeader } from '../../../src/core/tabs';

const freeze = (header: string[]) => identityColumns(header.map(normaliseHeader));

test('lists of pupils freeze through their last identity column', () => {
  expect(freeze(['UPN', 'Name', 'Year', 'Reg Group', 'L This Half Term', 'Dates'])).toBe(4); // Punctuality
  expect(freeze(['Year', 'Tier', 'UPN', 'Name', 'Reg Group', '%', 'Since Last Tier Letters'])).toBe(5); // Tier Lists
  expect(freeze(['Year', 'Reg Group', 'UPN', 'Name', 'Today'])).toBe(4); // Failure to Return
  expect(freeze(['Date', 'UPN', 'Pupil', 'Year', 'Reg Group', 'Area', 'Action'])).toBe(5); // Interventions
  expect(freeze(['Date', 'Type', 'UPN', 'Pupil', 'Year', 'Reg Group', 'Addressee'])).toBe(6); // Letters Log
  expect(freeze(['Subject Teacher', 'UPN', 'Pupil', 'Year', 'Reg Group', 'Subject'])).toBe(5); // Target Suggestions
});

test('tabs that are not lists of pupils, or start with a figure, freeze no columns', () => {
  expect(freeze(['Issue', 'Date', 'Session', 'Reg Group', 'Teacher', 'Unmarked'])).toBe(0); // Coding Review: registers
  expect(freeze(['Split', 'Group', 'Pupils', 'Possible', 'Attended', '%'])).toBe(0); // Attendance by Cohort
  expect(freeze(['Date', 'UPN', 'Subject', 'Class', 'Teacher', 'Reason'])).toBe(0); // Homework Log: no name column
  expect(freeze(['Homework this week: w/c 22/01/2024'])).toBe(0); // a title row
  expect(freeze(['%', 'UPN', 'Name'])).toBe(0); // a figure before the pupil
});

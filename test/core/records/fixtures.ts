/** Small helpers shared by the records tests (not a test file: no .test suffix). */
import { makeUpn } from '../../upn';

export const U1 = makeUpn(1);
export const U2 = makeUpn(2);
export const U3 = makeUpn(3);

export const STUDENT_HEADER = ['UPN', 'Adno', 'Forename', 'Surname', 'Year', 'Reg Group', 'PP', 'EAL', 'SEN', 'Parent Email'];

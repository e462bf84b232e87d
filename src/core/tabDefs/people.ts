/** The pupils, their contacts and the staff: the MIS's exports and the school's staff list (SPEC §2). */
import type { TabDef } from '../tabs';
import { upnCol, YES_NO } from './columns';

export const STUDENTS: TabDef = { name: 'Students', key: ['upn'], columns: [
  upnCol,
  { header: 'Adno', field: 'adno', kind: 'text', aliases: ['Admission No', 'Admission Number', 'Adm No'] },
  { header: 'Forename', field: 'forename', kind: 'text', aliases: ['Legal Forename', 'First Name', 'Preferred Forename'], required: true },
  { header: 'Surname', field: 'surname', kind: 'text', aliases: ['Legal Surname', 'Last Name'], required: true },
  { header: 'Year', field: 'year', kind: 'number', aliases: ['NC Year', 'Year Group', 'Yr'], required: true },
  { header: 'Reg Group', field: 'regGroup', kind: 'text', aliases: ['Form', 'Reg', 'Registration Group', 'Tutor Group'], required: true },
  { header: 'PP', field: 'pp', kind: 'yesno', aliases: ['Pupil Premium'], options: YES_NO },
  { header: 'EAL', field: 'eal', kind: 'yesno', options: YES_NO },
  { header: 'SEN', field: 'sen', kind: 'yesno', aliases: ['SEN Status', 'SEND'], options: YES_NO },
  { header: 'Parent Name', field: 'parentName', kind: 'text', aliases: ['Primary Contact', 'Contact Name', 'Parent/Carer'] },
  { header: 'Parent Email', field: 'parentEmail', kind: 'text', aliases: ['Contact Email', 'Parent/Carer Email', 'Primary Contact Email'] },
  { header: 'Address', field: 'address', kind: 'text', aliases: ['Home Address', 'Contact Address'] },
  { header: 'Mentor', field: 'mentor', kind: 'text' },
  { header: 'Leaving Date', field: 'leavingDate', kind: 'date', aliases: ['Date of Leaving', 'Leave Date'] },
  // Attendance (SPEC §4.1): compulsory school age from the birth date; figures from admission.
  { header: 'Date of Birth', field: 'dateOfBirth', kind: 'date', aliases: ['DOB', 'Birth Date', 'D.O.B.'] },
  { header: 'Admission Date', field: 'admissionDate', kind: 'date', aliases: ['Date of Admission', 'Adm Date'] },
] };

export const STAFF: TabDef = { name: 'Staff', key: ['email'], columns: [
  { header: 'Name', field: 'name', kind: 'text', aliases: ['Staff Name'], required: true },
  { header: 'Email', field: 'email', kind: 'text', aliases: ['E-mail', 'Email Address'], required: true },
  { header: 'Role', field: 'roles', kind: 'text', aliases: ['Roles'], required: true },
  { header: 'Year', field: 'year', kind: 'number', aliases: ['Year Group', 'NC Year'] },
  { header: 'Reg Group', field: 'regGroup', kind: 'text', aliases: ['Form', 'Reg', 'Tutor Group'] },
  { header: 'Department', field: 'department', kind: 'text', aliases: ['Subject', 'Dept'] },
] };

export const CONTACTS: TabDef = {
  // A pupil's contacts as SIMS and Arbor export them (SPEC §2, issue 16): who letters are
  // addressed to. One row per pupil and contact; key UPN + Name.
  name: 'Contacts',
  key: ['upn', 'name'],
  columns: [
  { ...upnCol, aliases: ['Unique Pupil Number', 'Pupil UPN', 'Student UPN'] },
  // An export's bare "Forename"/"Surname" is often the pupil's, so only contact-named headers
  // are read as the contact's name parts.
  { header: 'Name', field: 'name', kind: 'text', aliases: ['Contact Name', 'Contact Full Name', 'Guardian Name', 'Guardian Full Name', 'Parent Name', 'Parent/Carer', 'Parent/Carer Name'] },
  { header: 'Contact Forename', field: 'forename', kind: 'text', aliases: ['Contact First Name', 'Guardian Forename', 'Guardian First Name', 'Parent Forename'] },
  { header: 'Contact Surname', field: 'surname', kind: 'text', aliases: ['Contact Last Name', 'Guardian Surname', 'Guardian Last Name', 'Parent Surname'] },
  { header: 'Title', field: 'title', kind: 'text', aliases: ['Contact Title', 'Guardian Title'] },
  { header: 'Relationship', field: 'relationship', kind: 'text', aliases: ['Relationship To Pupil', 'Relationship To Student', 'Relationship To Child', 'Contact Relationship', 'Relation'] },
  { header: 'Parental Responsibility', field: 'parentalResponsibility', kind: 'yesno', options: YES_NO, aliases: ['Has Parental Responsibility', 'Parental Resp', 'Parental Responsibility?', 'PR'] },
  { header: 'Priority', field: 'priority', kind: 'number', aliases: ['Contact Priority', 'Priority Order', 'Contact Order'] },
  { header: 'Address', field: 'address', kind: 'text', aliases: ['Home Address', 'Contact Address', 'Full Address', 'Postal Address', 'Address Block'] },
  { header: 'Email', field: 'email', kind: 'text', aliases: ['E-mail', 'Email Address', 'Contact Email', 'Primary Email', 'Main Email'] },
  { header: 'Lives With Pupil', field: 'livesWithPupil', kind: 'yesno', options: YES_NO, aliases: ['Lives With Student', 'Lives With Child', 'Lives With', 'Resides With Pupil', 'Same Address As Pupil'] },
  { header: 'Salutation', field: 'salutation', kind: 'text', aliases: ['Letter Salutation', 'Dear', 'Addressee Salutation'] },
  { header: 'Correspondence', field: 'correspondence', kind: 'yesno', options: YES_NO, aliases: ['Receives Correspondence', 'Send Correspondence', 'Correspondence Allowed'] },
] };

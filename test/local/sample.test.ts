import * as fs from 'fs';
import * as path from 'path';
import { StaffRole } from '../../src/core/types';
import { TABS } from '../../src/core/tabs';
import { withDefaults } from '../../src/core/settings';
import { validateSettings } from '../../src/core/settingsCheck';
import { isWeekend } from '../../src/core/dates';
import { CANARY, generateSampleSchool, SAMPLE_QA_CALENDAR_FILE } from '../../local/sample/school';
import { hasValidCheckLetter } from '../../local/sample/upn';
import { defaultSchool, iso, records } from './sampleHelpers';

// A Record over StaffRole: the compiler fails this file if a role is added to the type and not here.
const EVERY_ROLE: Record<StaffRole, true> = {
  'Class teacher': true, 'Curriculum leader': true, 'Form tutor': true, 'Head of Year': true,
  'Deputy Head of Year': true, 'Intervention team': true, 'Attendance officer': true, 'Pastoral manager': true,
  'PSW attendance': true, 'Student reception': true, SLT: true, 'SLT attendance': true, 'SLT link': true,
  'Tutor/Assembly SLT lead': true, EWO: true, 'PP lead': true, SENCO: true, 'EAL coordinator': true, Mentor: true,
  'Tracking and mentoring lead': true, 'Raising Achievement Coordinator': true, 'Head of subject': true,
};

describe('the sample school', () => {
  const school = defaultSchool();
  const students = records(school, 'Students');

  it('is the same school, byte for byte, for the same seed, and a different one for another seed', () => {
    const again = generateSampleSchool({ seed: 2024 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(school));
    const other = generateSampleSchool({ seed: 7 });
    expect(JSON.stringify(other.tables.Students)).not.toBe(JSON.stringify(school.tables.Students));
  });

  it('uses no Math.random anywhere in local/sample', () => {
    const dir = path.join(__dirname, '../../local/sample');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      expect({ f, uses: /Math\.random\s*\(/.test(fs.readFileSync(path.join(dir, f), 'utf8')) }).toEqual({ f, uses: false });
    }
  });

  it('has about 1,000 pupils in Years 7–11, about 200 a year in 8 reg groups each', () => {
    expect(students.length).toBeGreaterThanOrEqual(950);
    expect(students.length).toBeLessThanOrEqual(1050);
    for (const y of ['7', '8', '9', '10', '11']) {
      const inYear = students.filter((s) => s['NC Year'] === y);
      expect(inYear.length).toBeGreaterThanOrEqual(180);
      expect(inYear.length).toBeLessThanOrEqual(220);
      const groups = new Set(inYear.map((s) => s['Reg Group']));
      expect(groups.size).toBe(8);
      for (const g of groups) expect(g).toMatch(new RegExp(`^${y}[A-Z]+$`));
    }
    expect(new Set(students.map((s) => s['NC Year']))).toEqual(new Set(['7', '8', '9', '10', '11']));
  });

  it('gives every pupil a unique UPN with a valid DfE check letter, kept as text', () => {
    const upns = students.map((s) => s.UPN);
    expect(new Set(upns).size).toBe(upns.length);
    for (const u of upns) expect({ u, valid: hasValidCheckLetter(u) }).toEqual({ u, valid: true });
    expect(students.some((s) => s['Admission No'].startsWith('0'))).toBe(true); // leading zeros kept
  });

  it('exports Students with SIMS headers that are aliases of the tracker columns', () => {
    const def = TABS.find((t) => t.name === 'Students')!;
    const known = (h: string) => def.columns.some((c) => c.header === h || (c.aliases || []).indexOf(h) >= 0);
    for (const h of school.tables.Students[0] as string[]) expect({ h, known: known(h) }).toEqual({ h, known: true });
    expect(school.tables.Students[0]).toContain('Legal Forename');
    expect(school.tables.Students[0]).toContain('NC Year');
  });

  it('has cohorts near the asked-for shares: ~28% PP, ~12% EAL, ~15% SEN (K or E)', () => {
    const share = (f: (s: Record<string, string>) => boolean) => students.filter(f).length / students.length;
    expect(share((s) => s['Pupil Premium'] === 'Yes')).toBeGreaterThan(0.22);
    expect(share((s) => s['Pupil Premium'] === 'Yes')).toBeLessThan(0.34);
    expect(share((s) => s.EAL === 'Yes')).toBeGreaterThan(0.08);
    expect(share((s) => s.EAL === 'Yes')).toBeLessThan(0.16);
    expect(share((s) => s['SEN Status'] !== 'N')).toBeGreaterThan(0.11);
    expect(share((s) => s['SEN Status'] !== 'N')).toBeLessThan(0.19);
    for (const s of students) expect(['K', 'E', 'N']).toContain(s['SEN Status']);
  });

  it('has names with apostrophes, hyphens and non-ASCII letters', () => {
    const names = students.map((s) => `${s['Legal Forename']} ${s['Legal Surname']}`).join('\n');
    expect(names).toMatch(/'/);
    expect(names).toMatch(/\w-\w/);
    // eslint-disable-next-line no-control-regex -- the ASCII range, to find a non-ASCII letter
    expect(names).toMatch(/[^\x00-\x7f]/);
  });

  it('gives parents example.org / example.net addresses and Y10/Y11 pupils a staff mentor', () => {
    const staffEmails = new Set(records(school, 'Staff').map((s) => s.Email));
    for (const s of students) {
      expect(s['Primary Contact Email']).toMatch(/^[a-z0-9.-]+@example\.(org|net)$/);
      if (+s['NC Year'] >= 10) expect(staffEmails.has(s.Mentor)).toBe(true);
      else expect(s.Mentor).toBe('');
    }
  });

  it('has the canary pupil, with its documented name and UPN', () => {
    const canary = students.filter((s) => s.UPN === CANARY.upn);
    expect(canary).toHaveLength(1);
    expect(canary[0]['Legal Forename']).toBe('Canary');
    expect(canary[0]['Legal Surname']).toBe('Testpupil');
    expect(hasValidCheckLetter(CANARY.upn)).toBe(true);
  });

  it('has 3 leavers who left before the as-of date and have no marks after leaving', () => {
    const leavers = students.filter((s) => s['Leaving Date'] !== '');
    expect(leavers).toHaveLength(3);
    const left = new Map(leavers.map((s) => [s.UPN, iso(s['Leaving Date'])]));
    for (const d of left.values()) expect(d < school.asOf).toBe(true);
    const late = records(school, 'Attendance Marks').filter((m) => left.has(m.UPN) && iso(m.Date) > left.get(m.UPN)!);
    expect(late).toEqual([]);
  });

  it('has every staff role, school e-mail addresses, a tutor per reg group and a Head of Year per year', () => {
    const staff = records(school, 'Staff');
    const roles = new Set(staff.flatMap((s) => s.Role.split(',').map((r) => r.trim())));
    for (const r of Object.keys(EVERY_ROLE)) expect({ r, present: roles.has(r) }).toEqual({ r, present: true });
    for (const r of roles) expect(Object.keys(EVERY_ROLE)).toContain(r);
    for (const s of staff) expect(s.Email).toMatch(/^[a-z0-9.-]+@hillside\.sch\.uk$/);
    expect(new Set(staff.map((s) => s.Email)).size).toBe(staff.length);
    const groups = new Set(students.map((s) => s['Reg Group']));
    const tutors = staff.filter((s) => /Form tutor/.test(s.Role)).map((s) => s['Reg Group']);
    expect(new Set(tutors)).toEqual(groups);
    const hoy = staff.filter((s) => s.Role.split(', ').indexOf('Head of Year') >= 0).map((s) => s.Year).sort();
    expect(hoy).toEqual(['10', '11', '7', '8', '9']);
    expect(staff.some((s) => /SLT link/.test(s.Role) && s.Year !== '')).toBe(true);
    const departments = new Set(staff.filter((s) => /Curriculum leader/.test(s.Role)).map((s) => s.Department));
    expect(departments.size).toBe(12);
  });

  it('comes with settings that pass validation: Hillside Academy, its domain and the 2023–24 half terms', () => {
    const s = withDefaults(school.settings);
    expect(validateSettings(s)).toEqual([]);
    expect(s.school.name).toBe('Hillside Academy');
    expect(s.school.allowedDomains).toEqual(['hillside.sch.uk']);
    expect(s.calendar.halfTerms.map((t) => `${t.start}..${t.end}`)).toEqual([
      '2023-09-04..2023-10-20', '2023-10-30..2023-12-20', '2024-01-09..2024-02-09',
      '2024-02-19..2024-03-28', '2024-04-15..2024-05-24', '2024-06-03..2024-07-19',
    ]);
    expect(school.asOf).toBe('2024-01-26');
  });

  it('writes every date as dd/mm/yyyy and every table under a tracker tab name', () => {
    for (const [tab, rows] of Object.entries(school.tables)) {
      expect(TABS.map((t) => t.name)).toContain(tab);
      const header = rows[0] as string[];
      const bad: string[] = [];
      header.forEach((h, col) => {
        if (!/Date|^Due$/.test(h)) return;
        for (const r of rows.slice(1)) {
          const v = String(r[col]);
          if (v === '') continue;
          // iso() throws on anything but dd/mm/yyyy; events happen on weekdays (a Due may not).
          if (isWeekend(iso(v)) && h !== 'Due') bad.push(`${tab} ${h} ${v}`);
        }
      });
      expect(bad).toEqual([]);
    }
  });

  it('ships seed 002 verbatim as the QA calendar', () => {
    const shipped = fs.readFileSync(SAMPLE_QA_CALENDAR_FILE, 'utf8');
    expect(shipped).toMatch(/WEEK\tMONTH/);
    expect(shipped).toContain('Attendance officer > Pastoral manager > SLT attendance');
    const seed = '/work/shared/seeds/002_b19071d33ddc3945.txt';
    if (fs.existsSync(seed)) expect(shipped).toBe(fs.readFileSync(seed, 'utf8'));
  });
});

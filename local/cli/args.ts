/**
 * Command-line options of `npm run demo` (SPEC §8). Unknown options and bad values stop the run
 * with a message, before anything is written.
 */
import { isIsoDate } from '../../src/core/dates';

export interface DemoArgs {
  data?: string; // folder of CSV exports, one per tab
  workbook?: string; // an existing tracker (.xlsx) to start from
  asOf?: string; // YYYY-MM-DD
  out: string;
  pupils?: number; // size of the built-in sample school
  as?: string; // act as this member of staff instead of the tracker's owner
}

export const USAGE = `Usage: npm run demo -- [--data DIR] [--workbook FILE.xlsx] [--as-of YYYY-MM-DD] [--as EMAIL] [--out DIR] [--pupils N]
  --data DIR        run on a school's own exports, CSV or .xlsx (students.csv, staff.xlsx, letters-log.csv, …; docs/imports.md)
  --as EMAIL        do the week as this member of staff (on the Staff file) instead of the tracker's owner
  --workbook FILE   start from an existing tracker (.xlsx from Google Sheets or an earlier run)
  --as-of DATE      fix "today" (default: the sample school's 2024-01-26, or today with --data)
  --out DIR         where to write tracker.xlsx, letters/, mail/ and report.json (default: out)
  --pupils N        size of the built-in sample school (default 1000)`;

export function parseArgs(argv: string[]): DemoArgs {
  const args: DemoArgs = { out: 'out' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--data') args.data = next();
    else if (a === '--workbook') args.workbook = next();
    else if (a === '--out') args.out = next();
    else if (a === '--as-of') {
      const v = next();
      if (!isIsoDate(v)) throw new Error(`--as-of "${v}" is not a date written YYYY-MM-DD (e.g. 2024-01-26).`);
      args.asOf = v;
    } else if (a === '--pupils') {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 10 || n > 5000) throw new Error('--pupils must be a whole number from 10 to 5000.');
      args.pupils = n;
    } else if (a === '--as') {
      const v = next().trim().toLowerCase();
      if (!/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(v)) throw new Error(`--as "${v}" is not an e-mail address.`);
      args.as = v;
    } else if (a === '--help' || a === '-h') throw new Error(USAGE);
    else throw new Error(`Unknown option "${a}".\n${USAGE}`);
  }
  return args;
}

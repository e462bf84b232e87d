/**
 * Writes the sample school's CSV exports to a folder:
 *   npx tsx local/sample/cli.ts OUTDIR [--pupils N] [--seed N] [--as-of YYYY-MM-DD]
 */
import { isIsoDate } from '../../src/core/dates';
import { generateSampleSchool } from './school';
import { writeSampleCsv } from './writeCsv';

function main(argv: string[]): number {
  const args = argv.slice();
  let outDir = '';
  const opts: { seed?: number; pupils?: number; asOf?: string } = {};
  while (args.length) {
    const a = args.shift()!;
    if (a === '--pupils' || a === '--seed') {
      const n = Number(args.shift());
      if (!Number.isInteger(n) || n < 1) return fail(`${a} needs a whole number above 0.`);
      if (a === '--pupils') opts.pupils = n;
      else opts.seed = n;
    } else if (a === '--as-of') {
      const d = args.shift() || '';
      if (!isIsoDate(d)) return fail(`--as-of needs a date written YYYY-MM-DD (got "${d}").`);
      opts.asOf = d;
    } else if (a.startsWith('--')) return fail(`Unknown option ${a}.`);
    else outDir = a;
  }
  if (!outDir) return fail('Usage: npx tsx local/sample/cli.ts OUTDIR [--pupils N] [--seed N] [--as-of YYYY-MM-DD]');
  const school = generateSampleSchool(opts);
  for (const f of writeSampleCsv(outDir, school)) console.log(f);
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

process.exitCode = main(process.argv.slice(2));

import { makeTracker } from '../local/sample/tracker';
import { loadSettings } from '../src/gas/settingsStore';
import { setUpLetterTemplatesJob } from '../src/jobs/letters/templates';
import { loadLetterSources } from '../src/jobs/letters/sources';
import { planFor } from '../src/jobs/letters/preview';
import { generateLetterRunJob } from '../src/jobs/letters/run';
const { g, ss, school, uninstall } = makeTracker({ pupils: 200 });
setUpLetterTemplatesJob(loadSettings());
const settings = loadSettings();
const runOf = (n: number) => {
  const due = planFor(loadLetterSources(ss, settings, school.asOf, 'reward'), { type: 'reward', cohort: { kind: 'all' } }).plan.toProduce;
  g.env.resetCounts();
  generateLetterRunJob(ss, settings, school.asOf, { type: 'reward', cohort: { kind: 'all' }, unticked: due.slice(n).map((l) => l.upn) }, { clock: () => g.env.simulatedMs });
  return { ...g.env.countsByName() };
};
const a = runOf(20); const b = runOf(40); process.stdout.write("\n"+[Object.keys(a).length, Object.keys(b).length].join(" "));
for (const k of Object.keys(b)) { const d = (b[k] - (a[k] || 0)) / 20; if (d) process.stdout.write("\n"+[k, d, CALL(k)].join(" ")); }
function CALL(k: string) { return require('../local/services/env').CALL_COST_MS[k] ?? 5; }
uninstall();

/**
 * Short bodies by design (issue 21): a long list leaves the body for a CSV attachment and is never
 * printed and attached both; the body budget holds whatever the content.
 */
import { layoutEmail } from '../../../src/core/email/layout';
import { Block, blocksToHtml, blocksToText, TableBlock, utf8Bytes } from '../../../src/core/email/render';
import { composeEmail } from '../../../src/core/email/compose';
import { withDefaults } from '../../../src/core/settings';
import { member } from './fixtures';

const render = (blocks: Block[]) => ({ html: blocksToHtml(blocks), text: blocksToText(blocks) });
const rows = (n: number, prefix = 'Pupil') => Array.from({ length: n }, (_, i) => [`${prefix} ${i + 1}`, '2024-01-15']);
const table = (n: number, over: Partial<TableBlock> = {}): TableBlock => ({ type: 'table', title: 'Level 2', columns: ['Pupil', 'Date'], rows: rows(n), csv: 'level-2-2024-01-15.csv', noun: 'pupils', dateColumns: [1], ...over });

describe('layoutEmail', () => {
  test('a list longer than inlineRows is attached as CSV and only counted in the body', () => {
    const r = layoutEmail([table(21)], [], { inlineRows: 20, maxBytes: 150000 }, render);
    expect(r.attachments.map((a) => a.name)).toEqual(['level-2-2024-01-15.csv']);
    expect(r.text).toBe('Level 2 — 21 pupils, attached as level-2-2024-01-15.csv.\n');
    expect(r.html).not.toContain('Pupil 1<');
    // The CSV holds every row, dates as files keep them (yyyy-mm-dd).
    const csv = r.attachments[0].csv!;
    expect(csv.split('\r\n').filter((l) => l).length).toBe(22);
    expect(csv).toContain('Pupil 21,2024-01-15');
  });

  test('a list of exactly inlineRows stays in the body (dates dd/mm/yyyy) and is not attached', () => {
    const r = layoutEmail([table(20)], [], { inlineRows: 20, maxBytes: 150000 }, render);
    expect(r.attachments).toEqual([]);
    expect(r.text).toContain('Pupil 20 | 15/01/2024');
  });

  test('a table without a CSV name stays in the body however long, while the budget allows', () => {
    const r = layoutEmail([table(40, { csv: undefined })], [], { inlineRows: 20, maxBytes: 150000 }, render);
    expect(r.attachments).toEqual([]);
    expect(r.text.split('\n').filter((l) => /^Pupil \d+ \|/.test(l))).toHaveLength(40);
  });

  test('over the budget, the largest tables go to attachments first until both bodies fit', () => {
    const big = table(400, { title: 'Big', csv: undefined });
    const small = table(5, { title: 'Small', csv: undefined });
    const before = render([big, small]);
    const budget = utf8Bytes(render([small]).html) + 2000;
    expect(utf8Bytes(before.html)).toBeGreaterThan(budget);
    const r = layoutEmail([small, big], [], { inlineRows: 1000, maxBytes: budget, fileDate: '2024-01-15' }, render);
    expect(r.attachments.map((a) => a.name)).toEqual(['big-2024-01-15.csv']);
    expect(r.text).toContain('Small\nPupil | Date');
    expect(utf8Bytes(r.html)).toBeLessThanOrEqual(budget);
    expect(r.cut).toBe(false);
  });

  test('with nothing left to attach, the body is cut at a block and says so', () => {
    const blocks: Block[] = Array.from({ length: 300 }, (_, i) => ({ type: 'paragraph', text: `Line ${i} ${'x'.repeat(200)}` }));
    const r = layoutEmail(blocks, [], { inlineRows: 20, maxBytes: 10000 }, render);
    expect(r.cut).toBe(true);
    expect(utf8Bytes(r.html)).toBeLessThanOrEqual(10000);
    expect(utf8Bytes(r.text)).toBeLessThanOrEqual(10000);
    expect(r.text).toContain('This e-mail was shortened to stay under the e-mail size limit');
  });

  test('the same list twice is attached once; another list with the same name is kept apart', () => {
    const r = layoutEmail([table(30), table(30)], [], { inlineRows: 20, maxBytes: 150000 }, render);
    expect(r.attachments).toHaveLength(1);
    const other = layoutEmail([table(30), table(31)], [], { inlineRows: 20, maxBytes: 150000 }, render);
    expect(other.attachments.map((a) => a.name)).toEqual(['level-2-2024-01-15.csv', 'level-2-2024-01-15-2.csv']);
    expect(other.text).toContain('31 pupils, attached as level-2-2024-01-15-2.csv');
  });
});

test('utf8Bytes counts what Google counts: é is 2 bytes, — 3, an emoji 4', () => {
  expect(utf8Bytes('abc')).toBe(3);
  expect(utf8Bytes('é')).toBe(2);
  expect(utf8Bytes('—')).toBe(3);
  expect(utf8Bytes('😀')).toBe(4);
});

test('composeEmail applies the school\'s inlineRows and body budget', () => {
  const staff = [member('Ann Officer', ['Attendance officer'])];
  const settings = withDefaults({ school: { name: 'Hill School', allowedDomains: ['school.sch.uk'] }, email: { inlineRows: 3, maxBodyKb: 150 } });
  const { email } = composeEmail({ to: ['ann.officer@school.sch.uk'], subject: 'List', title: 'List', sendKey: 'k', blocks: [table(4)] }, { staff, settings, pupils: [] });
  expect(email!.attachments!.map((a) => a.name)).toEqual(['level-2-2024-01-15.csv']);
  expect(email!.body).toContain('Level 2 — 4 pupils, attached as level-2-2024-01-15.csv.');
});

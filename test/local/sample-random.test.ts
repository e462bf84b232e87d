import { Rng } from '../../local/sample/random';

describe('sample Rng (mulberry32)', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const a = new Rng(2024);
    const b = new Rng(2024);
    const c = new Rng(2025);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('gives integers within bounds, roughly uniform, and Poisson counts with the right mean', () => {
    const r = new Rng(1);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 6000; i++) counts[r.int(0, 5)]++;
    for (const n of counts) expect(n).toBeGreaterThan(850);
    let sum = 0;
    for (let i = 0; i < 5000; i++) sum += r.poisson(1.5);
    expect(sum / 5000).toBeCloseTo(1.5, 1);
    expect(r.poisson(0)).toBe(0);
  });

  it('shuffles without losing items, samples distinct items, and forks independent streams', () => {
    const r = new Rng(9);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(r.shuffle(items).slice().sort()).toEqual(items);
    const s = r.sample(items, 5);
    expect(new Set(s).size).toBe(5);
    expect(r.sample(items, 20)).toHaveLength(8);
    const root = new Rng(3);
    const x = root.fork('x').next();
    const y = root.fork('y').next();
    expect(x).not.toBe(y);
    expect(new Rng(3).fork('x').next()).toBe(x);
    expect(() => r.pick([])).toThrow(/empty/);
  });
});

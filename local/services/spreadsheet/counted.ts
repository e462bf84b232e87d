/**
 * Every object the add-on receives is a counting proxy (env.counted). Methods that return `this`
 * for chaining must return the proxy, not the raw object, or the chained calls would go uncounted:
 * each local class keeps its own proxy in `_w` and returns that.
 */
import type { LocalEnv } from '../env';

export interface Wrapped<T> {
  _w: T;
}

export function wrap<T extends object>(env: LocalEnv, obj: T & { _w?: T }, className: string): T {
  const w = env.counted(obj, className);
  obj._w = w;
  return w;
}

/** Apps Script's error text, prefixed as the execution log shows it. */
export function gasError(message: string): Error {
  return new Error(`Exception: ${message}`);
}

/** Colours as Sheets returns them: lower-case #rrggbb; a few CSS names resolved. */
const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  pink: '#ffc0cb',
  orange: '#ffa500',
  grey: '#808080',
  gray: '#808080',
};

export function normaliseColour(c: string | null | undefined): string | undefined {
  if (c === null || c === undefined || c === '') return undefined;
  const s = c.trim().toLowerCase();
  if (NAMED[s]) return NAMED[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return s;
}

/**
 * Logger and a console stand-in for the bundle. Every line goes to env.logs so tests can check
 * that no pupil data is logged. Logger.log(format, ...values) substitutes %s like Apps Script
 * (developers.google.com/apps-script/reference/base/logger#log(String,Object...)).
 */
import { formatString } from './format-string';
import type { LocalEnv } from './env';

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toString();
  try {
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch {
    return String(v);
  }
}

export class LocalLogger {
  private lines: string[] = [];
  constructor(private readonly env: LocalEnv) {}

  log(data: unknown, ...values: unknown[]): LocalLogger {
    const line = values.length > 0 && typeof data === 'string' ? formatString(data, ...values) : show(data);
    this.lines.push(line);
    this.env.logs.push(line);
    return this as LocalLogger;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines = [];
  }
}

export function createLogger(env: LocalEnv): GoogleAppsScript.Base.Logger {
  return env.counted(new LocalLogger(env), 'Logger') as unknown as GoogleAppsScript.Base.Logger;
}

/** console.log/info/warn/error → env.logs (warn and error prefixed with their level). */
export function createConsole(env: LocalEnv): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const write = (prefix: string) => (...args: unknown[]) => {
    env.logs.push(prefix + args.map(show).join(' '));
  };
  return env.counted({ log: write(''), info: write(''), warn: write('WARN: '), error: write('ERROR: ') }, 'console');
}

import { LocalEnv } from '../../../local/services/env';
import { createCacheService } from '../../../local/services/cache';
import { createSession, type LocalSession } from '../../../local/services/session';
import { createConsole, createLogger } from '../../../local/services/logger';

test('cache entries expire against env.now', () => {
  const env = new LocalEnv();
  env.now = new Date('2024-01-26T08:00:00Z');
  const cache = createCacheService(env).getScriptCache()!;
  cache.put('a', '1', 60);
  cache.putAll({ b: '2', c: '3' });
  expect(cache.getAll(['a', 'b', 'x'])).toEqual({ a: '1', b: '2' });
  env.now = new Date('2024-01-26T08:01:00Z');
  expect(cache.get('a')).toBeNull();
  expect(cache.get('b')).toBe('2');
  cache.remove('b');
  expect(createCacheService(env).getScriptCache()!.get('b')).toBeNull();
  expect(createCacheService(env).getDocumentCache()!.get('c')).toBeNull();
});

test('Session: user settable, London time zone, a stable key that is not the e-mail', () => {
  const env = new LocalEnv();
  const s = createSession(env);
  (s as unknown as LocalSession)._setUser('hoy9@school.example');
  expect(s.getActiveUser().getEmail()).toBe('hoy9@school.example');
  expect(s.getEffectiveUser().getEmail()).toBe('hoy9@school.example');
  expect(s.getScriptTimeZone()).toBe('Europe/London');
  const key = s.getTemporaryActiveUserKey();
  expect(key).toBe(s.getTemporaryActiveUserKey());
  expect(key).not.toContain('hoy9');
});

test('Logger and console write to env.logs', () => {
  const env = new LocalEnv();
  const logger = createLogger(env);
  logger.log('Sent %s letters', 12);
  logger.log({ a: 1 });
  expect(logger.getLog()).toBe('Sent 12 letters\n{"a":1}');
  logger.clear();
  expect(logger.getLog()).toBe('');
  createConsole(env).warn('slow', 3);
  expect(env.logs).toEqual(['Sent 12 letters', '{"a":1}', 'WARN: slow 3']);
});

import { LocalEnv } from '../../../local/services/env';
import { createPropertiesService, STORAGE_QUOTA_ERROR } from '../../../local/services/properties';
import { setUser } from '../../../local/services/shared';

describe('PropertiesService', () => {
  test('values are stored as strings; setProperties can delete all others', () => {
    const svc = createPropertiesService(new LocalEnv());
    const p = svc.getDocumentProperties();
    p.setProperty('n', 5 as unknown as string).setProperty('flag', true as unknown as string);
    expect(p.getProperty('n')).toBe('5');
    expect(p.getProperty('flag')).toBe('true');
    expect(p.getProperty('missing')).toBeNull();
    p.setProperties({ a: '1' }, true);
    expect(p.getKeys()).toEqual(['a']);
    expect(svc.getDocumentProperties().getProperties()).toEqual({ a: '1' });
    p.deleteProperty('a');
    expect(p.getKeys()).toEqual([]);
  });

  test('document, script and per-user stores are separate', () => {
    const env = new LocalEnv();
    const svc = createPropertiesService(env);
    svc.getUserProperties().setProperty('k', 'mine');
    svc.getScriptProperties().setProperty('k', 'script');
    setUser(env, 'other@school.example');
    expect(svc.getUserProperties().getProperty('k')).toBeNull();
    expect(svc.getScriptProperties().getProperty('k')).toBe('script');
    expect(svc.getDocumentProperties().getProperty('k')).toBeNull();
  });

  test('a value over 9 kB and a store over 500 kB are refused without writing', () => {
    const p = createPropertiesService(new LocalEnv()).getScriptProperties();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large');
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`k${i}`] = 'y'.repeat(9000);
    expect(() => p.setProperties(many)).toThrow(STORAGE_QUOTA_ERROR);
    expect(p.getKeys()).toEqual(['ok']);
  });
});

/**
 * Local Session (developers.google.com/apps-script/reference/base/session). The user comes from
 * the env's shared state; `_setUser('')` models Apps Script returning an empty e-mail (a user in
 * another domain, or a trigger run without the user's consent).
 *
 * getEffectiveUser: "If the script is running under an installable trigger, this returns the
 * account of the user who created the trigger. In most other cases, this returns the same account
 * as getActiveUser()" (…/session#getEffectiveUser()). An editor add-on's menu items and sidebar
 * calls run as the person using them, so there the two are always the same person: there is no
 * way to make them differ locally (a rule like "the effective user may, the active user may not"
 * tests a case that cannot happen). In a trigger execution (ScriptApp._fireTimeBased, see
 * execution.ts) both are the trigger's owner.
 */
import { createHash } from 'crypto';
import type { LocalEnv } from './env';
import { effectiveUser } from './execution';
import { setUser, sharedState } from './shared';

export class LocalSession {
  constructor(private readonly env: LocalEnv) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    return this.user(sharedState(this.env).user);
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.user(effectiveUser(this.env));
  }
  getScriptTimeZone(): string {
    return 'Europe/London';
  }
  getActiveUserLocale(): string {
    return 'en_GB';
  }
  /** Stable per user within the env, and not the e-mail itself. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`local:${sharedState(this.env).user}`).digest('base64url').slice(0, 43);
  }

  _setUser(email: string): void {
    setUser(this.env, email);
  }

  private user(email: string): GoogleAppsScript.Base.User {
    const u = { getEmail: () => email, toString: () => email };
    return this.env.counted(u, 'User') as unknown as GoogleAppsScript.Base.User;
  }
}

export function createSession(env: LocalEnv): GoogleAppsScript.Base.Session {
  return env.counted(new LocalSession(env), 'Session') as unknown as GoogleAppsScript.Base.Session;
}

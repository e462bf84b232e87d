/**
 * The one error a person is meant to read (issue 14): a missing tab or column, a job someone else
 * is running, a caller not on the Staff tab, a letter run that cannot start, an unknown pupil.
 * Its message says what to do and never names a pupil (it may reach a dialog, a sidebar or the
 * execution log). The entry wrappers (src/entry/wrap.ts) show it as it is; any other error is a
 * fault in the add-on and is reported as one.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

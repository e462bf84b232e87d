/** Who is at the keyboard (their e-mail; '' when Google does not say, e.g. a consumer account). */
export function activeUserEmail(): string {
  try {
    return String(Session.getActiveUser().getEmail() || '');
  } catch (e) {
    return '';
  }
}

/** Case- and space-insensitive text key (subjects, reasons, roles, class names). */
export function normText(s: string): string {
  return String(s == null ? '' : s).replace(/\u00a0/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase();
}

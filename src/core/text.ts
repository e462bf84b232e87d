/** Case- and space-insensitive text key (subjects, reasons, roles, class names). */
export function normText(s: string): string {
  return String(s == null ? '' : s).replace(/\u00a0/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A long text in pieces of at most `size` characters (a cell holds at most 50,000). */
export function splitText(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

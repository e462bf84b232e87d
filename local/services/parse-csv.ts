/**
 * Utilities.parseCsv(csv, delimiter?) (developers.google.com/apps-script/reference/utilities/
 * utilities#parseCsv(String,Char)). Quoted fields may hold the delimiter and doubled quotes.
 * Apps Script's parser works line by line: a quoted field holding a line break is not supported
 * (a widely reported limitation, e.g. gist.github.com/simonjamain "fix the bug on
 * Utilities.parseCsv() ... which does not allow newlines"), and unparseable text throws
 * "Could not parse text." — modelled here so code that needs quoted newlines uses its own parser.
 * A final line break does not make an extra empty row.
 */
export const CSV_ERROR = 'Exception: Could not parse text.';

export function parseCsv(csv: string, delimiter = ','): string[][] {
  const text = String(csv).replace(/(\r\n|\r|\n)$/, '');
  if (text === '') return [];
  return text.split(/\r\n|\r|\n/).map((line) => parseLine(line, delimiter));
}

function parseLine(line: string, delim: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(CSV_ERROR); // unterminated (e.g. a line break inside quotes)
        if (line[i] === '"') {
          if (line[i + 1] === '"') { value += '"'; i += 2; continue; }
          i++;
          break;
        }
        value += line[i++];
      }
      if (i < line.length && line[i] !== delim) throw new Error(CSV_ERROR);
    } else {
      const end = line.indexOf(delim, i);
      value = line.slice(i, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    }
    out.push(value);
    if (i >= line.length) return out;
    i += delim.length; // skip the delimiter
  }
}

/**
 * Utilities.formatDate(date, timeZone, format): Java SimpleDateFormat patterns
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate; docs.oracle.com
 * SimpleDateFormat). Calendar fields come from Intl in the given zone, names in English as
 * Apps Script prints them. Letters: y M d E u H h k K m s S a z Z X; text in '…' is literal,
 * '' is a quote.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Fields { y: number; M: number; d: number; H: number; m: number; s: number; S: number; dow: number; offsetMin: number; zone: string }

function fieldsIn(date: Date, timeZone: string): Fields {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    hourCycle: 'h23', weekday: 'short', timeZoneName: 'short',
  });
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  const y = Number(p.year), M = Number(p.month), d = Number(p.day), H = Number(p.hour) % 24, m = Number(p.minute), s = Number(p.second);
  const asUtc = Date.UTC(y, M - 1, d, H, m, s);
  const offsetMin = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const dow = new Date(Date.UTC(y, M - 1, d)).getUTCDay();
  return { y, M, d, H, m, s, S: date.getTime() % 1000 < 0 ? 1000 + (date.getTime() % 1000) : date.getTime() % 1000, dow, offsetMin, zone: p.timeZoneName ?? timeZone };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function offset(min: number, colon: boolean): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

function field(letter: string, n: number, f: Fields): string {
  switch (letter) {
    case 'y': return n === 2 ? pad(f.y % 100, 2) : pad(f.y, n);
    case 'M': return n >= 4 ? MONTHS[f.M - 1] : n === 3 ? MONTHS[f.M - 1].slice(0, 3) : pad(f.M, n);
    case 'd': return pad(f.d, n);
    case 'E': return n >= 4 ? DAYS[f.dow] : DAYS[f.dow].slice(0, 3);
    case 'u': return String(f.dow === 0 ? 7 : f.dow);
    case 'H': return pad(f.H, n);
    case 'k': return pad(f.H === 0 ? 24 : f.H, n);
    case 'K': return pad(f.H % 12, n);
    case 'h': return pad(f.H % 12 === 0 ? 12 : f.H % 12, n);
    case 'm': return pad(f.m, n);
    case 's': return pad(f.s, n);
    case 'S': return pad(f.S, Math.max(n, 3)).slice(0, Math.max(n, 3));
    case 'a': return f.H < 12 ? 'AM' : 'PM';
    case 'z': return f.zone;
    case 'Z': return offset(f.offsetMin, false);
    case 'X': return f.offsetMin === 0 ? 'Z' : offset(f.offsetMin, n >= 3);
    default: throw new Error(`Exception: Illegal pattern character '${letter}'`);
  }
}

export function formatDate(date: Date, timeZone: string, format: string): string {
  if (!(date instanceof Date) || isNaN(date.getTime())) throw new Error('Exception: Invalid argument: date');
  const f = fieldsIn(date, timeZone);
  let out = '';
  for (let i = 0; i < format.length; ) {
    const c = format[i];
    if (c === "'") {
      if (format[i + 1] === "'") { out += "'"; i += 2; continue; }
      const end = format.indexOf("'", i + 1);
      out += format.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? format.length : end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (format[i + n] === c) n++;
      out += field(c, n, f);
      i += n;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Utilities.formatString: "Performs sprintf-like string formatting using '%'-style format
 * strings" (developers.google.com/apps-script/reference/utilities/utilities#formatString).
 * Supports %s %d %i %f %e %x %o %% with flags (-, 0, +, space), width and precision.
 */
export function formatString(template: string, ...args: unknown[]): string {
  let i = 0;
  return String(template).replace(/%([-+ 0]*)(\d+)?(?:\.(\d+))?([sdifexXo%])/g, (whole, flags: string, width?: string, prec?: string, conv?: string) => {
    if (conv === '%') return '%';
    if (i >= args.length) return whole;
    const v = args[i++];
    let s: string;
    const n = Number(v);
    switch (conv) {
      case 's': s = prec ? String(v).slice(0, Number(prec)) : String(v); break;
      case 'd': case 'i': s = String(Math.trunc(n)); break;
      case 'f': s = n.toFixed(prec ? Number(prec) : 6); break;
      case 'e': s = n.toExponential(prec ? Number(prec) : 6); break;
      case 'x': s = Math.trunc(n).toString(16); break;
      case 'X': s = Math.trunc(n).toString(16).toUpperCase(); break;
      case 'o': s = Math.trunc(n).toString(8); break;
      default: s = String(v);
    }
    if (conv !== 's' && n >= 0) {
      if (flags.includes('+')) s = '+' + s;
      else if (flags.includes(' ')) s = ' ' + s;
    }
    const w = width ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w);
      else if (flags.includes('0') && conv !== 's') {
        const sign = /^[+\- ]/.test(s) ? s[0] : '';
        s = sign + s.slice(sign.length).padStart(w - sign.length, '0');
      } else s = s.padStart(w);
    }
    return s;
  });
}

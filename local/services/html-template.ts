/**
 * HtmlTemplate scriptlets (developers.google.com/apps-script/guides/html/templates):
 * `<? code ?>` runs, `<?= expr ?>` prints with contextual escaping (HTML-escaped in markup, a
 * JavaScript literal inside <script>), `<?!= expr ?>` prints raw. Variables are the properties
 * assigned to the template (`t.pupils = …`) plus the bundle's globals (e.g. an include()).
 */
export function escapeHtml(v: unknown): string {
  return show(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function show(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** Inside <script>, print a JSON literal with '<' escaped so it cannot close the tag. */
function escapeScript(v: unknown): string {
  const json = JSON.stringify(v === undefined ? null : v) ?? 'null';
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

/** Compile template text into JavaScript source building `__out`. */
export function compileTemplate(src: string): string {
  const lines: string[] = ["var __out = '';"];
  let inScript = false;
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('<?', i);
    const literal = src.slice(i, open < 0 ? src.length : open);
    if (literal) {
      lines.push(`__out += ${JSON.stringify(literal)};`);
      const opens = literal.toLowerCase().lastIndexOf('<script');
      const closes = literal.toLowerCase().lastIndexOf('</script');
      if (opens > closes) inScript = true;
      else if (closes > opens) inScript = false;
    }
    if (open < 0) break;
    const close = src.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Exception: Malformed HTML template: a scriptlet "<?" has no closing "?>".');
    const body = src.slice(open + 2, close);
    if (body.startsWith('!=')) lines.push(`__out += __show(${body.slice(2)});`);
    else if (body.startsWith('=')) lines.push(`__out += ${inScript ? '__js' : '__html'}(${body.slice(1)});`);
    else lines.push(body);
    i = close + 2;
  }
  lines.push('return __out;');
  return lines.join('\n');
}

export function runTemplate(code: string, data: Record<string, unknown>, globals: Record<string, unknown>): string {
  // Sloppy-mode function so `with` can expose template data and globals by name, as Apps Script does.
  const fn = new Function('__data', '__globals', '__html', '__js', '__show', `with (__globals) { with (__data) {\n${code}\n} }`);
  return fn(data, globals, escapeHtml, escapeScript, show) as string;
}

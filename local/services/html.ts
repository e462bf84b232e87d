/**
 * Local HtmlService (developers.google.com/apps-script/reference/html). Files are read from a
 * folder (default `build/`, where esbuild writes the sidebars): createHtmlOutputFromFile('Sidebar')
 * reads build/Sidebar.html.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { LocalEnv } from './env';
import { compileTemplate, escapeHtml, runTemplate } from './html-template';

const enumOf = <K extends string>(names: readonly K[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);
export const SandboxMode = enumOf(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = enumOf(['ALLOWALL', 'DEFAULT'] as const);

export class LocalHtmlOutput {
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  _sandbox: string = SandboxMode.IFRAME;
  _xframe: string = XFrameOptionsMode.DEFAULT;
  _meta: Record<string, string> = {};
  _proxy!: LocalHtmlOutput;
  constructor(private content: string) {}

  getContent(): string { return this.content; }
  setContent(html: string): LocalHtmlOutput { this.content = String(html); return this._proxy; }
  append(html: string): LocalHtmlOutput { this.content += String(html); return this._proxy; }
  appendUntrusted(text: string): LocalHtmlOutput { this.content += escapeHtml(text); return this._proxy; }
  clear(): LocalHtmlOutput { this.content = ''; return this._proxy; }
  setTitle(t: string): LocalHtmlOutput { this._title = String(t); return this._proxy; }
  getTitle(): string { return this._title; }
  setWidth(w: number): LocalHtmlOutput { this._width = w; return this._proxy; }
  getWidth(): number | null { return this._width; }
  setHeight(h: number): LocalHtmlOutput { this._height = h; return this._proxy; }
  getHeight(): number | null { return this._height; }
  setSandboxMode(m: string): LocalHtmlOutput { this._sandbox = m; return this._proxy; }
  setXFrameOptionsMode(m: string): LocalHtmlOutput { this._xframe = m; return this._proxy; }
  addMetaTag(name: string, content: string): LocalHtmlOutput { this._meta[name] = content; return this._proxy; }
  setFaviconUrl(): LocalHtmlOutput { return this._proxy; }
}

export class LocalHtmlTemplate {
  [prop: string]: unknown;
  constructor(private readonly _src: string, private readonly _service: LocalHtmlService) {}

  evaluate(): LocalHtmlOutput {
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (!k.startsWith('_')) data[k] = v;
    return this._service.createHtmlOutput(runTemplate(compileTemplate(this._src), data, this._service._globals));
  }
  getCode(): string { return compileTemplate(this._src); }
  getRawContent(): string { return this._src; }
}

export class LocalHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  _folder = 'build';
  /** Names visible to template code besides its data (the bundle's globals, e.g. include()). */
  _globals: Record<string, unknown> = {};

  constructor(private readonly env: LocalEnv) {}

  createHtmlOutput(html = ''): LocalHtmlOutput {
    const o = new LocalHtmlOutput(String(html));
    o._proxy = this.env.counted(o, 'HtmlOutput');
    return o._proxy;
  }
  createHtmlOutputFromFile(filename: string): LocalHtmlOutput {
    return this.createHtmlOutput(this.read(filename));
  }
  createTemplate(html: string): LocalHtmlTemplate {
    return this.env.counted(new LocalHtmlTemplate(String(html), this), 'HtmlTemplate');
  }
  createTemplateFromFile(filename: string): LocalHtmlTemplate {
    return this.createTemplate(this.read(filename));
  }

  /** Local only: where createXFromFile reads (default `build/`). */
  _setFolder(folder: string): void {
    this._folder = folder;
  }
  /** Local only: globals template code can call (e.g. the bundle's include). */
  _setGlobals(g: Record<string, unknown>): void {
    this._globals = g;
  }

  private read(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const path = join(this._folder, `${name}.html`);
    if (!existsSync(path)) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return readFileSync(path, 'utf8');
  }
}

export function createHtmlService(env: LocalEnv): GoogleAppsScript.HTML.HtmlService {
  return env.counted(new LocalHtmlService(env), 'HtmlService') as unknown as GoogleAppsScript.HTML.HtmlService;
}

/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs — recorded, not shown.
 * Tests read `_record` and queue the answers a person would give (`_queueAlert`, `_queuePrompt`);
 * with nothing queued an alert answers OK (Ui.alert's default) and a prompt answers OK with "".
 * Source: developers.google.com/apps-script/reference/base/ui.
 */
import type { LocalEnv } from '../env';
import { wrap } from './counted';
import { Button, ButtonSet, type ButtonName } from './enums';

export interface MenuNode {
  title: string;
  /** Menu item: the global function it calls. */
  functionName?: string;
  separator?: boolean;
  items?: MenuNode[];
}

export interface UiRecord {
  menus: MenuNode[];
  alerts: { title?: string; prompt: string; buttons?: string; answer: ButtonName }[];
  prompts: { title?: string; prompt: string; buttons?: string; answer: { button: ButtonName; text: string } }[];
  sidebars: { title?: string; content?: string; html: unknown }[];
  dialogs: { title: string; content?: string; modal: boolean; html: unknown }[];
  toasts: { message: string; title?: string; timeoutSeconds?: number }[];
}

export function newUiRecord(): UiRecord {
  return { menus: [], alerts: [], prompts: [], sidebars: [], dialogs: [], toasts: [] };
}

export class LocalMenu {
  _w?: LocalMenu;
  readonly _node: MenuNode;
  constructor(
    private readonly env: LocalEnv,
    private readonly record: UiRecord,
    title: string,
  ) {
    this._node = { title, items: [] };
  }
  addItem(caption: string, functionName: string): LocalMenu {
    this._node.items!.push({ title: caption, functionName });
    return this._w as LocalMenu;
  }
  addSeparator(): LocalMenu {
    this._node.items!.push({ title: '', separator: true });
    return this._w as LocalMenu;
  }
  addSubMenu(menu: LocalMenu): LocalMenu {
    this._node.items!.push(menu._node);
    return this._w as LocalMenu;
  }
  addToUi(): void {
    // Re-running onOpen replaces a menu of the same title rather than adding a second one.
    const i = this.record.menus.findIndex((m) => m.title === this._node.title);
    if (i >= 0) this.record.menus[i] = this._node;
    else this.record.menus.push(this._node);
  }
}

interface HtmlLike {
  getContent?: () => string;
  getTitle?: () => string;
}

class LocalPromptResponse {
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}
  getSelectedButton(): ButtonName {
    return this.button;
  }
  getResponseText(): string {
    return this.text;
  }
}

export class LocalUi {
  _w?: LocalUi;
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  private alertAnswers: ButtonName[] = [];
  private promptAnswers: { button: ButtonName; text: string }[] = [];
  constructor(
    private readonly env: LocalEnv,
    readonly _record: UiRecord,
  ) {}

  createMenu(title: string): LocalMenu {
    return wrap(this.env, new LocalMenu(this.env, this._record, title), 'Menu');
  }
  /** An add-on's menu sits under Extensions › <add-on name>; recorded under the title "Add-on". */
  createAddonMenu(): LocalMenu {
    return wrap(this.env, new LocalMenu(this.env, this._record, 'Add-on'), 'Menu');
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(a: string, b?: string, c?: string): ButtonName {
    let title: string | undefined;
    let prompt = a;
    let buttons: string | undefined;
    if (c !== undefined) [title, prompt, buttons] = [a, b as string, c];
    else if (b !== undefined) buttons = b;
    const answer = this.alertAnswers.shift() ?? (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? Button.YES : Button.OK);
    this._record.alerts.push({ title, prompt, buttons, answer });
    return answer;
  }
  prompt(a: string, b?: string, c?: string): LocalPromptResponse {
    let title: string | undefined;
    let prompt = a;
    let buttons: string | undefined;
    if (c !== undefined) [title, prompt, buttons] = [a, b as string, c];
    else if (b !== undefined) buttons = b;
    const answer = this.promptAnswers.shift() ?? { button: Button.OK, text: '' };
    this._record.prompts.push({ title, prompt, buttons, answer });
    return wrap(this.env, new LocalPromptResponse(answer.button, answer.text), 'PromptResponse');
  }
  showSidebar(html: HtmlLike): void {
    this._record.sidebars.push({ title: html.getTitle?.(), content: html.getContent?.(), html });
  }
  showModalDialog(html: HtmlLike, title: string): void {
    this._record.dialogs.push({ title, content: html.getContent?.(), modal: true, html });
  }
  showModelessDialog(html: HtmlLike, title: string): void {
    this._record.dialogs.push({ title, content: html.getContent?.(), modal: false, html });
  }

  /** Queue what the person clicks at the next alert(s). */
  _queueAlert(...answers: ButtonName[]): void {
    this.alertAnswers.push(...answers);
  }
  /** Queue what the person types and clicks at the next prompt. */
  _queuePrompt(text: string, button: ButtonName = Button.OK): void {
    this.promptAnswers.push({ button, text });
  }
}

/**
 * The spreadsheet's user interface as a script sees it (menus, alerts, prompts, dialogs) and as
 * the harness drives it: menus registered by addToUi can be clicked, dialogs are answered from a
 * queue, and everything shown is recorded.
 * https://developers.google.com/apps-script/guides/dialogs
 */
import type { Core } from '../core';
import { gasError } from '../core';
import { enumName, enumValue, makeEnum } from '../gas-enum';

type Base = typeof GoogleAppsScript.Base;
type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';
type GButton = GoogleAppsScript.Base.Button;
type GButtonSet = GoogleAppsScript.Base.ButtonSet;

export const Button = makeEnum<Base['Button']>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum<Base['ButtonSet']>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { caption: string; items: MenuEntry[] };

export interface ShownItem {
  kind: 'alert' | 'prompt' | 'modalDialog' | 'modelessDialog' | 'sidebar' | 'toast';
  title: string;
  message: string;
  at: number;
}

export interface QueuedAnswer {
  button: ButtonName;
  text?: string;
}

export class MenuFake implements Pick<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  toString(): string {
    return 'Menu';
  }
  readonly items: MenuEntry[] = [];

  constructor(
    readonly caption: string,
    private readonly ui: UiFake,
  ) {}

  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.items.push({ caption, functionName });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.items.push({ separator: true });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    const sub = menu as unknown as MenuFake;
    this.items.push({ caption: sub.caption, items: sub.items });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addToUi(): void {
    this.ui.register(this.caption, this.items);
  }
}

type UiMethods = 'createMenu' | 'createAddonMenu' | 'alert' | 'prompt' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar' | 'ButtonSet' | 'Button';

export class UiFake implements Pick<GoogleAppsScript.Base.Ui, UiMethods> {
  toString(): string {
    return 'Ui';
  }
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  /** Menus as the user sees them in the menu bar (what addToUi registered since the last open). */
  menus: Array<{ caption: string; items: MenuEntry[] }> = [];
  readonly shown: ShownItem[] = [];
  private readonly answers: QueuedAnswer[] = [];

  constructor(private readonly core: Core) {}

  // --- script side -------------------------------------------------------------------------

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new MenuFake(caption, this) as unknown as GoogleAppsScript.Base.Menu;
  }
  /** An add-on's menu sits under Extensions, captioned with the add-on's name. */
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return new MenuFake('Extensions', this) as unknown as GoogleAppsScript.Base.Menu;
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(first: string, second?: string | GButtonSet, third?: GButtonSet): GButton {
    // A round trip to the user's browser: a killed execution cannot show one (Core.call throws).
    this.core.call('SpreadsheetApp', 'Ui.alert', 'meta');
    const { title, message, buttons } = dialogArgs(first, second, third);
    this.record('alert', title, message);
    // Unanswered, the person takes the first (affirmative) button: OK or YES.
    return enumValue<GButton>(Button, this.answer(buttons, buttons[0]).button);
  }

  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(first: string, second?: string | GButtonSet, third?: GButtonSet): GoogleAppsScript.Base.PromptResponse {
    this.core.call('SpreadsheetApp', 'Ui.prompt', 'meta');
    const { title, message, buttons } = dialogArgs(first, second, third);
    this.record('prompt', title, message);
    // Unanswered, the person dismisses the prompt: Cancel if the dialog has it, else the close box.
    const answer = this.answer(buttons, buttons.includes('CANCEL') ? 'CANCEL' : 'CLOSE');
    const text = answer.text ?? '';
    return {
      getResponseText: () => text,
      getSelectedButton: () => enumValue<GButton>(Button, answer.button),
    };
  }

  /**
   * Dialogs and sidebars need the script.container.ui scope, which a simple trigger does not
   * have: "You do not have permission to call Ui.showSidebar. Required permissions:
   * https://www.googleapis.com/auth/script.container.ui" (from onOpen; reported in
   * github.com/oshliaer/google-apps-script-snippets/issues/18).
   */
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.core.requireFullAuth('Ui.showModalDialog', 'https://www.googleapis.com/auth/script.container.ui');
    this.record('modalDialog', title, htmlOf(userInterface));
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.core.requireFullAuth('Ui.showModelessDialog', 'https://www.googleapis.com/auth/script.container.ui');
    this.record('modelessDialog', title, htmlOf(userInterface));
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.core.requireFullAuth('Ui.showSidebar', 'https://www.googleapis.com/auth/script.container.ui');
    const title = typeof userInterface.getTitle === 'function' ? userInterface.getTitle() : '';
    this.record('sidebar', title, htmlOf(userInterface));
  }

  // --- harness side ------------------------------------------------------------------------

  /** The person's next answer to an alert or prompt. */
  answerNext(answer: QueuedAnswer): void {
    this.answers.push(answer);
  }

  /**
   * Runs the function behind a menu item, as a click does: its errors go to the execution log.
   * The click runs as the person who clicked (`user`, default the harness's user), under their own
   * authorization: Session.getEffectiveUser() is them, their installable triggers are the ones
   * ScriptApp.getProjectTriggers() shows, mail goes out from their mailbox against their own daily
   * quota ("Gets information about the user under whose authority the script is running",
   * developers.google.com/apps-script/reference/base/session#getEffectiveUser(); "Quotas are per
   * user", developers.google.com/apps-script/guides/services/quotas). A menu click is not a
   * trigger: it spends no one's daily trigger runtime.
   */
  clickMenuItem(itemCaption: string, user?: string): unknown {
    const item = findItem(
      this.menus.flatMap((m) => m.items),
      itemCaption,
    );
    if (!item) throw new Error(`No menu item "${itemCaption}" (menus: ${JSON.stringify(this.menus.map((m) => m.caption))})`);
    return this.core.invoke(item.functionName, 'menu', undefined, { rethrow: false, user });
  }

  /** A reload of the page: menus added by the last onOpen are gone until onOpen adds them again. */
  resetMenus(): void {
    this.menus = [];
  }

  register(caption: string, items: MenuEntry[]): void {
    const menu = { caption, items: [...items] };
    const i = this.menus.findIndex((m) => m.caption === caption);
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }

  record(kind: ShownItem['kind'], title: string, message: string): void {
    this.shown.push({ kind, title, message, at: this.core.now() });
  }

  /** The queued answer; with none queued the person takes `fallback`. */
  private answer(buttons: ButtonName[], fallback: ButtonName): QueuedAnswer {
    const answer = this.answers.shift();
    if (!answer) return { button: fallback };
    if (answer.button !== 'CLOSE' && !buttons.includes(answer.button)) {
      throw new Error(`Queued answer ${answer.button} is not a button of this dialog (${buttons.join(', ')})`);
    }
    return answer;
  }
}

function dialogArgs(first: string, second?: string | GButtonSet, third?: GButtonSet): { title: string; message: string; buttons: ButtonName[] } {
  if (typeof second === 'string' && third !== undefined) {
    return { title: first, message: second, buttons: buttonsOf(third) };
  }
  return { title: '', message: first, buttons: second === undefined ? BUTTONS_OF.OK : buttonsOf(second) };
}

function buttonsOf(set: unknown): ButtonName[] {
  const buttons = BUTTONS_OF[enumName(set) as ButtonSetName];
  if (!buttons) throw gasError('Invalid argument: buttons');
  return buttons;
}

function htmlOf(output: GoogleAppsScript.HTML.HtmlOutput): string {
  return typeof output?.getContent === 'function' ? output.getContent() : String(output);
}

function findItem(entries: MenuEntry[], caption: string): { caption: string; functionName: string } | null {
  for (const entry of entries) {
    if ('functionName' in entry && entry.caption === caption) return entry;
    if ('items' in entry) {
      const found = findItem(entry.items, caption);
      if (found) return found;
    }
  }
  return null;
}

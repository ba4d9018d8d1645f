// Turns what the menu endpoints return into the upload shape that menu/create accepts:
// - get_current_selfmenu_info (the live menu, also when it was made in the MP console):
//   `is_menu_open`, `selfmenu_info.button[]`, `sub_button.list[]`, console-only types (text, img,
//   voice, video, news with `value`/`news_info`);
// - menu/get (menus created through the API): `{menu: {button, menuid}, conditionalmenu: [...]}`;
// - a plain `{button: [...]}` (trymatch, files).
// What cannot be carried over as it is comes back as notes, each with the path of the button in
// the converted menu. vscode-free.

import { formatMessage, type Localize, type MessageArg } from '../../../common/localize';
import type { ConditionalMenu, JsonPath, MatchRule, Menu, MenuButton } from './model';
import { asRecord, asText, type JsonRecord, ownValue as own } from './ownFields';
import { isButtonType, LEAF_FIELDS } from './rules/buttons';
import type { ButtonLevel } from './rules/limits';
import { MATCHRULE_FIELDS, type MatchRuleField } from './rules/matchRule';

export type ConversionNoteCode =
  | 'menu-off'
  | 'no-menu'
  | 'console-news'
  | 'console-img'
  | 'console-voice'
  | 'console-video'
  | 'console-text'
  | 'unknown-type'
  | 'not-a-button'
  | 'group-id-renamed';

export interface ConversionNote {
  /** Path of the affected node in the converted menu (e.g. ['button', 1, 'sub_button', 0]). */
  path: JsonPath;
  /** Set when the note is about `conditional[conditionalIndex].menu` rather than the default menu. */
  conditionalIndex?: number;
  code: ConversionNoteCode;
  /** True when the converted menu needs an edit before it can be uploaded. */
  needsAction: boolean;
  message: string;
}

export interface MenuConversion {
  /** The default menu in upload shape; absent when the account has none. */
  menu?: Menu;
  /** menu/get: id of the default menu. */
  menuid?: string;
  /** menu/get: the conditional menus, in upload shape (with matchrule). */
  conditional: ConditionalMenu[];
  /** get_current_selfmenu_info: whether the menu is switched on. */
  isMenuOpen?: boolean;
  notes: ConversionNote[];
}

/** English templates of the conversion notes (keys of the zh-cn bundle). */
export const CONVERSION_MESSAGES = {
  menuOff: 'The custom menu is switched off for this account (is_menu_open is 0), so clients do not show it.',
  noMenu: 'The account has no menu.',
  consoleNews:
    '"{0}" sends a news message chosen in the MP console; it is now a media_id button with the same material id. If it is a published article, use an article_id button instead.',
  consoleImg: '"{0}" sends an image chosen in the MP console; it is now a media_id button with the same material id.',
  consoleVoice: '"{0}" sends a voice message chosen in the MP console; it is now a media_id button with the same material id.',
  consoleVideo:
    '"{0}" sends a video chosen in the MP console, but the live menu only gives its download link. Fill in the permanent media_id of the video before uploading.',
  consoleText:
    '"{0}" replies with a text set in the MP console: "{1}". The API has no text button: use a click button with a key and send the text from your server.',
  unknownType: '"{0}" has the type "{1}", which cannot be converted; it is kept as it is.',
  notAButton: 'An entry that is not a button was left out.',
  groupIdRenamed: '"group_id" was renamed to its newer name "tag_id".',
} as const;

type Json = JsonRecord;

class Converter {
  readonly notes: ConversionNote[] = [];
  /** While converting a conditional menu: its index in `conditional`. */
  conditionalIndex: number | undefined;

  constructor(private readonly localize: Localize) {}

  note(path: JsonPath, code: ConversionNoteCode, needsAction: boolean, template: string, ...args: MessageArg[]): void {
    const note: ConversionNote = { path, code, needsAction, message: this.localize(template, ...args) };
    if (this.conditionalIndex !== undefined) {
      note.conditionalIndex = this.conditionalIndex;
    }
    this.notes.push(note);
  }

  /** Buttons of either shape: an array, or `{list: [...]}` as get_current_selfmenu_info nests them. */
  buttons(value: unknown, path: JsonPath, live: boolean, level: ButtonLevel = 'top'): MenuButton[] {
    const wrapper = asRecord(value);
    const list = Array.isArray(value) ? value : wrapper && own(wrapper, 'list');
    if (!Array.isArray(list)) {
      return [];
    }
    const result: MenuButton[] = [];
    for (const item of list) {
      const record = asRecord(item);
      if (!record) {
        this.note([...path], 'not-a-button', false, CONVERSION_MESSAGES.notAButton);
        continue;
      }
      result.push(this.button(record, [...path, result.length], live, level));
    }
    return result;
  }

  button(source: Json, path: JsonPath, live: boolean, level: ButtonLevel): MenuButton {
    const name = asText(own(source, 'name')) ?? '';
    // Menus have two levels: a sub-button's own sub_button is never followed, which also bounds
    // the walk whatever a (hostile) answer nests.
    const subs = level === 'top' ? this.buttons(own(source, 'sub_button'), [...path, 'sub_button'], live, 'sub') : [];
    if (subs.length > 0) {
      return { name, sub_button: subs };
    }
    const type = asText(own(source, 'type'));
    const button: MenuButton = type === undefined ? { name } : { type, name };
    for (const field of LEAF_FIELDS) {
      const value = asText(own(source, field));
      if (value !== undefined) {
        button[field] = value;
      }
    }
    if (type !== undefined && !isButtonType(type) && live) {
      return this.consoleButton(button, type, asText(own(source, 'value')), path);
    }
    return button;
  }

  /** Types only the MP console creates, which the live menu reports with a `value`. */
  private consoleButton(button: MenuButton, type: string, value: string | undefined, path: JsonPath): MenuButton {
    const name = button.name;
    const media = (template: string, code: ConversionNoteCode): MenuButton => {
      this.note(path, code, value === undefined, template, name);
      return { type: 'media_id', name, media_id: value ?? '' };
    };
    switch (type) {
      case 'news':
        return media(CONVERSION_MESSAGES.consoleNews, 'console-news');
      case 'img':
        return media(CONVERSION_MESSAGES.consoleImg, 'console-img');
      case 'voice':
        return media(CONVERSION_MESSAGES.consoleVoice, 'console-voice');
      case 'video':
        this.note(path, 'console-video', true, CONVERSION_MESSAGES.consoleVideo, name);
        return { type: 'media_id', name, media_id: '' };
      case 'text':
        this.note(path, 'console-text', true, CONVERSION_MESSAGES.consoleText, name, value ?? '');
        return { type: 'click', name, key: '' };
      default:
        this.note(path, 'unknown-type', true, CONVERSION_MESSAGES.unknownType, name, type);
        return button;
    }
  }

  matchRule(value: unknown, path: JsonPath): MatchRule | undefined {
    const source = asRecord(value);
    if (!source) {
      return undefined;
    }
    const rule: MatchRule = {};
    for (const field of Object.keys(MATCHRULE_FIELDS) as MatchRuleField[]) {
      const text = asText(own(source, field));
      if (text === undefined || text === '') {
        continue;
      }
      const renamed = MATCHRULE_FIELDS[field].renamedTo;
      if (renamed && rule[renamed] === undefined && asText(own(source, renamed)) === undefined) {
        rule[renamed] = text;
        this.note([...path, renamed], 'group-id-renamed', false, CONVERSION_MESSAGES.groupIdRenamed);
        continue;
      }
      rule[field] = text;
    }
    return rule;
  }

  result(partial: Omit<MenuConversion, 'notes' | 'conditional'> & { conditional?: ConditionalMenu[] }): MenuConversion {
    return { conditional: [], ...partial, notes: this.notes };
  }
}

/** Converts a get_current_selfmenu_info response. */
export function convertLiveMenu(response: unknown, localize: Localize = formatMessage): MenuConversion {
  const c = new Converter(localize);
  const root = asRecord(response) ?? {};
  const open = own(root, 'is_menu_open');
  const isMenuOpen = open === undefined ? undefined : open === 1 || open === '1' || open === true;
  if (isMenuOpen === false) {
    c.note([], 'menu-off', false, CONVERSION_MESSAGES.menuOff);
  }
  const info = asRecord(own(root, 'selfmenu_info'));
  const buttons = c.buttons(info && own(info, 'button'), ['button'], true);
  if (buttons.length === 0) {
    c.note([], 'no-menu', false, CONVERSION_MESSAGES.noMenu);
    return c.result(isMenuOpen === undefined ? {} : { isMenuOpen });
  }
  const menu: Menu = { button: buttons };
  return c.result(isMenuOpen === undefined ? { menu } : { menu, isMenuOpen });
}

/** Converts a menu/get response: the default menu and every conditional menu. */
export function convertApiMenu(response: unknown, localize: Localize = formatMessage): MenuConversion {
  const c = new Converter(localize);
  const root = asRecord(response) ?? {};
  const source = asRecord(own(root, 'menu'));
  const buttons = source ? c.buttons(own(source, 'button'), ['button'], false) : [];
  const conditional: ConditionalMenu[] = [];
  const conditionalMenus = own(root, 'conditionalmenu');
  const list: unknown[] = Array.isArray(conditionalMenus) ? conditionalMenus : [];
  for (const item of list) {
    const record = asRecord(item);
    if (!record) {
      continue;
    }
    c.conditionalIndex = conditional.length;
    const menu: Menu = { button: c.buttons(own(record, 'button'), ['button'], false) };
    const matchrule = c.matchRule(own(record, 'matchrule'), ['matchrule']);
    if (matchrule) {
      menu.matchrule = matchrule;
    }
    const menuid = asText(own(record, 'menuid'));
    conditional.push(menuid === undefined ? { menu } : { menuid, menu });
  }
  c.conditionalIndex = undefined;
  if (buttons.length === 0) {
    c.note([], 'no-menu', false, CONVERSION_MESSAGES.noMenu);
    return c.result({ conditional });
  }
  const menuid = source ? asText(own(source, 'menuid')) : undefined;
  const menu: Menu = { button: buttons };
  return c.result(menuid === undefined ? { menu, conditional } : { menu, menuid, conditional });
}

/** Top-level button names, for pick lists ("Today · Menu · About"). */
export function summarizeMenu(menu: Menu): string[] {
  return menu.button.map((b) => (typeof b.name === 'string' ? b.name.trim() : ''));
}

/** The text of a menu file: 2-space JSON with a final newline. */
export function formatMenuJson(menu: Menu): string {
  return `${JSON.stringify(menu, null, 2)}\n`;
}

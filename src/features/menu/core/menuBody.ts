// The one place that decides what is POSTed to menu/create and menu/addconditional: built from an
// allow-list of WeChat's documented button and matchrule fields, reading own properties only, so
// nothing a document smuggles in (an unknown field, a `__proto__` whose contents a parser turned
// into an inherited `matchrule`) reaches the server or changes what the confirmation says. The
// upload confirmation is worded from the same plan the request is sent from (planUpload).
// vscode-free.

import type { MatchRule, Menu, MenuButton } from './model';
import { asRecord, asText, type JsonRecord, ownValue } from './ownFields';
import { LEAF_FIELDS } from './rules/buttons';
import type { ButtonLevel } from './rules/limits';
import { MATCHRULE_FIELD_NAMES } from './rules/matchRule';

/** Fields in the order WeChat's documentation writes them (type, name, then the type's fields). */
function buttonBody(source: JsonRecord, level: ButtonLevel): MenuButton {
  const type = ownValue(source, 'type');
  const name = ownValue(source, 'name');
  const button: MenuButton = typeof type === 'string' ? { type, name: '' } : { name: '' };
  button.name = typeof name === 'string' ? name : '';
  for (const field of LEAF_FIELDS) {
    const value = ownValue(source, field);
    if (typeof value === 'string') button[field] = value;
  }
  // Only the menu bar has sub-menus: a sub-button's own sub_button is never followed (WeChat
  // refuses it, 40022), which also bounds the walk whatever the input's depth.
  const subs = level === 'top' ? buttonsBody(ownValue(source, 'sub_button'), 'sub') : [];
  if (subs.length > 0) button.sub_button = subs;
  return button;
}

function buttonsBody(value: unknown, level: ButtonLevel): MenuButton[] {
  if (!Array.isArray(value)) return [];
  const result: MenuButton[] = [];
  for (const item of value as unknown[]) {
    const record = asRecord(item);
    if (record) result.push(buttonBody(record, level));
  }
  return result;
}

function matchRuleBody(source: JsonRecord): MatchRule {
  const rule: MatchRule = {};
  for (const field of MATCHRULE_FIELD_NAMES) {
    const text = asText(ownValue(source, field));
    if (text !== undefined && text.trim() !== '') rule[field] = text;
  }
  return rule;
}

/**
 * The menu in upload shape from any value: own `button` list (and own `matchrule` object) only,
 * each button reduced to name, type, the documented leaf fields as strings and, on the menu bar,
 * its sub-buttons. Undefined when the value has no own `button` list.
 */
export function menuBody(value: unknown): Menu | undefined {
  const root = asRecord(value);
  const buttons = root ? ownValue(root, 'button') : undefined;
  if (!root || !Array.isArray(buttons)) return undefined;
  const menu: Menu = { button: buttonsBody(buttons, 'top') };
  const matchrule = asRecord(ownValue(root, 'matchrule'));
  if (matchrule) menu.matchrule = matchRuleBody(matchrule);
  return menu;
}

/** What an upload will do: the body to send and whether it adds a conditional menu. */
export interface MenuUpload {
  /** True: menu/addconditional with `body` (which has a matchrule); false: menu/create with its buttons. */
  readonly conditional: boolean;
  readonly body: Menu;
}

/** The upload of a menu: the confirmation reads `conditional`, the request sends `body`. */
export function planUpload(menu: Menu): MenuUpload {
  const body = menuBody(menu) ?? { button: [] };
  return { conditional: body.matchrule !== undefined, body };
}

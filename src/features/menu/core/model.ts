// The upload shape of a WeChat custom menu: what menu/create and menu/addconditional accept, and
// what menu files in the editor contain. vscode-free.

import type { ButtonType } from './rules/buttons';

export type { ButtonType } from './rules/buttons';

/**
 * One button. A top-level button has either `sub_button` (1–5 entries) or a `type` with the fields
 * that type requires; a sub-button always has a `type`. `type` is typed as string so that menus
 * read from files (which may hold unknown types) fit the model; the validator reports those.
 */
export interface MenuButton {
  type?: ButtonType | string;
  name: string;
  key?: string;
  url?: string;
  media_id?: string;
  article_id?: string;
  appid?: string;
  pagepath?: string;
  /** Sub-buttons; `[]` (the shape menu/get returns) means none. Only top-level buttons have them. */
  sub_button?: MenuButton[];
}

/**
 * Who sees a conditional menu. Values are strings in WeChat's documentation; menu/get may return
 * numbers, which the converter turns into strings.
 */
export interface MatchRule {
  tag_id?: string;
  /** Older name of `tag_id`. */
  group_id?: string;
  /** "1" iOS, "2" Android, "3" others. */
  client_platform_type?: string;
  sex?: string;
  country?: string;
  province?: string;
  city?: string;
  language?: string;
}

/** A default menu (no matchrule) or a conditional menu (with matchrule). */
export interface Menu {
  button: MenuButton[];
  matchrule?: MatchRule;
}

/** A conditional menu as menu/get lists it, in upload shape plus its id. */
export interface ConditionalMenu {
  menuid?: string;
  menu: Menu;
}

/** JSON path of a node: property names and array indexes from the document root. */
export type JsonPath = (string | number)[];

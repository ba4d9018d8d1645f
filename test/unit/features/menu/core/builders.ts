// Small builders for menu fixtures: tests say what differs, not the whole JSON.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';

import type { Menu } from '../../../../../src/features/menu/core/model';
import { type MenuProblem, type MenuValidation, problemMessage } from '../../../../../src/features/menu/core/validate';

export type Json = Record<string, unknown>;

export const click = (name = 'Click', key = 'KEY_1', extra: Json = {}): Json => ({ type: 'click', name, key, ...extra });
export const view = (name = 'Site', url = 'https://example.com/', extra: Json = {}): Json => ({ type: 'view', name, url, ...extra });
export const miniprogram = (name = 'Mini', extra: Json = {}): Json => ({
  type: 'miniprogram',
  name,
  url: 'https://example.com/fallback',
  appid: 'wx0123456789abcdef',
  pagepath: 'pages/index/index',
  ...extra,
});
export const parent = (name: string, subs: Json[], extra: Json = {}): Json => ({ name, sub_button: subs, ...extra });
export const menu = (...button: unknown[]): Json => ({ button });
export const withMatchRule = (m: Json, matchrule: unknown): Json => ({ ...m, matchrule });

/** Pretty JSON, so offsets fall on distinct lines as in real files. */
export const text = (value: unknown): string => JSON.stringify(value, null, 2);

/** `n` copies of a builder, each with a distinct name and key. */
export const many = (n: number, make: (i: number) => Json = (i) => click(`B${i}`, `MANY_KEY_${i}`)): Json[] =>
  Array.from({ length: n }, (_, i) => make(i));

/** The exact source text a problem covers. */
export const covered = (source: string, p: MenuProblem): string => source.slice(p.offset, p.offset + p.length);

/** A problem's English text, as the table makes it. */
export const message = (p: MenuProblem): string => problemMessage(p);

export const codes = (v: MenuValidation): string[] => v.problems.map((p) => p.code);

export function only(v: MenuValidation, code: string): MenuProblem {
  const found = v.problems.filter((p) => p.code === code);
  if (found.length !== 1) {
    throw new Error(`expected one ${code}, got ${found.length}: ${JSON.stringify(v.problems, null, 1)}`);
  }
  return found[0] as MenuProblem;
}

/** Offset of the value node at `path`, as jsonc-parser sees it. */
export function valueOffset(source: string, path: (string | number)[]): number {
  const root = parseTree(source);
  const node = root && findNodeAtLocation(root, path);
  if (!node) {
    throw new Error(`no node at ${JSON.stringify(path)}`);
  }
  return node.offset;
}

/** Strings of an exact UTF-8 byte length. */
export const ascii = (bytes: number): string => 'a'.repeat(bytes);
export const chinese = (chars: number): string => '菜'.repeat(chars); // 3 bytes each
export const emoji = (chars: number): string => '😀'.repeat(chars); // 4 bytes each

/** get_current_selfmenu_info payloads. */
export const live = {
  response: (buttons: Json[], isMenuOpen: number = 1): Json => ({ is_menu_open: isMenuOpen, selfmenu_info: { button: buttons } }),
  parent: (name: string, list: Json[]): Json => ({ name, sub_button: { list } }),
  consoleButton: (type: string, name: string, value?: string, extra: Json = {}): Json => ({
    type,
    name,
    ...(value === undefined ? {} : { value }),
    ...extra,
  }),
  news: (name: string, value: string): Json => ({
    type: 'news',
    name,
    value,
    news_info: {
      list: [
        {
          title: 'T',
          author: 'A',
          digest: 'D',
          show_cover: 1,
          cover_url: 'https://mmbiz.qpic.cn/c',
          content_url: 'https://mp.weixin.qq.com/s/x',
          source_url: '',
        },
      ],
    },
  }),
};

/** menu/get payloads. */
export const apiGet = (
  buttons: Json[] | undefined,
  conditional: { button: Json[]; matchrule?: Json; menuid?: unknown }[] = [],
  menuid: unknown = 208396938,
): Json => ({
  ...(buttons === undefined ? {} : { menu: { button: buttons, menuid } }),
  ...(conditional.length > 0 ? { conditionalmenu: conditional } : {}),
});

/** A built fixture as the typed model (fixtures are plain JSON on purpose). */
export const asMenu = (value: Json): Menu => value as unknown as Menu;

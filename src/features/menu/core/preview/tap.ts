// Which button a tap in the preview's phone means, for the callback simulator. The webview sends
// back only the opaque id the model gave the button ("b1", "b1.2"); the button's type, key and url
// are read here from the LIVE document text — unsaved edits included — with the same tolerant
// parser and last-wins rule as the model, so what is sent is what the phone shows. vscode-free.

import type { Node } from 'jsonc-parser';

import type { TappedButton } from '../../../simulator';
import { EVENT_BUTTON_TYPES, type EventButtonType } from '../rules/buttons';
import { parseMenuTree } from '../validate/jsonTree';
import { property } from './model';

/** The button types whose tap sends something to the callback server. */
const EVENT_TYPES: ReadonlySet<string> = new Set<EventButtonType>(EVENT_BUTTON_TYPES);

export type TapLookup =
  | { readonly ok: true; readonly name: string; readonly button: TappedButton }
  /**
   * gone: no such button in the text any more; subMenu: it opens a sub-menu (nothing is sent);
   * noEvent: media_id / article_id / unknown types, which WeChat answers itself without an event;
   * unreadable: the text is not a menu right now.
   */
  | { readonly ok: false; readonly reason: 'gone' | 'subMenu' | 'noEvent' | 'unreadable'; readonly name: string; readonly type?: string };

const ID = /^b(\d+)(?:\.(\d+))?$/;

export function tappedButton(text: string, id: string): TapLookup {
  const match = ID.exec(id);
  const root = parseMenuTree(text);
  const list = root ? property(root, 'button') : undefined;
  if (!match || list?.type !== 'array') return { ok: false, reason: match ? 'unreadable' : 'gone', name: '' };
  const top = list.children?.[Number(match[1])];
  const sub = match[2] === undefined ? top : subButtons(top)?.children?.[Number(match[2])];
  if (!sub || sub.type !== 'object') return { ok: false, reason: 'gone', name: '' };
  const name = textOf(sub, 'name') ?? '';
  if (match[2] === undefined && (subButtons(sub)?.children?.length ?? 0) > 0) return { ok: false, reason: 'subMenu', name };
  const type = textOf(sub, 'type');
  if (type === undefined || !EVENT_TYPES.has(type)) return { ok: false, reason: 'noEvent', name, ...(type === undefined ? {} : { type }) };
  const menuId = root ? scalarOf(root, 'menuid') : undefined;
  const key = textOf(sub, 'key');
  const url = textOf(sub, 'url');
  const pagepath = textOf(sub, 'pagepath');
  const button: TappedButton = {
    type: type as EventButtonType,
    ...(key === undefined ? {} : { key }),
    ...(url === undefined ? {} : { url }),
    ...(pagepath === undefined ? {} : { pagepath }),
    // A downloaded conditional menu carries the menuid WeChat gave it; WeChat sends it as MenuId.
    ...(menuId === undefined ? {} : { menuId }),
  };
  return { ok: true, name, button };
}

function subButtons(node: Node | undefined): Node | undefined {
  const list = node ? property(node, 'sub_button') : undefined;
  return list?.type === 'array' ? list : undefined;
}

function textOf(node: Node, name: string): string | undefined {
  const value = property(node, name)?.value;
  return typeof value === 'string' ? value : undefined;
}

function scalarOf(node: Node, name: string): string | undefined {
  const value = property(node, name)?.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

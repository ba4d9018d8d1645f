// The contract between the extension and the preview's webview script (src/webview/menuPreview/):
// what the webview is told to draw and what it may ask for. Both sides import these types, so a
// change here is type-checked on both. vscode-free and DOM-free: it is compiled for either side.

import type { ProblemSeverity } from '../validate/problems';
import type { ChatView } from './chatView';

/** One button as the phone shows it. Every string is final: localised and truncated already. */
export interface PreviewButton {
  /** Opaque id the webview sends back to reveal the button's source. */
  readonly id: string;
  /** What the client shows (possibly cut with "…"). Empty when the button has no usable name. */
  readonly label: string;
  readonly truncated: boolean;
  /** Tooltip: the full name and what the button does. */
  readonly title: string;
  /** Screen-reader label: full name, whether it opens a sub-menu, its problems. */
  readonly ariaLabel: string;
  /** Worst problem on this button itself (not on its sub-buttons). */
  readonly severity?: ProblemSeverity;
  /** Worst problem among the sub-buttons: the top button gets a dot so closed menus still show it. */
  readonly childSeverity?: ProblemSeverity;
  /** Sub-buttons; non-empty means the button opens a pop-up menu. */
  readonly subButtons: readonly PreviewButton[];
}

export interface PreviewProblem {
  readonly id: string;
  readonly severity: ProblemSeverity;
  /** Where, for people: "今日歌曲 › 搜索 › url". */
  readonly location: string;
  readonly message: string;
  /** Already formatted, e.g. "errcode 40018"; empty when WeChat would not reject it. */
  readonly errcode: string;
  /** Screen-reader label for the whole row. */
  readonly ariaLabel: string;
}

/** Labels the webview needs; it holds no text of its own. */
export interface PreviewStrings {
  readonly lang: string;
  readonly accountName: string;
  readonly back: string;
  readonly keyboard: string;
  readonly menuBar: string;
  readonly chatHint: string;
  readonly problemsHeading: string;
  readonly revealHint: string;
  readonly untitledButton: string;
}

export interface PreviewView {
  readonly buttons: readonly PreviewButton[];
  readonly problems: readonly PreviewProblem[];
  /** "2 errors, 1 warning" / "No problems: ready to upload". */
  readonly summary: string;
  readonly summarySeverity: ProblemSeverity | 'ok';
  /** Why the preview may not match the text (JSON unreadable, document closed); empty when it does. */
  readonly notices: readonly string[];
  readonly strings: PreviewStrings;
}

/** Extension → webview. */
export type ToWebview =
  | { readonly type: 'render'; readonly view: PreviewView }
  /** The callback simulator's chat, sent on its own so a reply does not re-render the menu. */
  | { readonly type: 'chat'; readonly chat: ChatView };

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  /** Select the source of a button or problem in the editor. */
  | { readonly type: 'reveal'; readonly id: string }
  /** A button was tapped: send its event. The id is looked up in the live document, nothing else is taken from the page. */
  | { readonly type: 'tap'; readonly id: string }
  /** The chat's text box: send a text message. */
  | { readonly type: 'sendText'; readonly text: string }
  /** One of the other events or messages of the "+" menu. */
  /** `event` is one of the simulator's events (parseFromWebview's `events`). */
  | { readonly type: 'simulate'; readonly event: string }
  /** Simulate WeChat's 3 retries of a late exchange (same MsgId). */
  | { readonly type: 'retry'; readonly exchangeId: string }
  | { readonly type: 'showRaw'; readonly exchangeId: string }
  /** A link in a reply; the extension opens it only if it is an http(s) link of a reply it rendered. */
  | { readonly type: 'openLink'; readonly url: string }
  | { readonly type: 'setUpCallback' }
  | { readonly type: 'verifyCallback' };

/** Longer ids or texts than any real button or message are refused, not cut. */
const MAX_ID_LENGTH = 32;
/** WeChat's text messages are at most 2048 bytes; a few times that in characters is plenty. */
const MAX_TEXT_LENGTH = 4096;
const MAX_URL_LENGTH = 2048;
const BUTTON_ID = /^b\d{1,2}(\.\d{1,2})?$/;
const EXCHANGE_ID = /^x\d{1,9}$/;

/** Messages come from a web page: check the shape (and every field's type and size) instead of trusting a cast. */
/** `events`: the kinds the chat's "+" menu offers (the simulator's list); any other `simulate` is refused. */
export function parseFromWebview(message: unknown, events: readonly string[]): FromWebview | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return undefined;
  }
  const fields = message as Record<string, unknown>;
  const type = fields['type'];
  const text = (key: string, max: number): string | undefined => {
    const value = fields[key];
    return typeof value === 'string' && value.length <= max ? value : undefined;
  };
  switch (type) {
    case 'ready':
    case 'setUpCallback':
    case 'verifyCallback':
      return { type };
    case 'reveal': {
      const id = text('id', MAX_ID_LENGTH);
      return id === undefined ? undefined : { type, id };
    }
    case 'tap': {
      const id = text('id', MAX_ID_LENGTH);
      return id !== undefined && BUTTON_ID.test(id) ? { type, id } : undefined;
    }
    case 'sendText': {
      const value = text('text', MAX_TEXT_LENGTH);
      return value !== undefined && value.trim() !== '' ? { type, text: value } : undefined;
    }
    case 'simulate': {
      const event = fields['event'];
      return typeof event === 'string' && events.includes(event) ? { type, event } : undefined;
    }
    case 'retry':
    case 'showRaw': {
      const exchangeId = text('exchangeId', MAX_ID_LENGTH);
      return exchangeId !== undefined && EXCHANGE_ID.test(exchangeId) ? { type, exchangeId } : undefined;
    }
    case 'openLink': {
      const url = text('url', MAX_URL_LENGTH);
      return url !== undefined && /^https?:\/\//i.test(url) ? { type, url } : undefined;
    }
    default:
      return undefined;
  }
}
